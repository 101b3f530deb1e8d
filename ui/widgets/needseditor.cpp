// SPDX-License-Identifier: GPL-3.0-or-later
#include "needseditor.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

namespace VisitMap::Ui {

NeedsEditor::NeedsEditor(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(new QLabel(tr("영역"), this), 0, 0);
    grid->addWidget(new QLabel(tr("욕구 수준"), this), 0, 1);
    grid->addWidget(new QLabel(tr("내용"), this), 0, 2);
    int r = 1;
    for (const NeedDomain &d : needDomains()) {
        auto *name = new QLabel(d.name, this);
        auto *level = new QComboBox(this);
        for (int l = 0; l <= 3; ++l)
            level->addItem(needLevelLabel(l), l);
        level->setAccessibleName(tr("%1 욕구 수준").arg(d.name));
        name->setBuddy(level);
        auto *note = new QLineEdit(this);
        note->setAccessibleName(tr("%1 내용").arg(d.name));
        grid->addWidget(name, r, 0);
        grid->addWidget(level, r, 1);
        grid->addWidget(note, r, 2);
        m_rows.append({d.code, level, note});
        ++r;
    }
    grid->setColumnStretch(2, 1);
}

QList<NeedItem> NeedsEditor::items() const
{
    QList<NeedItem> out;
    for (const Row &r : m_rows)
        out.append({r.domain, r.level->currentData().toInt(), r.note->text().trimmed()});
    return out;
}

void NeedsEditor::setLevel(const QString &domain, int level, const QString &note)
{
    for (const Row &r : m_rows) {
        if (r.domain == domain) {
            r.level->setCurrentIndex(level);
            r.note->setText(note);
        }
    }
}

} // namespace VisitMap::Ui
