// SPDX-License-Identifier: GPL-3.0-or-later
#include "changenotifier.h"

#include "journal.h"

#include <utility>

namespace VisitMap::Storage {

namespace {

HouseholdAspects aspectsOf(const QJsonObject &payload)
{
    HouseholdAspects out;
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        const QString &k = it.key();
        if (k.startsWith(QLatin1String("risk_")))
            out |= HouseholdAspect::Risk;
        else if (k == QLatin1String("status"))
            out |= HouseholdAspect::Status;
        else if (k == QLatin1String("lon") || k == QLatin1String("lat"))
            out |= HouseholdAspect::Position;
        else if (k == QLatin1String("assigned_worker"))
            out |= HouseholdAspect::Assignment;
        else if (k == QLatin1String("next_visit_due") || k == QLatin1String("last_visit_at")
                 || k == QLatin1String("visit_cycle_days") || k == QLatin1String("flagged_new_at"))
            out |= HouseholdAspect::VisitDue;
        else
            out |= HouseholdAspect::Details;
    }
    return out ? out : HouseholdAspects(HouseholdAspect::Details);
}

void touch(ChangeSet &s, const QString &household, HouseholdAspects aspects)
{
    if (household.isEmpty() || s.householdsAdded.contains(household)
        || s.householdsRemoved.contains(household))
        return;
    s.householdsChanged[household] |= aspects;
}

} // namespace

QSet<QString> ChangeSet::touchedHouseholds() const
{
    QSet<QString> out = householdsAdded;
    out.unite(householdsRemoved);
    for (auto it = householdsChanged.cbegin(); it != householdsChanged.cend(); ++it)
        out.insert(it.key());
    return out;
}

bool ChangeSet::changesOnlyInPlace() const
{
    if (!householdsAdded.isEmpty() || !householdsRemoved.isEmpty())
        return false;
    for (auto it = householdsChanged.cbegin(); it != householdsChanged.cend(); ++it) {
        if (it.value() & HouseholdAspect::Position)
            return false;
    }
    return true;
}

void ChangeSet::merge(const ChangeSet &o)
{
    for (const QString &id : o.householdsRemoved) {
        householdsChanged.remove(id);
        if (!householdsAdded.remove(id))
            householdsRemoved.insert(id);
    }
    for (const QString &id : o.householdsAdded) {
        householdsChanged.remove(id);
        householdsAdded.insert(id);
    }
    for (auto it = o.householdsChanged.cbegin(); it != o.householdsChanged.cend(); ++it)
        touch(*this, it.key(), it.value());
    visitsLogged.unite(o.visitsLogged);
    casesMoved.unite(o.casesMoved);
    entities.unite(o.entities);
}

ChangeNotifier::ChangeNotifier(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ChangeSet>();
}

void ChangeNotifier::recordChange(const QString &entity,
                                  const QString &entityId,
                                  ChangeOp op,
                                  const QJsonObject &payload)
{
    ChangeSet &s = m_levels.last();
    s.entities.insert(entity);
    if (entity == QLatin1String("household")) {
        if (op == ChangeOp::Insert) {
            s.householdsChanged.remove(entityId);
            s.householdsAdded.insert(entityId);
        } else if (op == ChangeOp::Delete) {
            s.householdsChanged.remove(entityId);
            if (!s.householdsAdded.remove(entityId))
                s.householdsRemoved.insert(entityId);
        } else {
            touch(s, entityId, aspectsOf(payload));
        }
    } else {
        if (entity == QLatin1String("visit") && op != ChangeOp::Void && op != ChangeOp::Delete)
            s.visitsLogged.insert(entityId);
        if (entity == QLatin1String("case"))
            s.casesMoved.insert(entityId);
        // A case taken back leaves its stage with the household.
        if (entity == QLatin1String("void")
            && payload.value(QLatin1String("entity")).toString() == QLatin1String("case"))
            s.casesMoved.insert(payload.value(QLatin1String("entity_id")).toString());
        // A visit, a case, a note... of a household: the household's own facts may follow.
        const QString household = payload.value(QLatin1String("household_id")).toString();
        if (entity == QLatin1String("visit"))
            touch(s, household, HouseholdAspect::VisitDue);
        else if (entity != QLatin1String("person"))
            touch(s, household, HouseholdAspect::Details);
    }
    if (m_depth == 0)
        flush();
}

void ChangeNotifier::recordHouseholdTouched(const QString &householdId)
{
    touch(m_levels.last(), householdId, HouseholdAspect::Details);
    if (m_depth == 0)
        flush();
}

void ChangeNotifier::beginLevel()
{
    ++m_depth;
    m_levels.append(ChangeSet());
}

void ChangeNotifier::commitLevel(bool outermost)
{
    if (m_depth == 0)
        return;
    const ChangeSet done = m_levels.takeLast();
    --m_depth;
    m_levels.last().merge(done);
    if (outermost || m_depth == 0)
        flush();
}

void ChangeNotifier::rollbackLevel()
{
    if (m_depth == 0)
        return;
    m_levels.removeLast();
    --m_depth;
}

void ChangeNotifier::flush()
{
    ChangeSet s = std::exchange(m_levels.first(), ChangeSet());
    if (s.isEmpty())
        return;
    ++m_announcements;
    Q_EMIT changed(s);
}

} // namespace VisitMap::Storage
