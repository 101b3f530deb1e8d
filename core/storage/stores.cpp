// SPDX-License-Identifier: GPL-3.0-or-later
#include "stores.h"

#include "assessmentstore.h"
#include "attachmentstore.h"
#include "casestore.h"
#include "checkinstore.h"
#include "conflictrecords.h"
#include "counselingstore.h"
#include "crisisstore.h"
#include "facilitystore.h"
#include "figuresstore.h"
#include "householdstore.h"
#include "metastore.h"
#include "officestore.h"
#include "publishstore.h"
#include "quarantinestore.h"
#include "reportstore.h"
#include "riskstore.h"
#include "routeplanstore.h"
#include "servicestore.h"
#include "settingstore.h"
#include "statsstore.h"
#include "syncstatestore.h"
#include "urgencystore.h"
#include "visitstore.h"

namespace VisitMap::Storage {

Stores::Stores(Database &db)
    : m_households(std::make_unique<HouseholdStore>(db))
    , m_offices(std::make_unique<OfficeStore>(db))
    , m_visits(std::make_unique<VisitStore>(db))
    , m_risk(std::make_unique<RiskStore>(db))
    , m_reports(std::make_unique<ReportStore>(db))
    , m_meta(std::make_unique<MetaStore>(db))
    , m_crises(std::make_unique<CrisisStore>(db))
    , m_facilities(std::make_unique<FacilityStore>(db))
    , m_checkins(std::make_unique<CheckinStore>(db))
    , m_cases(std::make_unique<CaseStore>(db))
    , m_attachments(std::make_unique<AttachmentStore>(db))
    , m_urgency(std::make_unique<UrgencyStore>(db))
    , m_services(std::make_unique<ServiceStore>(db))
    , m_routePlans(std::make_unique<RoutePlanStore>(db))
    , m_stats(std::make_unique<StatsStore>(db))
    , m_figures(std::make_unique<FiguresStore>(db))
    , m_assessments(std::make_unique<AssessmentStore>(db))
    , m_settings(std::make_unique<SettingStore>(db))
    , m_counseling(std::make_unique<CounselingStore>(db))
    , m_syncState(std::make_unique<Sync::SyncStateStore>(db))
    , m_conflictRecords(std::make_unique<Sync::ConflictRecords>(db))
    , m_quarantine(std::make_unique<Sync::QuarantineStore>(db))
    , m_published(std::make_unique<Sync::PublishStore>(db))
{
}

Stores::~Stores() = default;

} // namespace VisitMap::Storage
