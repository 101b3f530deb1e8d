// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportservice.h"

#include "security/masking.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/visitstore.h"
#include "util/clock.h"
#include "util/csv.h"
#include "workspace.h"

#include <QFileInfo>
#include <QSaveFile>

namespace VisitMap::Export {

using Security::Permission;

QStringList ExportService::householdColumns()
{
    return {QStringLiteral("id"),           QStringLiteral("adm_cd"),      QStringLiteral("dong"),
            QStringLiteral("address"),      QStringLiteral("address_detail"), QStringLiteral("tong"),
            QStringLiteral("ban"),          QStringLiteral("lon"),         QStringLiteral("lat"),
            QStringLiteral("household_type"), QStringLiteral("housing"),   QStringLiteral("phone"),
            QStringLiteral("head_name"),    QStringLiteral("head_rrn"),    QStringLiteral("head_birth"),
            QStringLiteral("head_sex"),     QStringLiteral("members"),     QStringLiteral("risk"),
            QStringLiteral("risk_score"),   QStringLiteral("worker"),      QStringLiteral("last_visit"),
            QStringLiteral("next_visit_due"), QStringLiteral("status")};
}

QStringList ExportService::visitColumns()
{
    return {QStringLiteral("id"),       QStringLiteral("household"), QStringLiteral("adm_cd"),
            QStringLiteral("kind"),     QStringLiteral("outcome"),   QStringLiteral("at"),
            QStringLiteral("staff"),    QStringLiteral("met_whom"),  QStringLiteral("notes"),
            QStringLiteral("voided"),   QStringLiteral("void_reason")};
}

Result<ExportResult> ExportService::run(const ExportOptions &options)
{
    if (auto ok = m_ws.require(Permission::ExportMasked); !ok)
        return fail(ok.error());
    if (options.unmasked) {
        if (auto ok = m_ws.require(Permission::ExportUnmasked); !ok)
            return fail(ErrorCode::PermissionDenied,
                        QStringLiteral("the %1 role may not export unmasked data; only a team lead "
                                       "may, with a reason")
                            .arg(toCode(m_ws.session()->role())));
    }
    if (options.reason.trimmed().size() < 2)
        return fail(ErrorCode::Validation,
                    QStringLiteral("an export needs a reason (--reason), which the access log keeps"));
    if (options.outPath.isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("no output file (--out FILE)"));
    return options.kind == ExportKind::Households ? households(options) : visits(options);
}

Result<ExportResult> ExportService::households(const ExportOptions &options)
{
    const Security::Session &session = *m_ws.session();
    const bool masked = !options.unmasked;
    QStringList marks;
    QVariantList binds;
    for (const QString &o : session.offices) {
        marks << QStringLiteral("?");
        binds << o;
    }
    if (marks.isEmpty())
        return fail(ErrorCode::PermissionDenied, QStringLiteral("your account covers no 행정동 of this store"));
    auto q = m_ws.db().execute(
        QStringLiteral("SELECT ") + Storage::HouseholdStore::selectColumns()
            + QStringLiteral(", o.name, p.id, p.rrn_cipher, p.birth_date, p.sex FROM households h "
                             "JOIN offices o ON o.code = h.office_code "
                             "LEFT JOIN persons p ON p.household_id = h.id AND p.is_head = 1 "
                             "WHERE h.office_code IN (")
            + marks.join(u',') + QStringLiteral(") GROUP BY h.id ORDER BY h.rowid"),
        binds);
    if (!q)
        return fail(q.error());

    QSaveFile file(options.outPath);
    if (!file.open(QIODevice::WriteOnly))
        return failAt(ErrorCode::Io, options.outPath, 0,
                      QStringLiteral("cannot write: %1").arg(file.errorString()));
    CsvWriter csv(&file);
    csv.writeRow(householdColumns());
    ExportResult result;
    result.masked = masked;
    const int extra = 28; // after the household columns
    while (q->next()) {
        const Household h = Storage::HouseholdStore::readHousehold(*q);
        QString rrn;
        const QByteArray cipher = q->value(extra + 2).toByteArray();
        if (!cipher.isEmpty()) {
            auto plain = session.keyring.decrypt(h.officeCode, cipher,
                                                 Security::Keyring::aad("persons", "rrn",
                                                                        q->value(extra + 1).toString()));
            if (plain)
                rrn = *plain;
        }
        const auto num = [](double v) { return QString::number(v, 'f', 7); };
        csv.writeRow({h.id, h.officeCode, q->value(extra).toString(),
                      masked ? Security::Mask::address(h.roadAddress) : h.roadAddress,
                      masked ? QString() : h.addressDetail,
                      h.tong > 0 ? QString::number(h.tong) : QString(),
                      h.ban > 0 ? QString::number(h.ban) : QString(), num(h.lon), num(h.lat),
                      h.householdType, h.housing, masked ? Security::Mask::phone(h.phone) : h.phone,
                      masked ? Security::Mask::name(h.headName) : h.headName,
                      masked ? Security::Mask::rrn(rrn) : rrn, q->value(extra + 3).toString(),
                      q->value(extra + 4).toString(), QString::number(h.memberCount),
                      toCode(h.tier()), QString::number(h.riskScore), h.assignedWorker,
                      h.lastVisitAt.isValid() ? Iso::date(h.lastVisitAt.toTimeZone(Clock::seoul()).date())
                                              : QString(),
                      h.nextVisitDue.isValid() ? Iso::date(h.nextVisitDue) : QString(), h.status});
        ++result.rows;
    }
    if (!csv.ok() || !file.commit())
        return failAt(ErrorCode::Io, options.outPath, 0,
                      QStringLiteral("cannot write: %1").arg(file.errorString()));
    auto logged = m_ws.journal().audit(
        {Security::AuditAction::Download, QStringLiteral("households"), QString::number(result.rows),
         {},
         QStringLiteral("households export to %1 (%2)")
             .arg(QFileInfo(options.outPath).fileName(), masked ? QStringLiteral("masked")
                                                                 : QStringLiteral("UNMASKED")),
         options.reason});
    if (!logged)
        return fail(logged.error());
    return result;
}

Status ExportService::logMapExport(const QString &outPath, int householdsShown, const QString &reason)
{
    if (auto ok = m_ws.require(Security::Permission::ExportMasked); !ok)
        return ok;
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("give a reason for the export (it is kept in the access log)"));
    return m_ws.journal().audit({Security::AuditAction::Print, QStringLiteral("map"), QString::number(householdsShown),
                                 {}, QStringLiteral("map picture to %1").arg(QFileInfo(outPath).fileName()),
                                 reason.trimmed()});
}

Result<ExportResult> ExportService::visits(const ExportOptions &options)
{
    const Security::Session &session = *m_ws.session();
    const bool masked = !options.unmasked;
    Storage::VisitQuery query;
    query.offices = session.offices;
    if (query.offices.isEmpty())
        return fail(ErrorCode::PermissionDenied, QStringLiteral("your account covers no 행정동 of this store"));
    auto visits = Storage::VisitStore(m_ws.db()).list(query);
    if (!visits)
        return fail(visits.error());
    QSaveFile file(options.outPath);
    if (!file.open(QIODevice::WriteOnly))
        return failAt(ErrorCode::Io, options.outPath, 0,
                      QStringLiteral("cannot write: %1").arg(file.errorString()));
    CsvWriter csv(&file);
    csv.writeRow(visitColumns());
    ExportResult result;
    result.masked = masked;
    for (const Visit &v : *visits) {
        // Free-text notes can name people and conditions: they leave only unmasked.
        csv.writeRow({v.id, v.householdId, v.officeCode, toCode(v.kind), toCode(v.outcome),
                      v.at.toTimeZone(Clock::seoul()).toString(Qt::ISODate), v.staffPresent,
                      v.metWhom, masked ? QString() : v.notes, v.voided ? QStringLiteral("1") : QStringLiteral("0"),
                      v.voidReason});
        ++result.rows;
    }
    if (!csv.ok() || !file.commit())
        return failAt(ErrorCode::Io, options.outPath, 0,
                      QStringLiteral("cannot write: %1").arg(file.errorString()));
    auto logged = m_ws.journal().audit(
        {Security::AuditAction::Download, QStringLiteral("visits"), QString::number(result.rows), {},
         QStringLiteral("visits export to %1 (%2)")
             .arg(QFileInfo(options.outPath).fileName(),
                  masked ? QStringLiteral("masked") : QStringLiteral("UNMASKED")),
         options.reason});
    if (!logged)
        return fail(logged.error());
    return result;
}

} // namespace VisitMap::Export
