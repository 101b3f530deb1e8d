// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacecontroller.h"

#include "storage/accountstore.h"
#include "access/disclosure.h"
#include "security/masking.h"
#include "storage/database.h"
#include "storage/facilitystore.h"
#include "storage/officestore.h"
#include "storage/statsstore.h"
#include "util/clock.h"
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
    m_disclosure.reset();
    m_ws = std::move(workspace);
    if (m_ws) {
        m_disclosure = std::make_unique<Security::Disclosure>(*m_ws);
        // The notifier lives and dies with the workspace, and the connection with it. An import
        // on a worker announces its batches while it holds the store's connection: the views
        // could not read them then, and the import reads everything again when it ends.
        Workspace *ws = m_ws.get();
        connect(&m_ws->notifier(), &Storage::ChangeNotifier::changed, this,
                [this, ws](const Storage::ChangeSet &changes) {
                    if (ws == m_ws.get() && !ws->db().busyElsewhere())
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
    auto all = Storage::OfficeStore(m_ws->db()).all();
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
    auto ids = Storage::HouseholdStore(m_ws->db()).rowIds(q);
    return ids ? std::move(*ids) : std::vector<qint64>();
}

std::vector<Storage::HouseholdPoint> WorkspaceController::householdPoints() const
{
    if (!m_ws || !m_ws->session())
        return {};
    auto points = Storage::HouseholdStore(m_ws->db()).points(today(), m_ws->session()->offices);
    return points ? *points : std::vector<Storage::HouseholdPoint>();
}

std::optional<std::vector<Storage::HouseholdPoint>>
WorkspaceController::householdPointsOf(const QStringList &householdIds) const
{
    if (!m_ws || !m_ws->session())
        return std::nullopt;
    if (householdIds.isEmpty())
        return std::vector<Storage::HouseholdPoint>();
    auto points = Storage::HouseholdStore(m_ws->db())
                      .pointsOf(householdIds, today(), m_ws->session()->offices);
    if (!points)
        return std::nullopt;
    return std::move(*points);
}

std::function<Result<std::vector<Storage::HouseholdPoint>>()> WorkspaceController::householdPointsReader() const
{
    using Points = Result<std::vector<Storage::HouseholdPoint>>;
    if (!m_ws || !m_ws->session())
        return [] { return Points(std::vector<Storage::HouseholdPoint>()); };
    const QString path = m_ws->db().path();
    const QDate day = today();
    const QStringList offices = m_ws->session()->offices;
    if (path.isEmpty() || path == QLatin1String(":memory:")) {
        auto points = std::make_shared<Points>(Storage::HouseholdStore(m_ws->db()).points(day, offices));
        return [points] { return *points; };
    }
    return [path, day, offices]() -> Points {
        auto db = Storage::Database::open(path, Storage::Database::Mode::ReadOnly);
        if (!db)
            return fail(db.error());
        return Storage::HouseholdStore(**db).points(day, offices);
    };
}

Storage::TierCounts WorkspaceController::counts() const
{
    if (!m_ws || !m_ws->session())
        return {};
    auto c = Storage::HouseholdStore(m_ws->db()).counts(m_ws->session()->offices, today());
    return c ? *c : Storage::TierCounts();
}

QList<Facility> WorkspaceController::placedFacilities() const
{
    QList<Facility> out;
    if (!m_ws || !m_ws->session())
        return out;
    auto all = Storage::FacilityStore(m_ws->db()).all();
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
    auto stats = Storage::StatsStore(m_ws->db()).compute(today(), m_ws->session()->offices);
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
    auto rows = Storage::HouseholdStore(m_ws->db()).byRowIds({rowId});
    if (!rows || rows->isEmpty())
        return {};
    return summaryLine(rows->first());
}

QString WorkspaceController::householdLine(const QString &householdId) const
{
    if (!m_ws || !m_ws->session())
        return {};
    auto h = Storage::HouseholdStore(m_ws->db()).get(householdId);
    return h ? summaryLine(*h) : householdId;
}

QString WorkspaceController::maskedHeadName(const QString &householdId) const
{
    if (!m_ws || !m_ws->session())
        return {};
    auto h = Storage::HouseholdStore(m_ws->db()).get(householdId);
    return h ? Security::Mask::name(h->headName) : QString();
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
        auto rows = Storage::HouseholdStore(m_ws->db()).byRowIds(rowIds.mid(from, 500));
        if (!rows)
            break;
        for (const Household &h : *rows)
            out << h.id;
    }
    return out;
}

} // namespace VisitMap::Ui
