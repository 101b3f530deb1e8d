// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/timeline.h"

#include <QCoreApplication>
#include <QString>

namespace VisitMap::Ui {

// The words of a household's timeline: what kind of entry it is, its line and its detail, from
// the facts the store gives (Storage::TimelineEntry), through Qt's translation.
class TimelineWords
{
    Q_DECLARE_TR_FUNCTIONS(TimelineWords)

public:
    static QString kind(Storage::TimelineEntry::Kind kind);
    // The entry's line ("방문 · 만남", "복지위기 알림 신고 (자살 위험)").
    static QString title(const Storage::TimelineEntry &entry);
    // What it says beyond its line (notes, the needs found, a report's description); may be empty.
    static QString detail(const Storage::TimelineEntry &entry);
    // Who: the account or the staff present, or for a citizen's report whether the person or a
    // neighbour reported it (never who).
    static QString by(const Storage::TimelineEntry &entry);
};

} // namespace VisitMap::Ui
