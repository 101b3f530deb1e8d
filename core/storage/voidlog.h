// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

namespace VisitMap::Storage {

class Database;
class Journal;

// Voids: how an append-only entry is taken back. The entry stays (the timeline strikes it
// through); a void record says who, when and why.
namespace VoidLog {
Status add(Database &db, Journal &journal, const QString &entity, const QString &entityId,
           const QString &householdId, const QString &officeCode, const QString &reason);
// SQL: the entry of this kind whose id is in idColumn has not been taken back.
QString notVoided(QLatin1StringView entity, const QString &idColumn);
// The 행정동 of an entry that may be taken back (visit, assessment, counseling, service_link,
// stage_change, attachment, case) of that household: empty when the household has no such entry.
// ErrorCode::Validation for a kind of entry that cannot be taken back.
Result<QString> officeOfEntry(const Database &db, const QString &entity, const QString &entityId,
                              const QString &householdId);
Result<bool> isVoided(const Database &db, const QString &entity, const QString &entityId);
// The voided ids among a household's entries of one kind.
Result<QSet<QString>> voidedIds(const Database &db, const QString &entity);
// The needs assessments and counselling notes logged with a visit and not yet taken back, as
// (entity, id): taking the visit back takes them with it.
Result<QList<QPair<QString, QString>>> loggedWithVisit(const Database &db, const QString &visitId);
} // namespace VoidLog

} // namespace VisitMap::Storage
