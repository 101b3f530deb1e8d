// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportservice.h"
#include "security/auditdetail.h"

#include "anonymiser.h"
#include "exportsummaries.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/officestore.h"
#include "storage/stores.h"
#include "storage/visitstore.h"
#include "util/clock.h"
#include "util/csv.h"
#include "workspace.h"

#include <QFileInfo>
#include <QSet>

namespace VisitMap::Export {

using Security::Permission;

namespace {
// Each column's machine name (the command line contract, DESIGN §11) and the Korean header a 구청
// reads; the importer takes either.
struct Column
{
    const char *code;
    const char *korean;
};
constexpr Column householdCols[] = {{"id", "가구번호"},
                                    {"adm_cd", "행정동코드"},
                                    {"dong", "행정동"},
                                    {"address", "주소"},
                                    {"address_detail", "상세주소"},
                                    {"tong", "통"},
                                    {"ban", "반"},
                                    {"lon", "경도"},
                                    {"lat", "위도"},
                                    {"household_type", "가구유형"},
                                    {"housing", "주거형태"},
                                    {"phone", "전화번호"},
                                    {"head_name", "세대주"},
                                    {"head_rrn", "주민등록번호"},
                                    {"head_birth", "생년월일"},
                                    {"head_sex", "성별"},
                                    {"members", "가구원수"},
                                    {"risk", "위험도"},
                                    {"risk_score", "위험점수"},
                                    {"worker", "담당자"},
                                    {"last_visit", "최근 방문"},
                                    {"next_visit_due", "다음 방문 예정"},
                                    {"status", "상태"},
                                    {"head_age_band", "세대주 연령대"}};
constexpr Column visitCols[]
    = {{"id", "방문번호"},     {"household", "가구번호"},   {"adm_cd", "행정동코드"},
       {"kind", "방문 종류"},  {"outcome", "결과"},         {"at", "방문 일시"},
       {"staff", "동행 직원"}, {"met_whom", "만난 사람"},   {"notes", "메모"},
       {"voided", "무효"},     {"void_reason", "무효 사유"}};

template<std::size_t N>
QStringList headerOf(const Column (&cols)[N], bool english)
{
    QStringList out;
    for (const Column &c : cols)
        out << (english ? QString::fromLatin1(c.code) : QString::fromUtf8(c.korean));
    return out;
}

// Dates as a Korean office writes them (2026.12.02); ISO in the machine columns.
QString dateText(const QDate &d, bool english)
{
    if (!d.isValid())
        return {};
    return english ? Iso::date(d) : Iso::displayDate(d);
}
} // namespace

QStringList ExportService::householdColumns(bool english)
{
    return headerOf(householdCols, english);
}

QStringList ExportService::visitColumns(bool english)
{
    return headerOf(visitCols, english);
}

bool ExportService::isSummary(ExportKind kind)
{
    return kind == ExportKind::DongTierSummary || kind == ExportKind::TypeTierSummary
           || kind == ExportKind::OverdueByWorker;
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
    if (isSummary(options.kind))
        return summary(options);
    return options.kind == ExportKind::Households ? households(options) : visits(options);
}

std::optional<Storage::HouseholdQuery> ExportService::scopeQuery(const ExportScope &scope) const
{
    const QStringList allowed = m_ws.session()->offices;
    Storage::HouseholdQuery q
        = scope.kind == ExportScope::Kind::Filter ? scope.filter : Storage::HouseholdQuery{};
    // The list's query as it is, but never beyond the account's 행정동.
    QStringList offices;
    for (const QString &o : q.offices.isEmpty() ? allowed : q.offices)
        if (allowed.contains(o))
            offices << o;
    if (offices.isEmpty())
        return std::nullopt;
    q.offices = offices;
    q.today = m_ws.clock().today();
    q.limit = 0;
    q.order = Storage::HouseholdOrder::Row;
    q.descending = false;
    return q;
}

Result<std::optional<QSet<QString>>> ExportService::scopedIds(const ExportScope &scope) const
{
    if (scope.kind == ExportScope::Kind::All)
        return std::optional<QSet<QString>>(); // no limit
    auto chosen = scoped(scope);
    if (!chosen)
        return fail(chosen.error());
    QSet<QString> ids;
    for (const Household &h : std::as_const(*chosen))
        ids.insert(h.id);
    return std::optional<QSet<QString>>(std::move(ids));
}

Result<QList<Household>> ExportService::scoped(const ExportScope &scope) const
{
    const auto q = scopeQuery(scope);
    if (!q)
        return QList<Household>{};
    auto list = m_ws.stores().households().list(*q);
    if (!list || scope.kind != ExportScope::Kind::Households)
        return list;
    const QSet<QString> chosen(scope.householdIds.cbegin(), scope.householdIds.cend());
    QList<Household> out;
    for (const Household &h : std::as_const(*list))
        if (chosen.contains(h.id))
            out << h;
    return out;
}

Result<int> ExportService::householdCount(const ExportScope &scope) const
{
    if (!m_ws.session())
        return fail(ErrorCode::PermissionDenied, QStringLiteral("no one is signed in"));
    if (scope.kind == ExportScope::Kind::Households) {
        auto list = scoped(scope);
        if (!list)
            return fail(list.error());
        return int(list->size());
    }
    // All or a filter: counted by rowid, without reading the households.
    const auto q = scopeQuery(scope);
    if (!q)
        return 0;
    auto rows = m_ws.stores().households().rowIds(*q);
    if (!rows)
        return fail(rows.error());
    return int(rows->size());
}

Status ExportService::logDownload(const ExportOptions &options,
                                  const QString &what,
                                  int rows,
                                  const Security::AuditDetail &how)
{
    Security::AuditDetail detail = how.with(u"what", what)
                                       .with(u"file", QFileInfo(options.outPath).fileName())
                                       .with(u"rows", rows);
    if (options.scope.kind == ExportScope::Kind::Filter)
        detail = detail.with(u"scope", QStringLiteral("filter"));
    else if (options.scope.kind == ExportScope::Kind::Households)
        detail = detail.with(u"scope", QStringLiteral("chosen"))
                     .with(u"chosen", options.scope.householdIds.size());
    else
        detail = detail.with(u"scope", QStringLiteral("all"));
    return m_ws.journal().audit({Security::AuditAction::Download,
                                 what,
                                 QString::number(rows),
                                 {},
                                 detail.encode(),
                                 options.reason});
}

Result<ExportResult> ExportService::summary(const ExportOptions &options)
{
    auto households = scoped(options.scope);
    if (!households)
        return fail(households.error());
    const bool english = options.englishHeaders;
    ExportTable table;
    QString what;
    switch (options.kind) {
    case ExportKind::DongTierSummary: {
        auto all = m_ws.stores().offices().all();
        if (!all)
            return fail(all.error());
        QList<Office> offices;
        for (const Office &o : std::as_const(*all))
            if (m_ws.session()->offices.contains(o.code))
                offices << o;
        table = ExportSummaries::byDongAndTier(*households, offices, english);
        what = QStringLiteral("summary_dong_risk");
        break;
    }
    case ExportKind::TypeTierSummary:
        table = ExportSummaries::byTypeAndTier(*households, english);
        what = QStringLiteral("summary_type_risk");
        break;
    default:
        table = ExportSummaries::overdueByWorker(*households, m_ws.clock().today(), english);
        what = QStringLiteral("summary_overdue");
        break;
    }
    if (auto written = ExportTableWriter::write(table, options.outPath, options.format); !written)
        return fail(written.error());
    ExportResult result;
    result.rows = int(table.rows.size());
    result.masked = true; // counts only: nothing to unmask
    if (auto logged = logDownload(options, what, result.rows,
                                  Security::AuditDetail(Security::AuditDetailCode::ExportFile)
                                      .with(u"masking", QStringLiteral("counts"))
                                      .with(u"households", households->size()));
        !logged)
        return fail(logged.error());
    return result;
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
    if (session.offices.isEmpty())
        return fail(ErrorCode::PermissionDenied, QStringLiteral("your account covers no 행정동 of this store"));
    auto stored = m_ws.stores().households().exportRows(session.offices);
    if (!stored)
        return fail(stored.error());
    // Only the households of the scope; masking then works on what the file holds, so each
    // position in it is shared by k households of the file itself.
    auto scopeIds = scopedIds(options.scope);
    if (!scopeIds)
        return fail(scopeIds.error());
    const std::optional<QSet<QString>> &inScope = *scopeIds;

    const bool english = options.englishHeaders;
    const QDate today = m_ws.clock().today();
    QList<QStringList> rows;
    QList<QString> fullNames; // the 행정동's full name, per row
    QList<Anonymiser::Point> points;
    for (const Storage::HouseholdExportRow &row : *stored) {
        const Household &h = row.household;
        if (inScope && !inScope->contains(h.id))
            continue;
        QString rrn;
        const QByteArray &cipher = row.headRrnCipher;
        // A masked file holds no resident number: it is not even opened for one.
        if (!masked && !cipher.isEmpty()) {
            auto plain = session.keyring.decrypt(h.officeCode, cipher,
                                                 Security::Keyring::aad("persons", "rrn", row.headPersonId));
            if (plain)
                rrn = *plain;
        }
        const QString &birth = row.headBirthDate;
        QString sex = row.headSex;
        if (!english && (sex == QLatin1String("M") || sex == QLatin1String("F")))
            sex = sex == QLatin1String("M") ? QStringLiteral("남") : QStringLiteral("여");
        const auto num = [](double v) { return QString::number(v, 'f', 7); };
        rows << QStringList{h.id,
                            h.officeCode,
                            row.officeName,
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
                            english ? birth
                                    : dateText(QDate::fromString(birth, Qt::ISODate), false),
                            sex,
                            QString::number(h.memberCount),
                            english ? toCode(h.tier()) : label(h.tier()),
                            QString::number(h.riskScore),
                            h.assignedWorker,
                            h.lastVisitAt.isValid()
                                ? dateText(h.lastVisitAt.toTimeZone(Clock::seoul()).date(), english)
                                : QString(),
                            dateText(h.nextVisitDue, english),
                            english ? toCode(h.status) : label(h.status),
                            Anonymiser::ageBand(QDate::fromString(birth, Qt::ISODate), today)};
        fullNames << row.officeFullName;
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

    ExportTable table{english ? QStringLiteral("households") : QStringLiteral("가구 목록"),
                      householdColumns(english),
                      rows,
                      {HTong, HBan, HLon, HLat, HMembers, HScore}};
    if (auto written = ExportTableWriter::write(table, options.outPath, options.format); !written)
        return fail(written.error());
    result.rows = int(rows.size());
    auto logged = logDownload(options, QStringLiteral("households"), result.rows,
                              masked ? Security::AuditDetail(Security::AuditDetailCode::ExportFile)
                                           .with(u"masking", QStringLiteral("masked"))
                                           .with(u"withheld", result.withheld)
                                     : Security::AuditDetail(Security::AuditDetailCode::ExportFile)
                                           .with(u"masking", QStringLiteral("unmasked")));
    if (!logged)
        return fail(logged.error());
    return result;
}

Result<int> ExportService::maskHouseholds(QList<QStringList> &rows,
                                          const QList<QString> &fullNames,
                                          const QList<Anonymiser::Point> &points) const
{
    auto offices = m_ws.stores().offices().all();
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
    return m_ws.journal().audit({Security::AuditAction::Print,
                                 QStringLiteral("map"),
                                 QString::number(householdsShown),
                                 {},
                                 Security::AuditDetail(Security::AuditDetailCode::MapPicture)
                                     .with(u"file", QFileInfo(outPath).fileName())
                                     .encode(),
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
    auto visits = m_ws.stores().visits().list(query);
    if (!visits)
        return fail(visits.error());
    auto scopeIds = scopedIds(options.scope); // the visits of the scope's households
    if (!scopeIds)
        return fail(scopeIds.error());
    const std::optional<QSet<QString>> &inScope = *scopeIds;
    const bool english = options.englishHeaders;
    ExportTable table{english ? QStringLiteral("visits") : QStringLiteral("방문 기록"),
                      visitColumns(english),
                      {},
                      {}};
    ExportResult result;
    result.masked = masked;
    for (const Visit &v : *visits) {
        if (inScope && !inScope->contains(v.householdId))
            continue;
        // Free text (whom they met, notes, why a record was voided) can name people and conditions:
        // it leaves only unmasked. The household is its pseudonym, as in a masked households file.
        QString household = v.householdId;
        if (masked) {
            auto id = pseudonymFor(v.officeCode, v.householdId);
            if (!id)
                return fail(id.error());
            household = *id;
        }
        const QDateTime at = v.at.toTimeZone(Clock::seoul());
        table.rows << QStringList{
            v.id,
            household,
            v.officeCode,
            english ? toCode(v.kind) : label(v.kind),
            english ? toCode(v.outcome) : label(v.outcome),
            english ? at.toString(Qt::ISODate) : Iso::displayDateTime(at),
            v.staffPresent,
            masked ? QString() : v.metWhom,
            masked ? QString() : v.notes,
            english ? (v.voided ? QStringLiteral("1") : QStringLiteral("0"))
                    : (v.voided ? QStringLiteral("예") : QStringLiteral("아니오")),
            masked ? QString() : v.voidReason};
    }
    if (auto written = ExportTableWriter::write(table, options.outPath, options.format); !written)
        return fail(written.error());
    result.rows = int(table.rows.size());
    auto logged = logDownload(
        options, QStringLiteral("visits"), result.rows,
        Security::AuditDetail(Security::AuditDetailCode::ExportFile)
            .with(u"masking", masked ? QStringLiteral("masked") : QStringLiteral("unmasked")));
    if (!logged)
        return fail(logged.error());
    return result;
}

} // namespace VisitMap::Export
