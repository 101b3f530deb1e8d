// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>

namespace VisitMap::Ui {

// Dates as a Korean office writes them: 2026.12.02 (수), with the time as 2026.12.02 (수) 14:05
// in Seoul time whatever the computer's zone. One place, so every view reads the same.
class KoreanDate
{
    Q_DECLARE_TR_FUNCTIONS(KoreanDate)
public:
    static QString date(const QDate &date);         // "2026.12.02 (수)"; empty when invalid
    static QString dateTime(const QDateTime &time); // "2026.12.02 (수) 14:05"
    static QString weekday(const QDate &date);      // "수"
};

} // namespace VisitMap::Ui
