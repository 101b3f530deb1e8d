// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/logentries.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace VisitMap::Ui {

// The 10 욕구 domains + 기타, each with a level (없음 … 높음) and a note.
class NeedsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit NeedsEditor(QWidget *parent = nullptr);
    QList<NeedItem> items() const;
    void setLevel(const QString &domain, int level, const QString &note = {});

private:
    struct Row
    {
        QString domain;
        QComboBox *level;
        QLineEdit *note;
    };
    QList<Row> m_rows;
};

} // namespace VisitMap::Ui
