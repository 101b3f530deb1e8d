// SPDX-License-Identifier: GPL-3.0-or-later
// What a masked export may still say about a person, read back byte by byte from the file, and
// that no cell of any export runs as a spreadsheet formula.
#include "export/anonymiser.h"
#include "export/exportservice.h"
#include "geo/donglocator.h"
#include "import/importservice.h"
#include "security/secretbytes.h"
#include "security/session.h"
#include "storage/database.h"
#include "storage/officestore.h"
#include "storage/visitstore.h"
#include "support/testsupport.h"
#include "util/csv.h"

#include <QBuffer>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

using namespace VisitMap;
using Export::Anonymiser;

namespace {

constexpr int k = Anonymiser::minShared;

struct StoredHousehold
{
    QString id, office, lon7, lat7, name, phone, address, detail, birth;
    int tong = 0, ban = 0;
};

QList<StoredHousehold> storedHouseholds(Workspace &ws)
{
    auto q = ws.db().execute(QStringLiteral(
        "SELECT h.id, h.office_code, h.lon, h.lat, h.head_name, h.phone, h.road_address, "
        "h.address_detail, "
        "COALESCE(p.birth_date, ''), h.tong, h.ban FROM households h "
        "LEFT JOIN persons p ON p.household_id = h.id AND p.is_head = 1 ORDER BY h.rowid"));
    REQUIRE(q);
    QList<StoredHousehold> out;
    while (q->next())
        out << StoredHousehold{q->value(0).toString(),
                               q->value(1).toString(),
                               QString::number(q->value(2).toDouble(), 'f', 7),
                               QString::number(q->value(3).toDouble(), 'f', 7),
                               q->value(4).toString(),
                               q->value(5).toString(),
                               q->value(6).toString(),
                               q->value(7).toString(),
                               q->value(8).toString(),
                               q->value(9).toInt(),
                               q->value(10).toInt()};
    return out;
}

CsvTable readTable(const QString &path)
{
    auto t = CsvReader::readFile(path);
    REQUIRE(t);
    return *t;
}

QString digitsOf(const QString &s)
{
    QString d;
    for (QChar c : s)
        if (c.isDigit())
            d += c;
    return d;
}

// How many households of each 행정동 the store holds.
QHash<QString, int> perOffice(const QList<StoredHousehold> &all)
{
    QHash<QString, int> n;
    for (const StoredHousehold &h : all)
        ++n[h.office];
    return n;
}

} // namespace

TEST_CASE("A masked households export shares every position with at least five households",
          "[core][export][privacy]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo());
    // A 행정동 with fewer than k households: keep only three of the smallest dong's.
    const QString small
        = ws->db()
              .scalar(QStringLiteral("SELECT office_code FROM households GROUP BY office_code "
                                     "ORDER BY COUNT(*), office_code LIMIT 1"))
              ->toString();
    REQUIRE(ws->db().execute(QStringLiteral("PRAGMA foreign_keys = OFF")));
    REQUIRE(ws->db().execute(
        QStringLiteral(
            "DELETE FROM households WHERE office_code = ? AND rowid NOT IN "
            "(SELECT rowid FROM households WHERE office_code = ? ORDER BY rowid LIMIT 3)"),
        {small, small}));
    REQUIRE(ws->db().execute(QStringLiteral("PRAGMA foreign_keys = ON")));
    const QList<StoredHousehold> stored = storedHouseholds(*ws);
    const QHash<QString, int> inOffice = perOffice(stored);
    REQUIRE(inOffice.value(small) == 3);

    const QString out = dir.path(QStringLiteral("masked.csv"));
    auto r = Export::ExportService(*ws).run(
        {Export::ExportKind::Households, out, QStringLiteral("통계"), false});
    REQUIRE(r);
    CHECK(r->masked);
    CHECK(r->withheld == 3);
    CHECK(r->rows + r->withheld == stored.size());

    const CsvTable t = readTable(out);
    REQUIRE(t.rows.size() == r->rows);
    const int cLon = t.column({u"경도"}), cLat = t.column({u"위도"}),
              cAdm = t.column({u"행정동코드"});
    QHash<QString, int> shared;
    for (const CsvRecord &row : t.rows)
        ++shared[row.fields.at(cLon) + u',' + row.fields.at(cLat)];
    for (auto it = shared.cbegin(); it != shared.cend(); ++it) {
        INFO(it.key().toStdString());
        CHECK(it.value() >= k);
    }
    // Nothing of the small 행정동 is in the file, and no stored position appears in its bytes.
    const QByteArray bytes = Test::readAll(out);
    for (const CsvRecord &row : t.rows)
        CHECK(row.fields.at(cAdm) != small);
    for (const StoredHousehold &h : stored) {
        CHECK_FALSE(bytes.contains(h.lon7.toUtf8()));
        CHECK_FALSE(bytes.contains(h.lat7.toUtf8()));
        // Positions are written with 6 decimals: not even a rounded exact position appears.
        CHECK_FALSE(bytes.contains(
            (h.lon7.left(h.lon7.size() - 1) + u',' + h.lat7.left(h.lat7.size() - 1)).toUtf8()));
    }
    // Every position lies in the household's own 행정동 (so the file imports back and places no
    // one in a neighbouring dong).
    auto offices = Storage::OfficeStore(ws->db()).all();
    REQUIRE(offices);
    const Geo::DongLocator locator(*offices);
    for (const CsvRecord &row : t.rows)
        CHECK(locator.contains(row.fields.at(cAdm), row.fields.at(cLon).toDouble(),
                               row.fields.at(cLat).toDouble()));
}

TEST_CASE("A masked households export keeps no name or resident number or birth date or house "
          "number or 통/반 or phone digits",
          "[core][export][privacy]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo());
    const QList<StoredHousehold> stored = storedHouseholds(*ws);
    const QString out = dir.path(QStringLiteral("masked.csv"));
    auto r = Export::ExportService(*ws).run(
        {Export::ExportKind::Households, out, QStringLiteral("통계"), false});
    REQUIRE(r);
    REQUIRE(r->rows > 0);
    const CsvTable t = readTable(out);
    // Everything but the pseudonyms (hex digits would match short digit runs by chance).
    QStringList cells;
    for (const CsvRecord &row : t.rows)
        cells << row.fields.mid(1);
    const QString whole = QString::fromUtf8(Test::readAll(out));
    const QString text = whole.section(u'\n', 0, 0) + cells.join(u',');

    int withTong = 0, withBirth = 0, withDetail = 0;
    for (const StoredHousehold &h : stored) {
        withTong += h.tong > 0 ? 1 : 0;
        withBirth += h.birth.isEmpty() ? 0 : 1;
        withDetail += h.detail.isEmpty() ? 0 : 1;
        // No store id, name, phone number, full birth date or street address anywhere in the file.
        CHECK_FALSE(whole.contains(h.id));
        if (h.name.size() >= 2)
            CHECK_FALSE(text.contains(h.name));
        if (!h.birth.isEmpty()) {
            CHECK_FALSE(text.contains(h.birth));
            // YYMMDD- as a 주민등록번호 starts
            CHECK_FALSE(
                text.contains(h.birth.mid(2, 2) + h.birth.mid(5, 2) + h.birth.mid(8, 2) + u'-'));
        }
        if (digitsOf(h.phone).size() >= 8)
            CHECK_FALSE(text.contains(h.phone));
        CHECK_FALSE(text.contains(h.address));
    }
    // The demo holds what the masking must remove, so these checks can fail.
    REQUIRE(withTong > 0);
    REQUIRE(withBirth > 0);
    REQUIRE(withDetail > 0);

    QHash<QString, QString> fullName;
    const auto offices = Storage::OfficeStore(ws->db()).all();
    REQUIRE(offices);
    for (const Office &o : *offices)
        fullName.insert(o.code, o.fullName);
    const auto col = [&](const char16_t *name) {
        const int c = t.column({QStringView(name)});
        REQUIRE(c >= 0);
        return c;
    };
    const int cId = col(u"가구번호"), cAdm = col(u"행정동코드"), cAddr = col(u"주소"),
              cDetail = col(u"상세주소"), cTong = col(u"통"), cBan = col(u"반"),
              cPhone = col(u"전화번호"), cName = col(u"세대주"), cRrn = col(u"주민등록번호"),
              cBirth = col(u"생년월일"), cBand = col(u"세대주 연령대"), cMembers = col(u"가구원수"),
              cLon = col(u"경도");
    static const QRegularExpression band(QStringLiteral("^(<30|[3-7]0-[3-7]9|80\\+|<60|60\\+)?$"));
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    static const QRegularExpression sixDecimals(QStringLiteral("^\\d+\\.\\d{6}$"));
    int bands = 0;
    for (const CsvRecord &row : t.rows) {
        CHECK(uuid.match(row.fields.at(cId)).hasMatch()); // a keyed pseudonym, not the store's id
        CHECK(row.fields.at(cAddr)
              == fullName.value(row.fields.at(cAdm))); // the 행정동 and nothing finer
        CHECK(row.fields.at(cDetail).isEmpty());
        CHECK(row.fields.at(cTong).isEmpty());
        CHECK(row.fields.at(cBan).isEmpty());
        CHECK(row.fields.at(cName).isEmpty());
        CHECK(row.fields.at(cRrn).isEmpty());
        CHECK(row.fields.at(cBirth).isEmpty());
        CHECK(digitsOf(row.fields.at(cPhone)).size() <= 3); // 010 or an area code only
        CHECK(band.match(row.fields.at(cBand)).hasMatch());
        CHECK(row.fields.at(cMembers).toInt() <= 5);
        CHECK(sixDecimals.match(row.fields.at(cLon)).hasMatch());
        bands += row.fields.at(cBand).isEmpty() ? 0 : 1;
    }
    CHECK(bands > 0); // age bands are kept where they do not single anyone out
    // Each age band and sex shown, none shown included, is shared by k households of the position.
    QHash<QString, int> classes;
    const int cLat = col(u"위도"), cSex = col(u"성별");
    for (const CsvRecord &row : t.rows)
        ++classes[QStringList{row.fields.at(cAdm), row.fields.at(cLon), row.fields.at(cLat),
                              row.fields.at(cBand), row.fields.at(cSex)}
                      .join(u'|')];
    for (auto it = classes.cbegin(); it != classes.cend(); ++it) {
        INFO(it.key().toStdString());
        CHECK(it.value() >= k);
    }
}

TEST_CASE("Age band and sex shared by fewer than five households of a position are generalised "
          "then left out",
          "[core][export][privacy]")
{
    const auto rowsOf = [](const QList<QPair<QString, QString>> &people) {
        QList<QStringList> rows;
        for (const auto &[band, sex] : people)
            rows << QStringList{QStringLiteral("P"), band, sex};
        return rows;
    };
    const auto shownAs = [](const QList<QStringList> &rows, int i) {
        return rows.at(i).at(1) + u'/' + rows.at(i).at(2);
    };
    const QPair<QString, QString> f70{QStringLiteral("70-79"), QStringLiteral("F")},
        m70{QStringLiteral("70-79"), QStringLiteral("M")},
        m80{QStringLiteral("80+"), QStringLiteral("M")},
        f40{QStringLiteral("40-49"), QStringLiteral("F")};
    SECTION("a lone household among five alike is not left as the only one without values")
    {
        QList<QStringList> rows = rowsOf({f70, f70, f70, f70, f70, m80});
        Anonymiser::generaliseAgeAndSex(rows, {0}, 1, 2);
        for (int i = 0; i < rows.size(); ++i)
            CHECK(shownAs(rows, i) == QStringLiteral("/"));
    }
    SECTION("two small classes of the same age share the broad band without sex")
    {
        QList<QStringList> rows = rowsOf({f70, f70, f70, m70, m70, m80});
        Anonymiser::generaliseAgeAndSex(rows, {0}, 1, 2);
        for (int i = 0; i < rows.size(); ++i)
            CHECK(shownAs(rows, i) == QStringLiteral("60+/"));
    }
    SECTION("classes of five keep their values and the rest fold together")
    {
        QList<QStringList> rows = rowsOf({f70, f70, f70, f70, f70, m80, m80, f40, f40, f40});
        Anonymiser::generaliseAgeAndSex(rows, {0}, 1, 2);
        for (int i = 0; i < 5; ++i)
            CHECK(shownAs(rows, i) == QStringLiteral("70-79/F"));
        for (int i = 5; i < rows.size(); ++i)
            CHECK(shownAs(rows, i) == QStringLiteral("/"));
    }
}

TEST_CASE("A masked visits export keeps no free text and names households by their pseudonym",
          "[core][export][privacy]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo());
    REQUIRE(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM visits WHERE met_whom <> ''"))
            > 0);
    REQUIRE(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM visits WHERE notes <> ''")) > 0);
    const QString visits = dir.path(QStringLiteral("visits.csv")),
                  households = dir.path(QStringLiteral("hh.csv"));
    REQUIRE(Export::ExportService(*ws).run(
        {Export::ExportKind::Visits, visits, QStringLiteral("통계"), false}));
    REQUIRE(Export::ExportService(*ws).run(
        {Export::ExportKind::Households, households, QStringLiteral("통계"), false}));
    const CsvTable v = readTable(visits), h = readTable(households);
    const int cMet = v.column({u"만난 사람"}), cNotes = v.column({u"메모"}),
              cWhy = v.column({u"무효 사유"}), cHousehold = v.column({u"가구번호"});
    REQUIRE(v.rows.size() > 0);
    QSet<QString> pseudonyms;
    for (const CsvRecord &row : h.rows)
        pseudonyms.insert(row.fields.at(0));
    QSet<QString> storeIds;
    for (const StoredHousehold &s : storedHouseholds(*ws))
        storeIds.insert(s.id);
    int joined = 0;
    for (const CsvRecord &row : v.rows) {
        CHECK(row.fields.at(cMet).isEmpty());
        CHECK(row.fields.at(cNotes).isEmpty());
        CHECK(row.fields.at(cWhy).isEmpty());
        CHECK_FALSE(storeIds.contains(row.fields.at(cHousehold)));
        joined += pseudonyms.contains(row.fields.at(cHousehold)) ? 1 : 0;
    }
    CHECK(joined == v.rows.size()); // the two masked files still join on the pseudonym
}

TEST_CASE("A cell or a 행정동 holding fewer than five households never singles one out",
          "[core][export][privacy]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo());
    auto offices = Storage::OfficeStore(ws->db()).all();
    REQUIRE(offices);
    // A dong and two of its households' positions that the grid places in different cells.
    const QString office
        = ws->db()
              .scalar(QStringLiteral("SELECT office_code FROM households GROUP BY office_code "
                                     "ORDER BY COUNT(*) DESC LIMIT 1"))
              ->toString();
    QList<Anonymiser::Point> homes;
    auto q = ws->db().execute(
        QStringLiteral("SELECT lon, lat FROM households WHERE office_code = ? ORDER BY rowid"),
        {office});
    REQUIRE(q);
    while (q->next())
        homes << Anonymiser::Point{office, q->value(0).toDouble(), q->value(1).toDouble()};
    const auto alone = [&](const Anonymiser::Point &p) {
        auto c = Anonymiser::coarsen(QList<Anonymiser::Point>(k, p), *offices);
        REQUIRE(c);
        return c->first();
    };
    // Find three homes whose cells differ and whose cell centres lie in the dong.
    QList<Anonymiser::Point> picks;
    QList<Anonymiser::Coarse> cells;
    for (const Anonymiser::Point &p : homes) {
        const Anonymiser::Coarse c = alone(p);
        if (c.level != Anonymiser::Level::Grid)
            continue;
        bool seen = false;
        for (const Anonymiser::Coarse &o : cells)
            seen = seen || (o.lon == c.lon && o.lat == c.lat);
        if (seen)
            continue;
        picks << p;
        cells << c;
        if (picks.size() == 3)
            break;
    }
    REQUIRE(picks.size() == 3);

    SECTION("a lone household in its cell goes to the 행정동 point, and so does the smallest cell")
    {
        QList<Anonymiser::Point> pts
            = QList<Anonymiser::Point>(6, picks[0]) + QList<Anonymiser::Point>(5, picks[1]);
        pts << picks[2];
        auto c = Anonymiser::coarsen(pts, *offices);
        REQUIRE(c);
        for (int i = 0; i < 6; ++i) {
            CHECK(c->at(i).level == Anonymiser::Level::Grid);
            CHECK(c->at(i).lon == cells[0].lon);
        }
        // One household alone would be unique at the dong point: the cell of five joins it.
        for (int i = 6; i < 12; ++i) {
            CHECK(c->at(i).level == Anonymiser::Level::Dong);
            CHECK(c->at(i).lon == c->at(11).lon);
            CHECK(c->at(i).lat == c->at(11).lat);
        }
        CHECK(c->at(11).lon != cells[2].lon);
    }
    SECTION("a dong of four households is withheld")
    {
        QList<Anonymiser::Point> pts(4, picks[0]);
        auto c = Anonymiser::coarsen(pts, *offices);
        REQUIRE(c);
        for (const Anonymiser::Coarse &x : *c)
            CHECK(x.level == Anonymiser::Level::Withheld);
    }
    SECTION("a dong whose cells are all small shares its point")
    {
        QList<Anonymiser::Point> pts = QList<Anonymiser::Point>(2, picks[0])
                                       + QList<Anonymiser::Point>(2, picks[1])
                                       + QList<Anonymiser::Point>(2, picks[2]);
        auto c = Anonymiser::coarsen(pts, *offices);
        REQUIRE(c);
        for (const Anonymiser::Coarse &x : *c) {
            CHECK(x.level == Anonymiser::Level::Dong);
            CHECK(x.lon == c->first().lon);
        }
    }
}

TEST_CASE("Age bands are ten years wide with the oldest and youngest heads grouped",
          "[core][export][privacy]")
{
    const QDate today(2026, 11, 23);
    CHECK(Anonymiser::ageBand(QDate(1951, 11, 24), today) == QStringLiteral("70-79")); // 74
    CHECK(Anonymiser::ageBand(QDate(1946, 11, 23), today) == QStringLiteral("80+"));   // 80 today
    CHECK(Anonymiser::ageBand(QDate(1946, 11, 24), today) == QStringLiteral("70-79")); // 79
    CHECK(Anonymiser::ageBand(QDate(1925, 1, 1), today) == QStringLiteral("80+"));
    CHECK(Anonymiser::ageBand(QDate(1999, 1, 1), today) == QStringLiteral("<30"));
    CHECK(Anonymiser::ageBand(QDate(1990, 1, 1), today) == QStringLiteral("30-39"));
    CHECK(Anonymiser::ageBand(QDate(), today).isEmpty());
}

TEST_CASE("Pseudonyms are stable per office key and differ between keys", "[core][export][privacy]")
{
    const Security::SecretBytes a(QByteArray(32, 'a')), b(QByteArray(32, 'b'));
    const QString id = QStringLiteral("0192f3c4-0000-7000-8000-000000000001");
    CHECK(Anonymiser::pseudonym(a, id) == Anonymiser::pseudonym(a, id));
    CHECK(Anonymiser::pseudonym(a, id) != Anonymiser::pseudonym(b, id));
    CHECK(Anonymiser::pseudonym(a, id) != Anonymiser::pseudonym(a, id.left(35) + u'2'));
    CHECK(Anonymiser::pseudonym(a, id) != id);
    CHECK(Anonymiser::pseudonym(a, id).size() == 36);
}

TEST_CASE("The unmasked export by a team lead keeps exact positions and identifiers",
          "[core][export][privacy]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    const QList<StoredHousehold> stored = storedHouseholds(*ws);
    const QString out = dir.path(QStringLiteral("all.csv"));
    auto r = Export::ExportService(*ws).run(
        {Export::ExportKind::Households, out, QStringLiteral("이관"), true});
    REQUIRE(r);
    CHECK_FALSE(r->masked);
    CHECK(r->withheld == 0);
    const CsvTable t = readTable(out);
    REQUIRE(t.rows.size() == stored.size());
    const int cLon = t.column({u"경도"}), cLat = t.column({u"위도"}), cName = t.column({u"세대주"}),
              cPhone = t.column({u"전화번호"}), cTong = t.column({u"통"}),
              cDetail = t.column({u"상세주소"});
    for (int i = 0; i < stored.size(); ++i) {
        const CsvRecord &row = t.rows.at(i);
        CHECK(row.fields.at(0) == stored[i].id);
        CHECK(row.fields.at(cLon) == stored[i].lon7);
        CHECK(row.fields.at(cLat) == stored[i].lat7);
        CHECK(row.fields.at(cName) == stored[i].name);
        CHECK(row.fields.at(cPhone) == stored[i].phone);
        CHECK(row.fields.at(cDetail) == stored[i].detail);
        CHECK(row.fields.at(cTong)
              == (stored[i].tong > 0 ? QString::number(stored[i].tong) : QString()));
    }
}

TEST_CASE("A masked households file imports into another store at its coarse positions",
          "[core][export][import][privacy]")
{
    Test::TempDir dir;
    auto demo = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(demo->signInDemo(QStringLiteral("demo-lead")));
    const QString out = dir.path(QStringLiteral("masked.csv"));
    auto r = Export::ExportService(*demo).run(
        {Export::ExportKind::Households, out, QStringLiteral("교육용"), false});
    REQUIRE(r);
    auto real = Test::openStore(Test::realStoreCopy(dir));
    Test::addDemoWorkerAccounts(*real);
    REQUIRE_OK(real->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    auto report = Import::ImportService(*real).households(out);
    REQUIRE(report);
    INFO((report->errors.isEmpty() ? QString() : report->errors.first().toString()).toStdString());
    REQUIRE(report->ok());
    CHECK(report->imported == r->rows);
    // The pseudonyms become the new households' ids, at the file's positions, with no names.
    const CsvTable t = readTable(out);
    for (const CsvRecord &row : t.rows) {
        auto q = real->db().execute(
            QStringLiteral("SELECT lon, lat, head_name FROM households WHERE id = ?"),
            {row.fields.at(0)});
        REQUIRE(q);
        REQUIRE(q->next());
        CHECK(QString::number(q->value(0).toDouble(), 'f', 6)
              == row.fields.at(t.column({u"경도"})));
        CHECK(QString::number(q->value(1).toDouble(), 'f', 6)
              == row.fields.at(t.column({u"위도"})));
        CHECK(q->value(2).toString().isEmpty());
    }
}

TEST_CASE("Cells that a spreadsheet would run are written as text and numbers stay numbers",
          "[core][export][csv]")
{
    for (const char *formula :
         {"=1+1", "+1", "-1+2", "@SUM(A1)", "\t=cmd", "\r=cmd", "=HYPERLINK(\"x\")", "-", "--1"}) {
        const QString f = QString::fromUtf8(formula);
        INFO(formula);
        CHECK(CsvWriter::startsFormula(f));
        const QString cell = CsvWriter::escape(f);
        // Read back, the cell is the text with a leading apostrophe: no spreadsheet evaluates it.
        auto t = CsvReader::parse(QStringLiteral("a\r\n") + cell + QStringLiteral("\r\n"),
                                  QStringLiteral("t.csv"));
        REQUIRE(t);
        REQUIRE(t->rows.size() == 1);
        CHECK(t->rows.first().fields.first() == u'\'' + f);
    }
    for (const char *number :
         {"-12.5", "-3", "-0.5", "-.5", "-1e5", "127.0123456", "0", "010-1234-5678", "김=수"}) {
        INFO(number);
        CHECK_FALSE(CsvWriter::startsFormula(QString::fromUtf8(number)));
        CHECK(CsvWriter::escape(QString::fromUtf8(number)) == QString::fromUtf8(number));
    }
}

TEST_CASE("No cell of a households or visits export runs as a formula whether masked or not",
          "[core][export][csv]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    const QString id
        = ws->db()
              .scalar(QStringLiteral("SELECT id FROM households ORDER BY rowid LIMIT 1"))
              ->toString();
    const QString office
        = ws->db()
              .scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"), {id})
              ->toString();
    REQUIRE(ws->db().execute(
        QStringLiteral(
            "UPDATE households SET head_name = '=1+1', road_address = '+1', "
            "address_detail = '-1+2', housing = '@SUM(A1)', "
            "assigned_worker = char(9) || '=cmd', phone = char(13) || '=cmd' WHERE id = ?"),
        {id}));
    Visit v;
    v.householdId = id;
    v.officeCode = office;
    v.kind = VisitKind::Visit;
    v.outcome = VisitOutcome::Met;
    v.at = ws->clock().now();
    v.metWhom = QStringLiteral("=1+1");
    v.notes = QStringLiteral("-1+2");
    v.staffPresent = QStringLiteral("@SUM(A1)");
    REQUIRE_OK(Storage::VisitStore(ws->db()).add(v, ws->journal(), ws->visitCycle()));

    const QStringList expected{QStringLiteral("=1+1"),   QStringLiteral("+1"),
                               QStringLiteral("-1+2"),   QStringLiteral("@SUM(A1)"),
                               QStringLiteral("\t=cmd"), QStringLiteral("\r=cmd")};
    int neutralised = 0;
    for (const bool unmasked : {true, false}) {
        for (const auto kind : {Export::ExportKind::Households, Export::ExportKind::Visits}) {
            const QString out
                = dir.path(QStringLiteral("x%1%2.csv").arg(int(unmasked)).arg(int(kind)));
            REQUIRE(Export::ExportService(*ws).run({kind, out, QStringLiteral("점검"), unmasked}));
            const CsvTable t = readTable(out);
            for (const CsvRecord &row : t.rows) {
                for (const QString &cell : row.fields) {
                    INFO(cell.toStdString());
                    CHECK_FALSE(CsvWriter::startsFormula(cell));
                    if (cell.startsWith(u'\'') && expected.contains(cell.mid(1)))
                        ++neutralised;
                }
            }
        }
    }
    // Unmasked: six household cells and three visit cells; masked: the housing, worker and phone,
    // and the visit's staff (names, addresses and free text are not in a masked file).
    CHECK(neutralised == 6 + 3 + 3 + 1);
}
