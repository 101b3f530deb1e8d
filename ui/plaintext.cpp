// SPDX-License-Identifier: GPL-3.0-or-later
#include "plaintext.h"

#include <QTextDocument>

namespace VisitMap::Ui::PlainText {

namespace {
QMessageBox::StandardButton show(QWidget *parent,
                                 QMessageBox::Icon icon,
                                 const QString &title,
                                 const QString &text,
                                 QMessageBox::StandardButtons buttons)
{
    QMessageBox box(icon, title, text, buttons, parent);
    box.setTextFormat(Qt::PlainText);
    return QMessageBox::StandardButton(box.exec());
}
} // namespace

void warning(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, QMessageBox::Warning, title, text, QMessageBox::Ok);
}

void information(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, QMessageBox::Information, title, text, QMessageBox::Ok);
}

QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text)
{
    return show(parent, QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No);
}

QString toolTip(const QString &text)
{
    return text.isEmpty() ? QString() : Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

} // namespace VisitMap::Ui::PlainText
