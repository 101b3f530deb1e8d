// SPDX-License-Identifier: GPL-3.0-or-later
#include "publisher.h"

#include "security/permissions.h"
#include "storage/database.h"
#include "storage/entitymap.h"
#include "storage/journal.h"
#include "storage/outboxstore.h"
#include "storage/publishstore.h"
#include "storage/stores.h"
#include "storage/syncstatestore.h"
#include "syncreport.h"
#include "syncstate.h"
#include "workspace.h"

namespace VisitMap::Sync {

namespace {

// Tables whose rows hang off a household, in the order they are offered.
const QStringList &householdChildEntities()
{
    static const QStringList e = {QStringLiteral("person"),     QStringLiteral("crisis_report"),
                                  QStringLiteral("case"),       QStringLiteral("signal"),
                                  QStringLiteral("visit"),      QStringLiteral("service_link"),
                                  QStringLiteral("checkin"),    QStringLiteral("assessment"),
                                  QStringLiteral("counseling"), QStringLiteral("attachment")};
    return e;
}

} // namespace

Status
Publisher::run(const QStringList &areas, const QStringList &refusedOffices, SyncReport &report)
{
    if (!mayPublish(m_ws.session()->role()))
        return {};
    const QStringList published = m_ws.stores()
                                      .syncState()
                                      .value(SyncKeys::publishedOffices)
                                      .split(u',', Qt::SkipEmptyParts);
    auto offices = m_ws.stores().published().officeCodes();
    if (!offices)
        return fail(offices.error());
    for (const QString &office : *offices) {
        if (!areasCover(areas, office) || refusedOffices.contains(office))
            continue;
        const bool firstTime = !published.contains(office);
        auto waiting = m_ws.stores().published().unpublishedHouseholds(office);
        if (!waiting)
            return fail(waiting.error());
        if (!firstTime && *waiting == 0)
            continue;
        if (auto ok = publishOffice(office, firstTime, report); !ok)
            return ok;
    }
    return {};
}

Status Publisher::publishOffice(const QString &office, bool firstTime, SyncReport &report)
{
    Storage::Database &db = m_ws.db();
    Storage::Journal &journal = m_ws.journal();
    PublishStore &store = m_ws.stores().published();
    OutboxStore outbox(db);
    return db.transaction([&]() -> Status {
        auto before = outbox.lastSeq();
        if (!before)
            return fail(before.error());
        auto offer = [&](const QString &entity, bool withLoose = false) -> Status {
            const EntitySpec *spec = entitySpec(entity);
            auto ids = store.unoffered(entity, office, withLoose);
            if (!ids)
                return fail(ids.error());
            for (const QString &id : *ids) {
                // The row itself is read when it is pushed.
                if (auto r = journal.recordChange(entity, id,
                                                  spec->appendOnly ? Storage::ChangeOp::Append
                                                                   : Storage::ChangeOp::Insert,
                                                  office, {});
                    !r)
                    return r;
                ++report.published;
            }
            return {};
        };
        if (auto r = store.stageHouseholds(office); !r)
            return r;
        if (firstTime) {
            if (auto r = offer(QStringLiteral("office")); !r)
                return r;
        }
        if (auto r = offer(QStringLiteral("household")); !r)
            return r;
        for (const QString &entity : householdChildEntities()) {
            // Reports and signals not yet tied to a household go with the office's first
            // publication.
            const bool withLoose = firstTime
                                   && (entity == QLatin1String("crisis_report")
                                       || entity == QLatin1String("signal"));
            if (auto r = offer(entity, withLoose); !r)
                return r;
            if (entity == QLatin1String("case")) {
                if (auto r = offer(QStringLiteral("stage_change")); !r)
                    return r;
            }
        }
        if (auto r = offer(QStringLiteral("void")); !r)
            return r;
        if (auto r = store.markStagedPublished(); !r)
            return r;
        // Edits made before publishing go after the records they edit.
        if (auto r = outbox.moveBehindNewest(*before); !r)
            return r;
        if (!firstTime)
            return {};
        SyncStateStore &state = m_ws.stores().syncState();
        QStringList published
            = state.value(SyncKeys::publishedOffices).split(u',', Qt::SkipEmptyParts);
        published << office;
        return state.set(SyncKeys::publishedOffices, published.join(u','));
    });
}

} // namespace VisitMap::Sync
