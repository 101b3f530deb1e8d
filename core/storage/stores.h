// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

namespace VisitMap::Storage {

class Database;
class AssessmentStore;
class AttachmentStore;
class CaseStore;
class CheckinStore;
class CounselingStore;
class CrisisStore;
class FacilityStore;
class HouseholdStore;
class MetaStore;
class OfficeStore;
class ReportStore;
class RiskStore;
class RoutePlanStore;
class ServiceStore;
class SettingStore;
class StatsStore;
class FiguresStore;
class UrgencyStore;
class VisitStore;
} // namespace VisitMap::Storage

namespace VisitMap::Sync {
class ConflictRecords;
class PublishStore;
class QuarantineStore;
class SyncStateStore;
} // namespace VisitMap::Sync

namespace VisitMap::Storage {

// The stores of one open local store, built once when it opens and handed out by reference
// (Workspace::stores()). Each is a view onto the connection: it holds no rows and no cache, so
// one instance serves every caller, on whichever thread holds the connection at the time.
// A store is used through its own header; this one only names them.
class Stores
{
public:
    explicit Stores(Database &db);
    ~Stores();
    Stores(const Stores &) = delete;
    Stores &operator=(const Stores &) = delete;

    HouseholdStore &households() const { return *m_households; }
    OfficeStore &offices() const { return *m_offices; }
    VisitStore &visits() const { return *m_visits; }
    RiskStore &risk() const { return *m_risk; }
    ReportStore &reports() const { return *m_reports; }
    MetaStore &meta() const { return *m_meta; }
    CrisisStore &crises() const { return *m_crises; }
    FacilityStore &facilities() const { return *m_facilities; }
    CheckinStore &checkins() const { return *m_checkins; }
    CaseStore &cases() const { return *m_cases; }
    AttachmentStore &attachments() const { return *m_attachments; }
    UrgencyStore &urgency() const { return *m_urgency; }
    ServiceStore &services() const { return *m_services; }
    RoutePlanStore &routePlans() const { return *m_routePlans; }
    StatsStore &stats() const { return *m_stats; }
    FiguresStore &figures() const { return *m_figures; }
    AssessmentStore &assessments() const { return *m_assessments; }
    SettingStore &settings() const { return *m_settings; }
    CounselingStore &counseling() const { return *m_counseling; }
    // What the sync keeps locally: the sync state, the conflicts and quarantine, what a team
    // lead has published. (The outbox is built where it is read: it keeps its statements
    // prepared for one run.)
    Sync::SyncStateStore &syncState() const { return *m_syncState; }
    Sync::ConflictRecords &conflictRecords() const { return *m_conflictRecords; }
    Sync::QuarantineStore &quarantine() const { return *m_quarantine; }
    Sync::PublishStore &published() const { return *m_published; }

private:
    std::unique_ptr<HouseholdStore> m_households;
    std::unique_ptr<OfficeStore> m_offices;
    std::unique_ptr<VisitStore> m_visits;
    std::unique_ptr<RiskStore> m_risk;
    std::unique_ptr<ReportStore> m_reports;
    std::unique_ptr<MetaStore> m_meta;
    std::unique_ptr<CrisisStore> m_crises;
    std::unique_ptr<FacilityStore> m_facilities;
    std::unique_ptr<CheckinStore> m_checkins;
    std::unique_ptr<CaseStore> m_cases;
    std::unique_ptr<AttachmentStore> m_attachments;
    std::unique_ptr<UrgencyStore> m_urgency;
    std::unique_ptr<ServiceStore> m_services;
    std::unique_ptr<RoutePlanStore> m_routePlans;
    std::unique_ptr<StatsStore> m_stats;
    std::unique_ptr<FiguresStore> m_figures;
    std::unique_ptr<AssessmentStore> m_assessments;
    std::unique_ptr<SettingStore> m_settings;
    std::unique_ptr<CounselingStore> m_counseling;
    std::unique_ptr<Sync::SyncStateStore> m_syncState;
    std::unique_ptr<Sync::ConflictRecords> m_conflictRecords;
    std::unique_ptr<Sync::QuarantineStore> m_quarantine;
    std::unique_ptr<Sync::PublishStore> m_published;
};

} // namespace VisitMap::Storage
