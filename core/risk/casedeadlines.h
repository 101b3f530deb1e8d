// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/casefile.h"

#include <QDate>
#include <QList>
#include <QString>

namespace VisitMap::Risk {

// The deadlines of 통합사례관리 (research-notes §2): 접수 → 욕구·위기도 조사 within about 10 days,
// 접수 → 서비스 제공계획 within 30 days, 사례회의 → 구분·선정 within about 5 days.
struct Deadline
{
    enum class State { Upcoming, DueSoon, Late, Met };
    QString label;
    QDate due;
    QDate metOn; // when it was met, if it was
    State state = State::Upcoming;
    int daysLeft = 0; // negative when late
};

class CaseDeadlines
{
public:
    static constexpr int assessmentDays = 10;
    static constexpr int planDays = 30;
    static constexpr int selectionDays = 5;
    static constexpr int dueSoonDays = 3;

    static QList<Deadline> forCase(const CaseFile &c, const QDate &today);
    // The most pressing open deadline (late first, then nearest), if any.
    static std::optional<Deadline> mostPressing(const CaseFile &c, const QDate &today);
    static QString stateLabel(Deadline::State state);
};

} // namespace VisitMap::Risk
