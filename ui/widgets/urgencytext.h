// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "risk/urgencyrules.h"

#include <QColor>
#include <QCoreApplication>
#include <QDate>
#include <QString>

class QTreeWidgetItem;

namespace VisitMap::Ui {

// An intake item's urgency and response deadline in words for the queue and its detail.
class UrgencyText
{
    Q_DECLARE_TR_FUNCTIONS(VisitMap::Ui::UrgencyText)
public:
    static QString level(Urgency urgency); // 긴급 / 우선 / 일반
    // Why, e.g. "자살 위험, '폭행' 언급".
    static QString reasons(const QList<Intake::UrgencyReason> &reasons);
    // "오늘까지", "2026.11.24까지", or overdue "기한 지남 (2026.11.22)".
    static QString deadline(const QDate &due, const QDate &today);
    static bool overdue(const QDate &due, const QDate &today)
    {
        return due.isValid() && due < today;
    }
    // The level's text colour (urgent red, priority amber; normal: none, invalid QColor).
    static QColor colour(Urgency urgency);
    // A queue row: the level in its colour (긴급 bold) and the deadline, an overdue one in red
    // and bold besides its words.
    static void decorate(QTreeWidgetItem *item,
                         int levelColumn,
                         int dueColumn,
                         Urgency urgency,
                         const QDate &due,
                         const QDate &today);
    // The detail's line: "<br><b>긴급도</b> 긴급 — 자살 위험 · <b>응답 기한</b> 오늘까지", and for
    // an urgent item what to do today.
    static QString
    detailHtml(const Intake::UrgencyAssessment &urgency, const QDate &due, const QDate &today);
};

} // namespace VisitMap::Ui
