// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/crisisreport.h"
#include "util/result.h"

#include <QSet>

#include <functional>

namespace VisitMap::Security {
class Keyring;
}

namespace VisitMap::Storage {

class Database;
class Journal;

// 복지위기 알림 reports. The reporter's contact goes to crisis_report_contacts, encrypted with an
// office key, and is read back only through contact() (the caller checks the intake right);
// photos go to attachments, encrypted, with the report's id.
class ReportStore
{
public:
    explicit ReportStore(Database &db) : m_db(db) {}

    // Which of these file ids are already in the store.
    Result<QSet<QString>> existing(const QStringList &externalIds) const;
    // Writes the reports with their contacts and photos (inside the caller's transaction).
    // keyOffice: the office whose key encrypts contacts and photos of a report outside the
    // store's offices. afterEach (if given) is called with the count written after each report;
    // an error it returns stops the writing and is returned (the caller rolls back).
    Status add(QList<CrisisReport> &reports,
               const QList<ReportAttachments> &attachments,
               const QString &keyOffice,
               Journal &journal,
               const Security::Keyring &keys,
               const std::function<Status(qsizetype written)> &afterEach = {});
    Result<CrisisReport> get(const QString &id) const;
    Result<CrisisReport> byExternalId(const QString &externalId) const;
    // Reports waiting for a decision: those of the given offices, and those no office of the
    // store holds (outside the district, or without a place) for the intake to forward.
    Result<QList<CrisisReport>> open(const QStringList &offices) const;
    Result<QList<CrisisReport>> forHousehold(const QString &householdId) const;
    // The reporter's contact in the clear (empty when none was given); logged as a reveal.
    Result<QString> contact(const QString &reportId, Journal &journal, const Security::Keyring &keys) const;
    Result<int> photoCount(const QString &reportId) const;
    // Reports not yet given an urgency (those stored before urgencies were kept).
    Result<QList<CrisisReport>> unclassified() const;
    // Stores a report's urgency and response deadline, as the rules decide them from its facts
    // (every store decides the same, so the change is not sent to others).
    Status setUrgency(const QString &reportId, Urgency urgency, const QDate &responseDue);
    // status: linked / opened (with householdId), duplicate (with duplicateOf), dismissed.
    Status resolve(const QString &reportId, const QString &status, const QString &householdId,
                   const QString &duplicateOf, Journal &journal);

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
