// SPDX-License-Identifier: GPL-3.0-or-later
#include "householdimporter.h"

#include "columnmap.h"
#include "fieldparse.h"
#include "geo/crs.h"
#include "geo/donglocator.h"
#include "geo/geomath.h"
#include "util/clock.h"
#include "util/uuid.h"

#include <QRegularExpression>
#include <QSet>

namespace VisitMap::Import {

QString HouseholdImporter::normaliseType(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QStringLiteral("일반");
    if (householdTypes().contains(t))
        return t;
    static const QList<std::pair<QStringList, QString>> synonyms{
        {{QStringLiteral("독거노인"), QStringLiteral("노인1인"), QStringLiteral("노인 단독"),
          QStringLiteral("elderly_alone")},
         QStringLiteral("노인단독")},
        {{QStringLiteral("노인 부부"), QStringLiteral("elderly_couple")},
         QStringLiteral("노인부부")},
        {{QStringLiteral("1인가구"), QStringLiteral("단독"), QStringLiteral("single")},
         QStringLiteral("1인")},
        {{QStringLiteral("한부모"), QStringLiteral("조손"), QStringLiteral("한부모가구"),
          QStringLiteral("조손가구"), QStringLiteral("single_parent")},
         QStringLiteral("한부모·조손")},
        {{QStringLiteral("장애인가구"), QStringLiteral("disability")}, QStringLiteral("장애인")},
        {{QStringLiteral("다문화"), QStringLiteral("탈북민"), QStringLiteral("북한이탈주민"),
          QStringLiteral("다문화가구"), QStringLiteral("multicultural")},
         QStringLiteral("다문화·탈북민")},
        {{QStringLiteral("다자녀가구"), QStringLiteral("many_children")}, QStringLiteral("다자녀")},
        {{QStringLiteral("general"), QStringLiteral("기타")}, QStringLiteral("일반")},
    };
    for (const auto &[names, type] : synonyms) {
        for (const QString &n : names) {
            if (t.compare(n, Qt::CaseInsensitive) == 0)
                return type;
        }
    }
    return {};
}

namespace {

struct Columns
{
    int id, admCd, address, detail, tong, ban, lon, lat, type, housing, phone, name, rrn, birth,
        sex, members, risk, worker, lastVisit, nextDue, status;
};

Columns findColumns(ColumnMap &t)
{
    return {
        t.find({u"id", u"가구ID", u"가구번호"}),
        t.find({u"adm_cd", u"행정동코드", u"office_code"}),
        t.find({u"address", u"road_address", u"주소", u"도로명주소"}, ColumnMap::Need::Required),
        t.find({u"address_detail", u"상세주소", u"동호수"}),
        t.find({u"tong", u"통"}),
        t.find({u"ban", u"반"}),
        t.find({u"lon", u"경도", u"longitude", u"x"}),
        t.find({u"lat", u"위도", u"latitude", u"y"}),
        t.find({u"household_type", u"가구유형", u"type"}),
        t.find({u"housing", u"주거형태"}),
        t.find({u"phone", u"전화번호", u"연락처"}),
        t.find({u"head_name", u"세대주", u"성명", u"name"}),
        t.find({u"head_rrn", u"주민등록번호", u"rrn"}),
        t.find({u"head_birth", u"생년월일", u"birth_date"}),
        t.find({u"head_sex", u"성별", u"sex"}),
        t.find({u"members", u"가구원수", u"member_count"}),
        t.find({u"risk", u"위험도", u"risk_tier"}),
        t.find({u"worker", u"담당자", u"assigned_worker"}),
        t.find({u"last_visit", u"최근방문일", u"최근 방문", u"last_visit_at"}),
        t.find({u"next_visit_due", u"다음방문예정일", u"다음 방문 예정", u"next_due"}),
        t.find({u"status", u"상태"}),
    };
}

// Reads one row of a households file, field by field. Each reader fills its part of the
// household (or its head) and reports what is wrong with its own column; the row is kept only
// when none of them reported anything.
class RowReader
{
public:
    RowReader(const CsvTable &table,
              const CsvRecord &row,
              const Columns &columns,
              const QString &fileName,
              const HouseholdImporter::Context &context,
              ImportReport &report)
        : table(table)
        , r(row)
        , c(columns)
        , fileName(fileName)
        , ctx(context)
        , report(report)
    {
    }

    // The household's id, when the file gives one: a UUID, once in the file, not yet in the store.
    void id(Household &h, QSet<QString> &idsInFile) const
    {
        h.id = field(r, c.id);
        if (!h.id.isEmpty()) {
            if (!Uuid::isValid(h.id))
                bad(c.id, RowProblem::NotHouseholdId, {h.id},
                    QStringLiteral("'%1' is not a household id (a UUID)").arg(h.id));
            else if (idsInFile.contains(h.id))
                bad(c.id, RowProblem::DuplicateInFile, {h.id},
                    QStringLiteral("the id %1 appears twice in the file").arg(h.id));
            else if (ctx.idExists && ctx.idExists(h.id))
                bad(c.id, RowProblem::AlreadyInStore, {h.id},
                    QStringLiteral("the household %1 is already in the store").arg(h.id));
            idsInFile.insert(h.id);
        }
    }

    void address(Household &h) const
    {
        h.roadAddress = field(r, c.address);
        if (h.roadAddress.isEmpty())
            bad(c.address, RowProblem::Empty, {}, QStringLiteral("the address is empty"));
        else if (h.roadAddress.size() > 200)
            bad(c.address, RowProblem::TooLong, {QStringLiteral("200")},
                QStringLiteral("the address is longer than 200 characters"));
        h.addressDetail = field(r, c.detail);
    }

    // The position, converted from the file's coordinate system; whether the household has one.
    bool place(Household &h) const
    {
        auto lon = Field::number(field(r, c.lon));
        auto lat = Field::number(field(r, c.lat));
        const bool projected = ctx.crs && !ctx.crs->isIdentity();
        bool placed = false;
        if (lon && lat && projected) {
            const auto p = ctx.crs->apply(*lon, *lat);
            if (p) {
                lon = p->x();
                lat = p->y();
            } else {
                lon.reset();
            }
        }
        if (field(r, c.lon).isEmpty() || field(r, c.lat).isEmpty()) {
            // Named by the column that is empty, not as a coordinate pair that is wrong.
            const bool noLon = field(r, c.lon).isEmpty();
            bad(noLon ? c.lon : c.lat, RowProblem::Empty, {},
                noLon ? QStringLiteral("the longitude is empty")
                      : QStringLiteral("the latitude is empty"));
        } else if (!lon || !lat) {
            if (projected)
                bad(c.lon, RowProblem::NotProjectedCoordinates,
                    {field(r, c.lon), field(r, c.lat), ctx.crs->name()},
                    QStringLiteral("'%1, %2' are not %3 coordinates (x, y in metres)")
                        .arg(field(r, c.lon), field(r, c.lat), ctx.crs->name()));
            else
                bad(c.lon, RowProblem::NotCoordinates, {field(r, c.lon), field(r, c.lat)},
                    QStringLiteral("'%1, %2' are not coordinates (decimal degrees)")
                        .arg(field(r, c.lon), field(r, c.lat)));
        } else if (!Geo::insideKorea(*lon, *lat)) {
            if (projected)
                bad(c.lon, RowProblem::ProjectedOutsideKorea,
                    {field(r, c.lon), field(r, c.lat), ctx.crs->name(),
                     QString::number(*lon, 'f', 5), QString::number(*lat, 'f', 5)},
                    QStringLiteral("%1, %2 in %3 lies outside Korea (%4, %5 in WGS84); is it "
                                   "another coordinate system?")
                        .arg(field(r, c.lon), field(r, c.lat), ctx.crs->name())
                        .arg(*lon, 0, 'f', 5)
                        .arg(*lat, 0, 'f', 5));
            else if (std::abs(*lon) > 1000 && std::abs(*lat) > 1000)
                bad(c.lon, RowProblem::LooksProjected, {field(r, c.lon), field(r, c.lat)},
                    QStringLiteral("%1, %2 look like projected metres, not longitude and "
                                   "latitude; give their coordinate system (--crs EPSG:5179 "
                                   "for UTM-K, EPSG:5186 for 중부원점)")
                        .arg(field(r, c.lon), field(r, c.lat)));
            else
                bad(c.lon, RowProblem::OutsideKorea, {QString::number(*lon), QString::number(*lat)},
                    QStringLiteral("%1, %2 lies outside Korea (expected WGS84 longitude 124-132, "
                                   "latitude 33-39; are longitude and latitude swapped?)")
                        .arg(*lon)
                        .arg(*lat));
        } else {
            h.lon = *lon;
            h.lat = *lat;
            placed = true;
        }
        return placed;
    }

    // The 행정동: the file's adm_cd checked against the position, or found from it.
    void office(Household &h, bool placed) const
    {
        const QString admCd = field(r, c.admCd);
        if (!admCd.isEmpty()
            && !QRegularExpression(QStringLiteral("^\\d{10}$")).match(admCd).hasMatch()) {
            bad(c.admCd, RowProblem::NotOfficeCode, {admCd},
                QStringLiteral("'%1' is not a 10-digit 행정기관코드").arg(admCd));
        } else if (placed && ctx.locator) {
            const QString at = ctx.locator->locate(h.lon, h.lat);
            if (admCd.isEmpty()) {
                h.officeCode
                    = at.isEmpty() ? ctx.locator->nearest(h.lon, h.lat, HouseholdImporter::boundaryToleranceM) : at;
                if (h.officeCode.isEmpty())
                    bad(c.lon, RowProblem::OutsideEveryOffice,
                        {QString::number(h.lon), QString::number(h.lat)},
                        QStringLiteral("%1, %2 lies outside every known 행정동; give adm_cd or "
                                       "import the boundaries first")
                            .arg(h.lon)
                            .arg(h.lat));
            } else if (!ctx.locator->office(admCd)) {
                bad(c.admCd, RowProblem::UnknownOffice, {admCd},
                    QStringLiteral("unknown 행정동 code %1; import its boundary first "
                                   "(import --kind boundaries)")
                        .arg(admCd));
            } else if (at == admCd
                       || ctx.locator->distanceM(admCd, h.lon, h.lat) <= HouseholdImporter::boundaryToleranceM) {
                h.officeCode = admCd;
            } else {
                const Office *other = at.isEmpty() ? nullptr : ctx.locator->office(at);
                const QString lonText = QString::number(h.lon), latText = QString::number(h.lat);
                const int metres = qRound(ctx.locator->distanceM(admCd, h.lon, h.lat));
                if (other)
                    bad(c.lon, RowProblem::InOtherOffice,
                        {lonText, latText, other->name, at, admCd},
                        QStringLiteral("%1, %2 lies in %3 (%4), not in the 행정동 %5")
                            .arg(h.lon)
                            .arg(h.lat)
                            .arg(other->name, at, admCd));
                else
                    bad(c.lon, RowProblem::OutsideOffice,
                        {lonText, latText, QString::number(metres), admCd},
                        QStringLiteral("%1, %2 lies %3 m outside the 행정동 %4")
                            .arg(h.lon)
                            .arg(h.lat)
                            .arg(qRound(ctx.locator->distanceM(admCd, h.lon, h.lat)))
                            .arg(admCd));
            }
        }
        if (!h.officeCode.isEmpty() && ctx.covers && !ctx.covers(h.officeCode))
            bad(c.admCd, RowProblem::NotYourOffice, {h.officeCode},
                QStringLiteral("the 행정동 %1 is not among your offices").arg(h.officeCode));
    }

    void tongBan(Household &h) const
    {
        for (auto [col, target] : {std::pair{c.tong, &h.tong}, std::pair{c.ban, &h.ban}}) {
            const QString text = field(r, col);
            if (text.isEmpty())
                continue;
            const auto v = Field::integer(
                QString(text).remove(QRegularExpression(QStringLiteral("[통반]$"))));
            if (!v || *v < 1 || *v > 999)
                bad(col, RowProblem::NotTongBan, {text},
                    QStringLiteral("'%1' is not a 통/반 number").arg(text));
            else
                *target = *v;
        }
    }

    void type(Household &h) const
    {
        const QString typeText = field(r, c.type);
        h.householdType = HouseholdImporter::normaliseType(typeText);
        if (h.householdType.isEmpty())
            bad(c.type, RowProblem::NotOneOf,
                {typeText, householdTypes().join(QStringLiteral(", "))},
                QStringLiteral("'%1' is not a household type (one of %2)")
                    .arg(typeText, householdTypes().join(QStringLiteral(", "))));
        h.housing = field(r, c.housing);
    }

    // Phone and head's name; a masked value (with *) is left empty and counted.
    void contact(Household &h, Person &head, int &masked) const
    {
        QString phone = field(r, c.phone);
        if (Field::isMasked(phone)) {
            phone.clear();
            ++masked;
        }
        if (!phone.isEmpty()) {
            QString digits = phone;
            digits.remove(QRegularExpression(QStringLiteral("[\\s\\-()]")));
            if (!QRegularExpression(QStringLiteral("^\\+?\\d{8,12}$")).match(digits).hasMatch())
                bad(c.phone, RowProblem::NotPhone, {phone},
                    QStringLiteral("'%1' is not a phone number").arg(phone));
        }
        h.phone = phone;

        QString name = field(r, c.name);
        if (Field::isMasked(name)) {
            name.clear();
            ++masked;
        }
        if (name.size() > 60)
            bad(c.name, RowProblem::TooLong, {QStringLiteral("60")},
                QStringLiteral("the name is longer than 60 characters"));
        h.headName = name;
        head.name = name;
    }

    // The head's 주민등록번호, birth date and sex, which must agree with each other.
    void person(Person &head, int &masked) const
    {
        const QString rrnText = field(r, c.rrn);
        if (Field::isMasked(rrnText)) {
            ++masked;
        } else if (!rrnText.isEmpty()) {
            if (const auto rrn = Field::rrn(rrnText)) {
                head.rrn = *rrn;
                head.birthDate = Field::birthDateFromRrn(*rrn);
                head.sex = Field::sexFromRrn(*rrn);
            } else {
                bad(c.rrn, RowProblem::NotRrn, {},
                    QStringLiteral("not a 주민등록번호 (13 digits, YYMMDD-GNNNNNN, with a valid "
                                   "date)"));
            }
        }
        // A 주민등록번호 carries the birth date and sex; a file that gives them too must agree,
        // or one of the two was typed for another person.
        const QDate rrnBirth = head.birthDate;
        const QString rrnSex = head.sex;
        const QString birthText = field(r, c.birth);
        if (!birthText.isEmpty()) {
            const auto d = Field::date(birthText);
            if (!d || *d > ctx.today || d->year() < 1890)
                bad(c.birth, RowProblem::NotBirthDate, {birthText},
                    QStringLiteral("'%1' is not a birth date (YYYY-MM-DD)").arg(birthText));
            else if (rrnBirth.isValid() && *d != rrnBirth)
                bad(c.birth, RowProblem::BirthDisagreesRrn,
                    {birthText, rrnBirth.toString(Qt::ISODate)},
                    QStringLiteral("'%1' disagrees with the birth date in the 주민등록번호 (%2); "
                                   "is one of them another person's?")
                        .arg(birthText, rrnBirth.toString(Qt::ISODate)));
            else
                head.birthDate = *d;
        }
        const QString sexText = field(r, c.sex);
        if (!sexText.isEmpty()) {
            QString sex;
            if (sexText == QLatin1String("M") || sexText == QLatin1String("m")
                || sexText == QStringLiteral("남"))
                sex = QStringLiteral("M");
            else if (sexText == QLatin1String("F") || sexText == QLatin1String("f")
                     || sexText == QStringLiteral("여"))
                sex = QStringLiteral("F");
            if (sex.isEmpty())
                bad(c.sex, RowProblem::NotSex, {sexText},
                    QStringLiteral("'%1' is not a sex (M/F or 남/여)").arg(sexText));
            else if (!rrnSex.isEmpty() && sex != rrnSex)
                bad(c.sex, RowProblem::SexDisagreesRrn, {sexText, rrnSex},
                    QStringLiteral("'%1' disagrees with the sex in the 주민등록번호 (%2)")
                        .arg(sexText, rrnSex));
            else
                head.sex = sex;
        }
    }

    int members() const
    {
        const QString membersText = field(r, c.members);
        int members = 1;
        if (!membersText.isEmpty()) {
            const auto v = Field::integer(membersText);
            if (!v || *v < 1 || *v > 30)
                bad(c.members, RowProblem::NotMemberCount, {membersText},
                    QStringLiteral("'%1' is not a number of members (1-30)").arg(membersText));
            else
                members = *v;
        }
        return members;
    }

    // A tier the file gives (kept as an override when it differs from the computed one).
    std::optional<RiskTier> risk() const
    {
        const QString riskText = field(r, c.risk);
        std::optional<RiskTier> givenTier;
        if (!riskText.isEmpty()) {
            static const QHash<QString, RiskTier> shortNames{
                {QStringLiteral("고"), RiskTier::High},
                {QStringLiteral("중"), RiskTier::Medium},
                {QStringLiteral("저"), RiskTier::Low}};
            givenTier = riskTierFromCode(riskText);
            if (!givenTier && shortNames.contains(riskText))
                givenTier = shortNames.value(riskText);
            if (!givenTier)
                bad(c.risk, RowProblem::NotOneOf,
                    {riskText, QStringLiteral("high, medium, low, 고위험, 중위험, 저위험")},
                    QStringLiteral("'%1' is not a risk tier (high, medium, low or 고위험, "
                                   "중위험, 저위험)")
                        .arg(riskText));
        }
        return givenTier;
    }

    void worker(Household &h) const
    {
        h.assignedWorker = field(r, c.worker);
        if (!h.assignedWorker.isEmpty() && ctx.workerProblem) {
            if (const RowReason why = ctx.workerProblem(h.assignedWorker, h.officeCode);
                !why.isEmpty())
                report.addError(fileName, r.line, header(c.worker), why);
        }
    }

    // The last visit (its date is returned for the next due date) and a due date the file gives.
    QDate visits(Household &h) const
    {
        QDate lastVisit;
        const QString lastText = field(r, c.lastVisit);
        if (!lastText.isEmpty()) {
            const QDateTime t = Iso::parse(lastText);
            const auto d = t.isValid() ? std::optional<QDate>(t.toTimeZone(Clock::seoul()).date())
                                       : Field::date(lastText);
            if (!d || *d > ctx.today)
                bad(c.lastVisit, RowProblem::NotPastDate, {lastText},
                    QStringLiteral("'%1' is not a past date").arg(lastText));
            else {
                lastVisit = *d;
                h.lastVisitAt
                    = t.isValid() ? t : QDateTime(*d, QTime(12, 0), Clock::seoul()).toUTC();
            }
        }
        const QString dueText = field(r, c.nextDue);
        if (!dueText.isEmpty()) {
            const auto d = Field::date(dueText);
            if (!d)
                bad(c.nextDue, RowProblem::NotDate, {dueText},
                    QStringLiteral("'%1' is not a date").arg(dueText));
            else
                h.nextVisitDue = *d;
        }
        return lastVisit;
    }

    void status(Household &h) const
    {
        const QString status = field(r, c.status);
        if (!status.isEmpty()) {
            // A code or the Korean word our own exports write (관리중, 종결, 전출, 사망).
            const auto code = householdStatusFromCode(status);
            if (!code)
                bad(c.status, RowProblem::NotOneOf,
                    {status, QStringLiteral("active/closed/moved/deceased/관리중/종결/전출/사망")},
                    QStringLiteral("'%1' is not a status (active/closed/moved/deceased "
                                   "or 관리중/종결/전출/사망)")
                        .arg(status));
            else
                h.status = *code;
        }
    }

private:
    static QString field(const CsvRecord &record, int col)
    {
        return col >= 0 && col < record.fields.size() ? Field::clean(record.fields.at(col))
                                                      : QString();
    }
    QString header(int col) const { return table.header.value(col); }
    void bad(int col, RowProblem problem, const QStringList &args, const QString &why) const
    {
        report.addError(fileName, r.line, header(col), problem, args, why);
    }

    const CsvTable &table;
    const CsvRecord &r;
    const Columns &c;
    const QString &fileName;
    const HouseholdImporter::Context &ctx;
    ImportReport &report;
};

// What the file does not say, from what it does: the score and tier, the next due date, and
// where the record came from.
void complete(Storage::HouseholdRecord &rec,
              Person head,
              int members,
              std::optional<RiskTier> givenTier,
              const QDate &lastVisit,
              const QString &fileName,
              const HouseholdImporter::Context &ctx)
{
    Household &h = rec.household;
    // The score from what the file tells; a tier given by the file is kept as an override so
    // it stays until a caseworker reassesses.
    Risk::RiskInputs in;
    in.householdType = h.householdType;
    in.housing = h.housing;
    in.today = ctx.today;
    in.members.append(Risk::MemberInput{head.ageOn(ctx.today), head.sex,
                                        h.householdType == QStringLiteral("장애인")});
    for (int i = 1; i < members; ++i)
        in.members.append(Risk::MemberInput{});
    const Risk::RiskAssessment a = ctx.scorer.assess(in);
    h.riskScore = a.score;
    h.computedTier = a.tier;
    if (givenTier && *givenTier != a.tier) {
        h.tierOverride = givenTier;
        h.overrideReason
            = QStringLiteral("가져온 파일의 위험도 (%1)").arg(fileName.section(u'/', -1));
    }
    if (!h.nextVisitDue.isValid())
        h.nextVisitDue = ctx.cycle.nextDue(h.tier(), lastVisit, ctx.today);
    h.source = QStringLiteral("import");
    h.createdAt = ctx.now;
    h.createdBy = ctx.actor;
    if (!head.name.isEmpty() || !head.rrn.isEmpty() || head.birthDate.isValid())
        rec.members.append(head);
}

} // namespace

QList<ColumnMap::Use> HouseholdImporter::columns(const CsvTable &table)
{
    ImportReport ignored;
    ColumnMap map(table, {}, ignored);
    (void)findColumns(map);
    return map.uses();
}

HouseholdImporter::Parsed
HouseholdImporter::parse(const CsvTable &table, const QString &fileName, const Context &ctx)
{
    Parsed out;
    ImportReport &report = out.report;
    ColumnMap columns(table, fileName, report);
    const Columns c = findColumns(columns);
    if (!report.ok())
        return out;
    (void)columns.checkRequired();
    if (c.lon < 0 || c.lat < 0)
        report.addError(
            fileName, 1, {}, RowProblem::MissingCoordinates, {},
            QStringLiteral("no coordinate columns (lon and lat, or 경도 and 위도): every "
                           "household needs its place on the map"));
    if (!report.ok())
        return out;

    QSet<QString> idsInFile;
    QSet<QString> offices;
    int masked = 0;

    const qint64 total = table.rows.size();
    for (qint64 i = 0; i < total; ++i) {
        const CsvRecord &r = table.rows.at(i);
        if (ctx.control) {
            if (ctx.control->cancelled()) {
                out.cancelled = true;
                out.records.clear();
                return out;
            }
            ctx.control->report(ImportStage::Checking, i, total);
        }
        const int errorsBefore = int(report.errors.size());
        if (r.fields.size() != table.header.size()) {
            report.addError(
                fileName, r.line, {}, RowProblem::FieldCount,
                {QString::number(r.fields.size()), QString::number(table.header.size())},
                QStringLiteral("has %1 fields; the header has %2 (a comma inside an "
                               "unquoted value?)")
                    .arg(r.fields.size())
                    .arg(table.header.size()));
            continue;
        }
        Storage::HouseholdRecord rec;
        Household &h = rec.household;
        Person head;
        head.isHead = true;
        head.relationship = QStringLiteral("본인");

        const RowReader read(table, r, c, fileName, ctx, report);
        read.id(h, idsInFile);
        read.address(h);
        read.office(h, read.place(h));
        read.tongBan(h);
        read.type(h);
        read.contact(h, head, masked);
        read.person(head, masked);
        const int members = read.members();
        h.memberCount = members;
        const std::optional<RiskTier> givenTier = read.risk();
        read.worker(h);
        const QDate lastVisit = read.visits(h);
        read.status(h);
        if (int(report.errors.size()) != errorsBefore)
            continue;
        complete(rec, head, members, givenTier, lastVisit, fileName, ctx);
        offices.insert(h.officeCode);
        out.records.append(rec);
    }
    if (ctx.control)
        ctx.control->report(ImportStage::Checking, total, total);
    if (masked > 0)
        report.notes << QStringLiteral(
                            "%1 masked values (names, phone numbers, 주민등록번호 with *) "
                            "were left empty")
                            .arg(masked);
    if (!report.ok()) {
        out.records.clear();
        return out;
    }
    out.officeCodes = QStringList(offices.begin(), offices.end());
    out.officeCodes.sort();
    return out;
}

} // namespace VisitMap::Import
