// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportservice.h"

#include "anonymiser.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/officestore.h"
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
    return {QStringLiteral("id"),
            QStringLiteral("adm_cd"),
            QStringLiteral("dong"),
            QStringLiteral("address"),
            QStringLiteral("address_detail"),
            QStringLiteral("tong"),
            QStringLiteral("ban"),
            QStringLiteral("lon"),
            QStringLiteral("lat"),
            QStringLiteral("household_type"),
            QStringLiteral("housing"),
            QStringLiteral("phone"),
            QStringLiteral("head_name"),
            QStringLiteral("head_rrn"),
            QStringLiteral("head_birth"),
            QStringLiteral("head_sex"),
            QStringLiteral("members"),
            QStringLiteral("risk"),
            QStringLiteral("risk_score"),
            QStringLiteral("worker"),
            QStringLiteral("last_visit"),
            QStringLiteral("next_visit_due"),
            QStringLiteral("status"),
            QStringLiteral("head_age_band")};
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

namespace {
// The household columns, by position (householdColumns() names them).
enum HouseholdColumn {
    HId,
    HAdmCd,
    HDong,
    HAddress,
    HDetail,
    HTong,
    HBan,
    HLon,
    HLat,
    HType,
    HHousing,
    HPhone,
    HName,
    HRrn,
    HBirth,
    HSex,
    HMembers,
    HRisk,
    HScore,
    HWorker,
    HLastVisit,
    HNextDue,
    HStatus,
    HAgeBand
};

// A phone number with only its first group kept (010-****-****, 02-***-****): the kind of line
// (mobile, area) and nothing that tells one subscriber from another.
QString phonePrefixOnly(const QString &phone)
{
    QString out = phone;
    const qsizetype dash = out.indexOf(QLatin1Char('-'));
    for (qsizetype i = dash < 0 ? qMin<qsizetype>(3, out.size()) : dash; i < out.size(); ++i)
        if (out.at(i).isDigit())
            out[i] = QLatin1Char('*');
    return out;
}
} // namespace

Result<QString> ExportService::pseudonymFor(const QString &officeCode, const QString &id) const
{
    const Security::SecretBytes *key = m_ws.session()->keyring.key(officeCode);
    if (!key || key->isEmpty())
        return fail(
            ErrorCode::KeyUnavailable,
            QStringLiteral("the office key of %1 is not open for this account yet: a masked "
                           "export needs it to make pseudonymous ids")
                .arg(officeCode));
    return Anonymiser::pseudonym(*key, id);
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
            + QStringLiteral(
                ", o.name, p.id, p.rrn_cipher, p.birth_date, p.sex, o.full_name FROM households h "
                "JOIN offices o ON o.code = h.office_code "
                "LEFT JOIN persons p ON p.household_id = h.id AND p.is_head = 1 "
                "WHERE h.office_code IN (")
            + marks.join(u',') + QStringLiteral(") GROUP BY h.id ORDER BY h.rowid"),
        binds);
    if (!q)
        return fail(q.error());

    const QDate today = m_ws.clock().today();
    QList<QStringList> rows;
    QList<QString> fullNames; // the 행정동's full name, per row
    QList<Anonymiser::Point> points;
    const int extra = 28; // after the household columns
    while (q->next()) {
        const Household h = Storage::HouseholdStore::readHousehold(*q);
        QString rrn;
        const QByteArray cipher = q->value(extra + 2).toByteArray();
        // A masked file holds no resident number: it is not even opened for one.
        if (!masked && !cipher.isEmpty()) {
            auto plain = session.keyring.decrypt(h.officeCode, cipher,
                                                 Security::Keyring::aad("persons", "rrn",
                                                                        q->value(extra + 1).toString()));
            if (plain)
                rrn = *plain;
        }
        const QString birth = q->value(extra + 3).toString();
        const auto num = [](double v) { return QString::number(v, 'f', 7); };
        rows << QStringList{h.id,
                            h.officeCode,
                            q->value(extra).toString(),
                            h.roadAddress,
                            h.addressDetail,
                            h.tong > 0 ? QString::number(h.tong) : QString(),
                            h.ban > 0 ? QString::number(h.ban) : QString(),
                            num(h.lon),
                            num(h.lat),
                            h.householdType,
                            h.housing,
                            h.phone,
                            h.headName,
                            rrn,
                            birth,
                            q->value(extra + 4).toString(),
                            QString::number(h.memberCount),
                            toCode(h.tier()),
                            QString::number(h.riskScore),
                            h.assignedWorker,
                            h.lastVisitAt.isValid()
                                ? Iso::date(h.lastVisitAt.toTimeZone(Clock::seoul()).date())
                                : QString(),
                            h.nextVisitDue.isValid() ? Iso::date(h.nextVisitDue) : QString(),
                            h.status,
                            Anonymiser::ageBand(QDate::fromString(birth, Qt::ISODate), today)};
        fullNames << q->value(extra + 5).toString();
        points << Anonymiser::Point{h.officeCode, h.lon, h.lat};
    }

    ExportResult result;
    result.masked = masked;
    if (masked) {
        auto kept = maskHouseholds(rows, fullNames, points);
        if (!kept)
            return fail(kept.error());
        result.withheld = *kept;
    }

    QSaveFile file(options.outPath);
    if (!file.open(QIODevice::WriteOnly))
        return failAt(ErrorCode::Io, options.outPath, 0,
                      QStringLiteral("cannot write: %1").arg(file.errorString()));
    CsvWriter csv(&file);
    csv.writeRow(householdColumns());
    for (const QStringList &row : std::as_const(rows)) {
        csv.writeRow(row);
        ++result.rows;
    }
    if (!csv.ok() || !file.commit())
        return failAt(ErrorCode::Io, options.outPath, 0,
                      QStringLiteral("cannot write: %1").arg(file.errorString()));
    auto logged = m_ws.journal().audit(
        {Security::AuditAction::Download,
         QStringLiteral("households"),
         QString::number(result.rows),
         {},
         QStringLiteral("households export to %1 (%2)")
             .arg(QFileInfo(options.outPath).fileName(),
                  masked ? QStringLiteral("masked, %1 withheld").arg(result.withheld)
                         : QStringLiteral("UNMASKED")),
         options.reason});
    if (!logged)
        return fail(logged.error());
    return result;
}

Result<int> ExportService::maskHouseholds(QList<QStringList> &rows,
                                          const QList<QString> &fullNames,
                                          const QList<Anonymiser::Point> &points) const
{
    auto offices = Storage::OfficeStore(m_ws.db()).all();
    if (!offices)
        return fail(offices.error());
    auto coarse = Anonymiser::coarsen(points, *offices);
    if (!coarse)
        return fail(coarse.error());
    QList<QStringList> kept;
    int withheld = 0;
    for (int i = 0; i < rows.size(); ++i) {
        const Anonymiser::Coarse &c = coarse->at(i);
        if (c.level == Anonymiser::Level::Withheld) {
            ++withheld;
            continue;
        }
        QStringList row = rows.at(i);
        auto id = pseudonymFor(row.at(HAdmCd), row.at(HId));
        if (!id)
            return fail(id.error());
        row[HId] = *id;
        row[HAddress] = fullNames.at(i); // the 행정동, nothing finer
        row[HDetail].clear();
        row[HTong].clear();
        row[HBan].clear();
        row[HLon] = QString::number(c.lon, 'f', 6);
        row[HLat] = QString::number(c.lat, 'f', 6);
        row[HPhone] = phonePrefixOnly(row.at(HPhone));
        row[HName].clear();
        row[HRrn].clear();
        row[HBirth].clear();
        row[HMembers] = QString::number(qMin(row.at(HMembers).toInt(), 5)); // 5 means 5 or more
        kept << row;
    }
    // An age band and sex that fewer than k households of a position share would single them out.
    Anonymiser::generaliseAgeAndSex(kept, {HAdmCd, HLon, HLat}, HAgeBand, HSex);
    rows = kept;
    return withheld;
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
        // Free text (whom they met, notes, why a record was voided) can name people and conditions:
        // it leaves only unmasked. The household is its pseudonym, as in a masked households file.
        QString household = v.householdId;
        if (masked) {
            auto id = pseudonymFor(v.officeCode, v.householdId);
            if (!id)
                return fail(id.error());
            household = *id;
        }
        csv.writeRow({v.id, household, v.officeCode, toCode(v.kind), toCode(v.outcome),
                      v.at.toTimeZone(Clock::seoul()).toString(Qt::ISODate), v.staffPresent,
                      masked ? QString() : v.metWhom, masked ? QString() : v.notes,
                      v.voided ? QStringLiteral("1") : QStringLiteral("0"),
                      masked ? QString() : v.voidReason});
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
