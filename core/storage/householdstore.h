// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/household.h"
#include "model/person.h"
#include "util/result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QStringList>
#include <optional>
#include <vector>

namespace VisitMap::Security {
class Keyring;
}

namespace VisitMap::Storage {

class Database;
class Journal;

enum class HouseholdOrder { Row, Tier, Dong, HeadName, Address, Type, NextDue, Worker };

struct HouseholdQuery
{
    QStringList offices;            // empty: every office
    std::optional<RiskTier> tier;   // effective tier
    bool overdueOnly = false;
    bool newOnly = false;
    QString worker;                 // "-" : unassigned
    int tong = 0;                   // 0: any
    int ban = 0;
    std::optional<CaseStage> caseStage; // households with an open case at this stage
    QString text;                   // search words: name, 초성, road, phone digits (FTS)
    QDate today;                    // for overdue
    int limit = 0;
    HouseholdOrder order = HouseholdOrder::Row;
    bool descending = false;
};

struct TierCounts
{
    int high = 0;
    int medium = 0;
    int low = 0;
    int overdue = 0;
    int fresh = 0; // new discoveries
    int total() const { return high + medium + low; }
};

// A household with its members, for writing.
struct HouseholdRecord
{
    Household household;
    QList<Person> members;
};

// Compact, for drawing and indexing hundreds of thousands of households.
struct HouseholdPoint
{
    double lon = 0;
    double lat = 0;
    qint64 rowId = 0;
    RiskTier tier = RiskTier::Low;
    bool overdue = false;
    bool fresh = false;
};

// The household aggregate: the household row and its members. 주민등록번호 and health notes are
// encrypted with the office key on the way in and decrypted only for a signed-in key holder.
// A person found by name (and birth date): where they live.
struct PersonRef
{
    QString personId;
    QString householdId;
    QString officeCode;
    QString roadAddress;
};

// A household as the export writes it: with its 행정동's names and its head's person row (the
// resident number still encrypted; only an unmasked export opens it).
struct HouseholdExportRow
{
    Household household;
    QString officeName;
    QString officeFullName;
    QString headPersonId;
    QByteArray headRrnCipher;
    QString headBirthDate; // ISO date as stored
    QString headSex;       // M, F or empty
};

class HouseholdStore
{
public:
    explicit HouseholdStore(Database &db) : m_db(db) {}

    Result<Household> get(const QString &id) const;
    Result<QList<Household>> list(const HouseholdQuery &query) const;
    // The rowids of the households a query selects, in its order: a list view holds these and
    // fetches the rows it shows (byRowIds), so a district of a million stays light.
    Result<std::vector<qint64>> rowIds(const HouseholdQuery &query) const;
    Result<QList<Household>> byRowIds(const QList<qint64> &rowIds) const;
    Result<TierCounts> counts(const QStringList &offices, const QDate &today) const;
    // Every household of the offices (all when empty), in rowid order.
    Result<std::vector<HouseholdPoint>> points(const QDate &today, const QStringList &offices = {}) const;
    // points() read through a read-only connection of its own to the store file at storePath, so
    // any thread can read the map's positions while the window's connection stays where it is.
    static Result<std::vector<HouseholdPoint>>
    pointsInFile(const QString &storePath, const QDate &today, const QStringList &offices = {});
    // The same facts for these households only (by id), in rowid order; a household outside the
    // offices, or no longer in the store, is left out.
    Result<std::vector<HouseholdPoint>>
    pointsOf(const QStringList &ids, const QDate &today, const QStringList &offices = {}) const;
    Result<QString> idForRow(qint64 rowId) const;
    // The other way: the row the map and the list know a household by. NotFound when there is none.
    Result<qint64> rowOfId(const QString &householdId) const;
    Result<bool> exists(const QString &id) const;
    // The 행정동 a household belongs to; nullopt when there is no such household.
    Result<std::optional<QString>> officeOf(const QString &id) const;

    // Members; identifiers decrypted when the keyring holds the office key (else left empty,
    // hasRrn telling whether one is on file).
    Result<QList<Person>> members(const QString &householdId, const Security::Keyring *keys,
                                  bool withHealthNotes = false) const;

    // Adds households with their members in one transaction with their outbox and access-log
    // rows. Ids, timestamps and created_by are filled in where empty.
    Status add(QList<HouseholdRecord> &records, Journal &journal, const Security::Keyring &keys,
               const QString &auditDetail = {});

    // Assigns households to a worker (empty: unassigned). Returns the previous worker of each, for
    // undo.
    Result<QHash<QString, QString>> assign(const QStringList &householdIds, const QString &worker,
                                           Journal &journal);
    Status assignEach(const QHash<QString, QString> &workers, Journal &journal);

    // Intake: households near a place (within metres), at a road address, or with a member of
    // this name; at most limit ids each.
    Result<QStringList> idsNear(double lon, double lat, double metres, int limit) const;
    Result<QStringList> idsOnRoad(const QString &road, const QString &number, int limit) const;
    Result<QStringList> idsWithMember(const QString &name, int limit) const;
    // Persons of that name and birth date (any birth date when birth is invalid), at most limit.
    Result<QList<PersonRef>> personsNamed(const QString &name, const QDate &birth, int limit) const;
    // Marks a household as a new discovery (until someone meets it), as a 발굴 round or a
    // citizen report does.
    Status flagNew(const QString &householdId, Journal &journal);

    // Recomputes every household's search keys (stores made before search existed).
    Result<int> refreshSearchKeys();

    // Every household of these offices, in store order, for an export.
    Result<QList<HouseholdExportRow>> exportRows(const QStringList &offices) const;

private:
    static QString selectColumns();
    static constexpr int columnCount = 28; // of selectColumns()
    static Household readHousehold(const QSqlQuery &q, int first = 0);
    Result<std::vector<HouseholdPoint>>
    readPoints(const QDate &today, const QStringList &offices, const QStringList *ids) const;

    Database &m_db;
};

} // namespace VisitMap::Storage
