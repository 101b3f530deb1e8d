// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacecontroller.h"

#include "access/disclosure.h"
#include "export/exportservice.h"
#include "intake/reportintake.h"
#include "intake/roundintake.h"
#include "intake/urgentescalation.h"
#include "security/masking.h"
#include "storage/accountstore.h"
#include "storage/facilitystore.h"
#include "storage/officestore.h"
#include "storage/statsstore.h"
#include "storage/stores.h"
#include "sync/conflictstore.h"
#include "sync/syncservice.h"
#include "util/clock.h"
#include "workflow/casework.h"
#include "workflow/facilitydirectory.h"
#include "workflow/photoaccess.h"
#include "workspace.h"

namespace VisitMap::Ui {

WorkspaceController::WorkspaceController(QObject *parent) : QObject(parent) {}
WorkspaceController::~WorkspaceController() = default;

Status WorkspaceController::open(const QString &path)
{
    auto ws = Workspace::open(path);
    if (!ws)
        return fail(ws.error());
    adopt(std::move(*ws));
    return {};
}

void WorkspaceController::adopt(std::unique_ptr<Workspace> workspace)
{
    // The services hold the workspace by reference: they go before it does.
    m_escalation.reset();
    m_roundIntake.reset();
    m_reportIntake.reset();
    m_conflicts.reset();
    m_sync.reset();
    m_exports.reset();
    m_facilityDirectory.reset();
    m_photos.reset();
    m_caseWork.reset();
    m_disclosure.reset();
    m_ws = std::move(workspace);
    if (m_ws) {
        m_disclosure = std::make_unique<Security::Disclosure>(*m_ws);
        m_caseWork = std::make_unique<CaseWork>(*m_ws);
        m_photos = std::make_unique<PhotoAccess>(*m_ws);
        m_facilityDirectory = std::make_unique<FacilityDirectory>(*m_ws);
        m_exports = std::make_unique<Export::ExportService>(*m_ws);
        m_sync = std::make_unique<Sync::SyncService>(*m_ws);
        m_conflicts = std::make_unique<Sync::ConflictStore>(*m_ws);
        m_reportIntake = std::make_unique<Intake::ReportIntake>(*m_ws);
        m_roundIntake = std::make_unique<Intake::RoundIntake>(*m_ws);
        m_escalation = std::make_unique<Intake::UrgentEscalation>(*m_ws);
        // The notifier lives and dies with the workspace, and the connection with it. An import
        // on a worker announces its batches while it holds the store's connection: the views
        // could not read them then, and the import reads everything again when it ends.
        Workspace *ws = m_ws.get();
        connect(&m_ws->notifier(), &Storage::ChangeNotifier::changed, this,
                [this, ws](const Storage::ChangeSet &changes) {
                    if (ws == m_ws.get() && !ws->busyElsewhere())
                        Q_EMIT storeChanged(changes);
                });
    }
    cacheOffices();
    Q_EMIT sessionChanged();
    Q_EMIT householdsChanged();
}

void WorkspaceController::cacheOffices()
{
    m_offices.clear();
    m_officeNames.clear();
    if (!m_ws)
        return;
    auto all = m_ws->stores().offices().all();
    if (!all)
        return;
    const Security::Session *s = m_ws->session();
    for (const Office &o : *all) {
        m_officeNames.insert(o.code, o.name);
        if (!s || s->covers(o.code))
            m_offices.append(o);
    }
}

Status WorkspaceController::signIn(const QString &name, const QString &password)
{
    m_disclosure->forget();
    auto s = m_ws->signIn(name, password);
    if (!s)
        return fail(s.error());
    cacheOffices();
    Q_EMIT sessionChanged();
    Q_EMIT householdsChanged();
    return {};
}

Status WorkspaceController::signInDemo()
{
    auto s = m_ws->signInDemo();
    if (!s)
        return fail(s.error());
    cacheOffices();
    Q_EMIT sessionChanged();
    Q_EMIT householdsChanged();
    return {};
}

void WorkspaceController::signOut()
{
    if (!m_ws)
        return;
    m_disclosure->forget();
    m_ws->signOut();
    cacheOffices();
    Q_EMIT sessionChanged();
    Q_EMIT householdsChanged();
}

bool WorkspaceController::can(int permission) const
{
    return m_ws && m_ws->session() && m_ws->session()->can(Security::Permission(permission));
}

QString WorkspaceController::accountName() const
{
    return m_ws && m_ws->session() ? m_ws->session()->name() : QString();
}

QString WorkspaceController::roleLabel() const
{
    return m_ws && m_ws->session() ? label(m_ws->session()->role()) : QString();
}

bool WorkspaceController::isDemo() const
{
    return m_ws && m_ws->isDemo();
}

QString WorkspaceController::storePath() const
{
    return m_ws ? m_ws->path() : QString();
}

QDate WorkspaceController::today() const
{
    return m_ws ? m_ws->clock().today() : Clock::system().today();
}

QStringList WorkspaceController::workers() const
{
    QStringList out;
    if (!m_ws)
        return out;
    auto all = m_ws->accounts().all();
    if (!all)
        return out;
    for (const Security::Account &a : *all) {
        if (a.active && a.role != Role::Admin)
            out << a.name;
    }
    return out;
}

QList<Office> WorkspaceController::offices() const
{
    return m_offices;
}

QString WorkspaceController::officeName(const QString &code) const
{
    return m_officeNames.value(code, code);
}

Storage::HouseholdQuery WorkspaceController::baseQuery() const
{
    Storage::HouseholdQuery q;
    q.today = today();
    if (m_ws && m_ws->session())
        q.offices = m_ws->session()->offices;
    return q;
}

std::vector<qint64> WorkspaceController::listedRowIds(const Storage::HouseholdQuery &query) const
{
    if (!m_ws || !m_ws->session())
        return {};
    Storage::HouseholdQuery q = query;
    const QStringList allowed = m_ws->session()->offices;
    if (q.offices.isEmpty())
        q.offices = allowed;
    else
        q.offices.removeIf([&](const QString &o) { return !allowed.contains(o); });
    if (q.offices.isEmpty())
        return {};
    q.today = today();
    auto ids = m_ws->stores().households().rowIds(q);
    return ids ? std::move(*ids) : std::vector<qint64>();
}

std::vector<Storage::HouseholdPoint> WorkspaceController::householdPoints() const
{
    if (!m_ws || !m_ws->session())
        return {};
    auto points = m_ws->stores().households().points(today(), m_ws->session()->offices);
    return points ? *points : std::vector<Storage::HouseholdPoint>();
}

std::optional<std::vector<Storage::HouseholdPoint>>
WorkspaceController::householdPointsOf(const QStringList &householdIds) const
{
    if (!m_ws || !m_ws->session())
        return std::nullopt;
    if (householdIds.isEmpty())
        return std::vector<Storage::HouseholdPoint>();
    auto points
        = m_ws->stores().households().pointsOf(householdIds, today(), m_ws->session()->offices);
    if (!points)
        return std::nullopt;
    return std::move(*points);
}

std::function<Result<std::vector<Storage::HouseholdPoint>>()> WorkspaceController::householdPointsReader() const
{
    using Points = Result<std::vector<Storage::HouseholdPoint>>;
    if (!m_ws || !m_ws->session())
        return [] { return Points(std::vector<Storage::HouseholdPoint>()); };
    const QString path = m_ws->path();
    const QDate day = today();
    const QStringList offices = m_ws->session()->offices;
    if (path.isEmpty() || path == QLatin1String(":memory:")) {
        auto points = std::make_shared<Points>(m_ws->stores().households().points(day, offices));
        return [points] { return *points; };
    }
    return [path, day, offices]() -> Points {
        return Storage::HouseholdStore::pointsInFile(path, day, offices);
    };
}

Storage::TierCounts WorkspaceController::counts() const
{
    if (!m_ws || !m_ws->session())
        return {};
    auto c = m_ws->stores().households().counts(m_ws->session()->offices, today());
    return c ? *c : Storage::TierCounts();
}

QList<Facility> WorkspaceController::placedFacilities() const
{
    QList<Facility> out;
    if (!m_ws || !m_ws->session())
        return out;
    auto all = m_ws->stores().facilities().all();
    if (!all)
        return out;
    for (const Facility &f : *all) {
        if (f.lon && f.lat)
            out.append(f);
    }
    return out;
}

QHash<QString, int> WorkspaceController::highRiskByOffice() const
{
    QHash<QString, int> out;
    if (!m_ws || !m_ws->session())
        return out;
    auto stats = m_ws->stores().stats().compute(today(), m_ws->session()->offices);
    if (!stats)
        return out;
    for (const Storage::DongStats &d : stats->dongs)
        out.insert(d.code, d.high);
    return out;
}

QString WorkspaceController::householdSummary(qint64 rowId) const
{
    if (!m_ws || !m_ws->session())
        return {};
    auto rows = m_ws->stores().households().byRowIds({rowId});
    if (!rows || rows->isEmpty())
        return {};
    return summaryLine(rows->first());
}

QString WorkspaceController::householdLine(const QString &householdId) const
{
    if (!m_ws || !m_ws->session())
        return {};
    auto h = m_ws->stores().households().get(householdId);
    return h ? summaryLine(*h) : householdId;
}

QString WorkspaceController::maskedHeadName(const QString &householdId) const
{
    if (!m_ws || !m_ws->session())
        return {};
    auto h = m_ws->stores().households().get(householdId);
    if (!h)
        return {};
    const QString masked = Security::Mask::name(h->headName);
    for (const Office &o : offices()) {
        if (o.code == h->officeCode)
            return tr("%1 %2").arg(o.name, masked);
    }
    return masked;
}

QString WorkspaceController::summaryLine(const Household &h) const
{
    QString line = QStringLiteral("%1 · %2 · %3").arg(disclosure().listName(h.headName), label(h.tier()),
                                                     disclosure().listAddress(h.roadAddress));
    if (h.isOverdue(today()))
        line += tr(" · 방문 주기 지남");
    return line;
}

QStringList WorkspaceController::householdIds(const QList<qint64> &rowIds) const
{
    QStringList out;
    if (!m_ws || !m_ws->session())
        return out;
    for (qsizetype from = 0; from < rowIds.size(); from += 500) {
        auto rows = m_ws->stores().households().byRowIds(rowIds.mid(from, 500));
        if (!rows)
            break;
        for (const Household &h : *rows)
            out << h.id;
    }
    return out;
}

std::optional<qint64> WorkspaceController::rowIdOf(const QString &householdId) const
{
    if (!m_ws || !m_ws->session())
        return std::nullopt;
    auto row = m_ws->stores().households().rowOfId(householdId);
    if (!row)
        return std::nullopt;
    return *row;
}

} // namespace VisitMap::Ui
