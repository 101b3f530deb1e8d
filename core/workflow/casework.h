// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/casefile.h"
#include "model/household.h"
#include "model/logentries.h"
#include "model/person.h"
#include "model/visit.h"
#include "risk/casedeadlines.h"
#include "risk/riskscorer.h"
#include "storage/timeline.h"
#include "util/result.h"

#include <QHash>
#include <optional>

namespace VisitMap {

class Workspace;

// What the household panel shows.
struct HouseholdView
{
    Household household;
    QList<Person> members;            // identifiers in plain text for the screen to mask
    Risk::RiskAssessment risk;        // why it scores what it does
    QList<Storage::TimelineEntry> timeline;
    QList<CaseFile> cases;
    QList<Risk::Deadline> deadlines;  // of the open case
    QList<ServiceLink> services;
    QList<Attachment> attachments;
    std::optional<Checkin> openCheckin;
    bool keysAvailable = true;        // false: waiting for the office key
};

// The caseworker's day, as actions: each checks the account's right and office, writes in one
// transaction (entry, outbox, access log), and keeps the household's risk and next-due date
// current. The app's dialogs and `visitmap-cli visit` both go through here.
class CaseWork
{
public:
    explicit CaseWork(Workspace &workspace) : m_ws(workspace) {}

    // Opens a household for the panel: a logged view (조회). A refresh of the panel after the
    // person's own edit is not a new view and is not logged again.
    enum class ViewLog { Log, Refresh };
    Result<HouseholdView> open(const QString &householdId, ViewLog log = ViewLog::Log);

    // A visit, optionally with the needs assessment and counselling note taken during it.
    Result<Visit> logVisit(Visit visit, std::optional<NeedAssessment> assessment = std::nullopt,
                           std::optional<CounselingNote> note = std::nullopt);
    // Many visits (a transcribed paper log): all or none.
    Status logVisits(QList<Visit> &visits);
    Result<NeedAssessment> assess(NeedAssessment assessment);
    Result<CounselingNote> addNote(CounselingNote note);
    // Takes back an entry (visit, assessment, counseling, service_link, stage_change): it stays,
    // struck through, with the reason.
    Status takeBack(const QString &entity, const QString &entityId, const QString &householdId,
                    const QString &reason);

    Status setRiskOverride(const QString &householdId, std::optional<RiskTier> tier, const QString &reason);

    Result<ServiceLink> linkService(ServiceLink link);
    Status setServiceStatus(const QString &householdId, const QString &linkId, const QString &status,
                            const QString &note);

    Result<CaseFile> openCase(const QString &householdId, CaseType caseType);
    Status moveCase(const QString &caseId, CaseStage to, const QString &note);

    // Team lead: who visits which households. Returns the previous worker of each (for undo).
    Result<QHash<QString, QString>> assign(const QStringList &householdIds, const QString &worker);
    Status assignEach(const QHash<QString, QString> &workers);

    Result<Checkin> checkIn(const QString &householdId, int expectedMinutes);
    Status checkOut(const QString &checkinId);
    Result<Attachment> attach(const QString &householdId, const QString &fileName, const QByteArray &data,
                              bool consent);

private:
    Status allowedFor(const QString &householdId, int permission) const;

    Workspace &m_ws;
};

} // namespace VisitMap
