// SPDX-License-Identifier: GPL-3.0-or-later
#include "demogenerator.h"
#include "security/auditdetail.h"

#include "geo/donglocator.h"
#include "geo/geojson.h"
#include "geo/geomath.h"
#include "householdsynth.h"
#include "import/facilityimporter.h"
#include "roadnames.h"
#include "security/crypto.h"
#include "security/keyring.h"
#include "settlement.h"
#include "storage/accountstore.h"
#include "storage/auditlog.h"
#include "storage/bulkload.h"
#include "storage/crisisstore.h"
#include "storage/database.h"
#include "storage/facilitystore.h"
#include "storage/journal.h"
#include "storage/keystore.h"
#include "storage/metastore.h"
#include "storage/officestore.h"
#include "storage/searchkeys.h"
#include "storage/sqlitebulkwriter.h"
#include "storage/storelock.h"
#include "storage/stores.h"
#include "util/clock.h"
#include "util/csv.h"
#include "util/random.h"
#include "util/uuid.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QThread>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <array>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace VisitMap::Demo {

std::optional<Area> areaFromCode(QStringView code)
{
    if (code == u"seodaemun")
        return Area::Seodaemun;
    if (code == u"anyang")
        return Area::Anyang;
    if (code == u"seoul")
        return Area::Seoul;
    return std::nullopt;
}

QString toCode(Area area)
{
    switch (area) {
    case Area::Seodaemun:
        return QStringLiteral("seodaemun");
    case Area::Anyang:
        return QStringLiteral("anyang");
    case Area::Seoul:
        return QStringLiteral("seoul");
    }
    return {};
}

QString boundaryResource(Area area)
{
    return QStringLiteral(":/data/admdong/%1_admdong_ver20210401.geojson").arg(toCode(area));
}

QList<DemoAccount> DemoGenerator::accounts()
{
    // Synthetic people's names, so the demo shows staff the way a real office's lists do.
    return {
        {QStringLiteral("demo-admin"), QStringLiteral("visitmap-admin-demo"), Role::Admin,
         QStringLiteral("윤재석")},
        {QStringLiteral("demo-lead"), QStringLiteral("visitmap-lead-demo"), Role::TeamLead,
         QStringLiteral("박지현")},
        {QStringLiteral("demo-caseworker"), QStringLiteral("visitmap-case-demo"), Role::Caseworker,
         QStringLiteral("김민서")},
        {QStringLiteral("demo-nurse"), QStringLiteral("visitmap-nurse-demo"), Role::Nurse,
         QStringLiteral("이수진")},
        {QStringLiteral("demo-worker2"), QStringLiteral("visitmap-worker2-demo"), Role::Caseworker,
         QStringLiteral("최영호")},
        {QStringLiteral("demo-worker3"), QStringLiteral("visitmap-worker3-demo"), Role::Caseworker,
         QStringLiteral("정하늘")},
    };
}

namespace {

QString addressPrefix(const Office &o)
{
    // "경기도 안양시만안구 안양1동" -> "경기도 안양시 만안구"; "서울특별시 서대문구 천연동" -> "서울특별시 서대문구"
    QString prefix = o.fullName.left(o.fullName.size() - o.name.size()).trimmed();
    static const QRegularExpression glued(QStringLiteral("(\\S+시)(\\S+구)"));
    prefix.replace(glued, QStringLiteral("\\1 \\2"));
    return prefix;
}

using Storage::BulkRows;

// Appends one row's values to a table, converting from Qt types to UTF-8 in place.
class Row
{
public:
    explicit Row(BulkRows &rows) : m_rows(rows) {}
    Row &text(const QString &s)
    {
        const QByteArray u = s.toUtf8();
        m_rows.addText(std::string_view(u.constData(), std::size_t(u.size())));
        return *this;
    }
    Row &textOrNull(const QString &s) { return s.isEmpty() ? null() : text(s); }
    Row &integer(qint64 i)
    {
        m_rows.addInt(i);
        return *this;
    }
    Row &real(double d)
    {
        m_rows.addReal(d);
        return *this;
    }
    Row &blob(const QByteArray &b)
    {
        m_rows.addBlob(std::string_view(b.constData(), std::size_t(b.size())));
        return *this;
    }
    Row &null()
    {
        m_rows.addNull();
        return *this;
    }
    Row &date(const QDate &d) { return d.isValid() ? text(Iso::date(d)) : null(); }
    Row &time(const QDateTime &t) { return t.isValid() ? text(Iso::utc(t)) : null(); }

private:
    BulkRows &m_rows;
};

// The tables the bulk load fills, with their columns in the order rows are built.
struct TableSpec
{
    const char *table;
    std::vector<std::string> columns;
};
const std::vector<TableSpec> &tableSpecs()
{
    static const std::vector<TableSpec> specs{
        {"households", {"rowid", "id", "office_code", "road_address", "address_detail", "tong", "ban", "lon",
                        "lat", "household_type", "housing", "phone", "head_name", "member_count",
                        "assigned_worker", "risk_score", "risk_tier", "last_visit_at",
                        "next_visit_due", "flagged_new_at", "source", "created_at", "updated_at",
                        "created_by", "search_keys"}},
        {"persons", {"id", "household_id", "office_code", "name", "birth_date", "sex", "rrn_cipher",
                     "relationship", "is_head", "disability", "nationality", "health_cipher",
                     "created_at", "updated_at", "created_by"}},
        {"crisis_signals", {"id", "office_code", "household_id", "round_id", "item_version",
                            "item_code", "amount", "months", "received_date", "urgency",
                            "response_due", "created_at", "created_by"}},
        {"visits", {"id", "household_id", "office_code", "kind", "at", "staff_present", "met_whom",
                    "outcome", "notes", "created_at", "created_by"}},
        {"cases", {"id", "household_id", "office_code", "case_type", "stage", "stage_since",
                   "discovered_at", "intake_at", "assessed_at", "planned_at", "worker",
                   "created_at", "updated_at", "created_by"}},
        {"case_stage_changes", {"id", "case_id", "office_code", "from_stage", "to_stage", "at",
                                "created_at", "created_by"}},
        {"household_fts", {"rowid", "search_keys"}},
    };
    return specs;
}

// One chunk of generated households, converted to rows on the generating thread.
struct Chunk
{
    std::array<BulkRows, 7> tables;
    int households = 0, persons = 0, signals = 0, visits = 0, cases = 0;
    int high = 0, medium = 0, low = 0, overdue = 0, fresh = 0;

    Chunk()
    {
        for (std::size_t i = 0; i < tables.size(); ++i)
            tables[i] = BulkRows(int(tableSpecs()[i].columns.size()));
    }
};

void appendHousehold(Chunk &chunk, const SynthHousehold &s, qint64 rowId,
                     const Security::SecretBytes &key, Random &random, const QString &createdAt,
                     const QDate &today)
{
    const Household &h = s.household;
    const QString demo = QStringLiteral("demo");
    const QString searchKeys = Storage::SearchKeys::forHousehold(h);
    Row(chunk.tables[6]).integer(rowId).text(searchKeys);
    Row(chunk.tables[0])
        .integer(rowId).text(h.id).text(h.officeCode).text(h.roadAddress).text(h.addressDetail).integer(h.tong)
        .integer(h.ban).real(h.lon).real(h.lat).text(h.householdType).text(h.housing).text(h.phone)
        .text(h.headName).integer(h.memberCount).textOrNull(h.assignedWorker).real(h.riskScore)
        .text(toCode(h.computedTier)).time(h.lastVisitAt).date(h.nextVisitDue)
        .time(h.flaggedNewAt).text(h.source).time(h.createdAt).time(h.updatedAt).text(h.createdBy)
        .text(searchKeys);
    const QString created = Iso::utc(h.createdAt);
    for (const Person &p : s.members) {
        Row row(chunk.tables[1]);
        row.text(p.id).text(h.id).text(h.officeCode).text(p.name).date(p.birthDate)
            .textOrNull(p.sex)
            .blob(Security::FieldCipher::encrypt(key, p.rrn.toUtf8(),
                                                 Security::Keyring::aad("persons", "rrn", p.id).toUtf8()))
            .text(p.relationship).integer(p.isHead ? 1 : 0).text(p.disability).text(p.nationality);
        if (p.healthNotes.isEmpty())
            row.null();
        else
            row.blob(Security::FieldCipher::encrypt(
                key, p.healthNotes.toUtf8(), Security::Keyring::aad("persons", "health", p.id).toUtf8()));
        row.text(created).text(created).text(demo);
    }
    for (const CrisisSignal &sig : s.signals) {
        Row row(chunk.tables[2]);
        row.text(sig.id).text(h.officeCode).text(h.id).text(sig.roundId).text(sig.itemVersion)
            .text(sig.itemCode);
        sig.amount ? row.integer(*sig.amount) : row.null();
        sig.months ? row.integer(*sig.months) : row.null();
        row.date(sig.receivedDate);
        sig.urgency ? row.text(toCode(*sig.urgency)) : row.null();
        row.date(sig.responseDue).text(createdAt).text(demo);
    }
    for (const Visit &v : s.visits) {
        Row(chunk.tables[3])
            .text(v.id).text(h.id).text(h.officeCode).text(toCode(v.kind)).time(v.at)
            .text(v.staffPresent).text(v.metWhom).text(toCode(v.outcome)).text(v.notes)
            .time(v.createdAt).text(v.createdBy);
    }
    if (s.kase) {
        const SynthCase &c = *s.kase;
        Row(chunk.tables[4])
            .text(c.id).text(h.id).text(h.officeCode).text(toCode(c.caseType)).text(toCode(c.stage))
            .date(c.stageSince).date(c.discovered).date(c.intake).date(c.assessed).date(c.planned)
            .textOrNull(h.assignedWorker).text(createdAt).text(createdAt).text(demo);
        for (const SynthStageChange &ch : c.history) {
            const QString id = Uuid::v7(QDateTime(ch.at, QTime(9, 0), Clock::seoul()).toMSecsSinceEpoch(),
                                        random);
            Row(chunk.tables[5])
                .text(id).text(c.id).text(h.officeCode).text(toCode(ch.from)).text(toCode(ch.to))
                .date(ch.at).text(createdAt).textOrNull(h.assignedWorker);
        }
    }
    ++chunk.households;
    chunk.persons += int(s.members.size());
    chunk.signals += int(s.signals.size());
    chunk.visits += int(s.visits.size());
    chunk.cases += s.kase ? 1 : 0;
    const RiskTier t = h.tier();
    ++(t == RiskTier::High ? chunk.high : t == RiskTier::Medium ? chunk.medium : chunk.low);
    chunk.overdue += h.isOverdue(today) ? 1 : 0;
    chunk.fresh += h.isNew() ? 1 : 0;
}

// The real welfare facilities of the area, from the bundled lists.
Result<QList<Facility>> areaFacilities(Area area, const Geo::DongLocator &locator,
                                       const QSet<QString> &sggCodes)
{
    QList<Facility> out;
    QStringList files{QStringLiteral(":/data/welfare/mohw_disabled_welfare_centers_20191231.csv")};
    if (area == Area::Seodaemun)
        files << QStringLiteral(":/data/welfare/seodaemun_social_welfare_facilities.csv");
    else if (area == Area::Seoul)
        files << QStringLiteral(":/data/welfare/seoul_social_welfare_facilities.csv");
    for (const QString &file : files) {
        auto table = CsvReader::readFile(file);
        if (!table)
            return fail(table.error());
        auto parsed = Import::FacilityImporter::parse(*table, file, locator);
        if (!parsed.report.ok())
            return fail(ErrorCode::Internal, parsed.report.errors.first().toString());
        for (Facility &f : parsed.facilities) {
            const bool inside = f.isPlaced() ? !f.officeCode.isEmpty() : sggCodes.contains(f.sggCode);
            if (inside)
                out.append(f);
        }
    }
    return out;
}

} // namespace

namespace {

struct ChunkSpec
{
    int dong = 0;
    int index = 0; // chunk number within the dong
    int count = 0;
    std::int64_t serialStart = 0;
};

} // namespace

QList<int> householdsPerDong(const QList<Office> &offices, int total, quint64 seed)
{
    Random random(Random::derive(seed, 0xD0D0));
    QList<double> weights;
    double sum = 0;
    for (const Office &o : offices) {
        const double w = std::sqrt(std::max(1.0, Geo::areaM2(o.boundary))) * random.uniform(0.7, 1.3);
        weights << w;
        sum += w;
    }
    QList<int> counts;
    int assigned = 0;
    for (double w : weights) {
        counts << int(std::floor(total * w / sum));
        assigned += counts.last();
    }
    for (int i = 0; assigned < total; i = (i + 1) % int(counts.size()), ++assigned)
        ++counts[i];
    return counts;
}


Result<DemoSummary> DemoGenerator::generate(const QString &path, const DemoOptions &opt)
{
    QElapsedTimer timer;
    timer.start();
    if (opt.households < 1 || opt.households > maxHouseholds)
        return fail(ErrorCode::Usage, QStringLiteral("--households must be 1 to %L1").arg(maxHouseholds));
    if (QFileInfo::exists(path) && !opt.force)
        return failAt(ErrorCode::AlreadyExists, path, 0,
                      QStringLiteral("the file exists; use --force to replace it"));
    // The store being replaced is owned for the whole generation: a program that has it open
    // keeps it (this waits or is refused, naming that program) and none opens it half-replaced.
    auto owned = Storage::StoreLock::acquire(path);
    if (!owned)
        return fail(owned.error());
    const QDate today = opt.today.isValid() ? opt.today : Clock::system().today();
    FixedClock clock(QDateTime(today, QTime(9, 0), Clock::seoul()));
    const QString part = path + QStringLiteral(".part");
    const QStringList sidecars{QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                               QStringLiteral("-journal")};
    for (const QString &suffix : sidecars)
        QFile::remove(part + suffix);

    DemoSummary summary;
    QList<Office> offices;
    QSet<QString> sggCodes;
    Security::Keyring keyring;
    SynthContext base;

    // Phase 1, through Qt Sql: schema, the area's real 행정동, accounts and office keys.
    {
        auto opened = Workspace::open(part, Workspace::OpenMode::CreateOrMigrate, &clock);
        if (!opened)
            return fail(opened.error());
        Workspace &ws = **opened;
        Storage::Database &db = ws.db();
        ws.journal().setActor({QStringLiteral("demo"), Security::AuditLog::machineAddress()});
        QFile geo(boundaryResource(opt.area));
        if (!geo.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Internal, QStringLiteral("the bundled boundaries are missing"));
        auto features = Geo::parseBoundaries(geo.readAll(), geo.fileName());
        if (!features)
            return fail(features.error());
        for (const Geo::BoundaryFeature &f : *features) {
            auto o = Geo::officeFromFeature(f);
            if (!o)
                return fail(o.error());
            offices.append(*o);
            sggCodes.insert(o->sggCode);
        }
        std::sort(offices.begin(), offices.end(),
                  [](const Office &a, const Office &b) { return a.code < b.code; });
        if (auto ok = ws.stores().offices().upsert(offices, ws.journal()); !ok)
            return fail(ok.error());
        summary.offices = int(offices.size());

        Storage::MetaStore &meta = ws.stores().meta();
        for (const auto &[k, v] : std::initializer_list<std::pair<QString, QString>>{
                 {QStringLiteral("synthetic"), QStringLiteral("1")},
                 {QStringLiteral("demo_area"), toCode(opt.area)},
                 {QStringLiteral("demo_seed"), QString::number(opt.seed)},
                 {QStringLiteral("demo_today"), Iso::date(today)},
                 {QStringLiteral("demo_households"), QString::number(opt.households)}}) {
            if (auto ok = meta.set(k, v); !ok)
                return fail(ok.error());
        }

        // The admin holds no office key; everyone else gets every office's key.
        QList<Security::Account> holders;
        QStringList sggGrants(sggCodes.begin(), sggCodes.end());
        sggGrants.sort();
        QStringList dongGrants;
        for (const Office &o : offices)
            dongGrants << o.code;
        for (const DemoAccount &a : accounts()) {
            const QStringList grants = a.role == Role::Admin      ? QStringList()
                                       : a.role == Role::TeamLead ? sggGrants
                                                                  : dongGrants;
            auto created = ws.accounts().create({a.name, a.displayName, a.role, grants, a.password},
                                                QStringLiteral("demo"));
            if (!created)
                return fail(created.error());
            if (auto ok = meta.set(QStringLiteral("demo_password:") + a.name, a.password); !ok)
                return fail(ok.error());
            if (Security::holdsOfficeKeys(a.role))
                holders.append(*created);
            summary.accounts.append(a);
        }
        Security::KeyStore keyStore(db, clock);
        auto ok = db.transaction([&]() -> Status {
            for (const Office &o : offices) {
                Security::SecretBytes key = Security::DataKey::create();
                for (const Security::Account &h : holders) {
                    if (auto r = keyStore.storeSealed(o.code, Security::DataKey::check(key), h,
                                                      Security::DataKey::seal(key, h.keys.publicKey),
                                                      QStringLiteral("demo"));
                        !r)
                        return r;
                }
                keyring.add(o.code, std::move(key));
            }
            return {};
        });
        if (!ok)
            return fail(ok.error());

        Storage::CrisisStore &crisis = ws.stores().crises();
        auto version = crisis.currentVersion();
        if (!version)
            return fail(version.error());
        auto items = crisis.items(*version);
        if (!items)
            return fail(items.error());
        base.today = today;
        base.itemVersion = *version;
        base.items = *items;
        base.cycle = ws.visitCycle();
        base.workers = {QStringLiteral("demo-caseworker"), QStringLiteral("demo-worker2"),
                        QStringLiteral("demo-worker3")};
        base.nurse = QStringLiteral("demo-nurse");
    }

    // Phase 2, SQLite's own API on the new file (no other connection is open): households and
    // everything under them. Worker threads make chunks, each from its own random stream keyed by
    // (dong, chunk), and the writer takes them in order, so the store is the same for a seed
    // however many cores did the work.
    const QList<int> perDong = householdsPerDong(offices, opt.households, opt.seed);
    const auto roads = RoadNames::load();
    std::vector<SynthContext> contexts;
    std::vector<std::unique_ptr<Settlement>> settlements;
    std::vector<ChunkSpec> specs;
    constexpr int chunkSize = 2000;
    std::int64_t serial = 0;
    for (int i = 0; i < offices.size(); ++i) {
        SynthContext ctx = base;
        ctx.roads = RoadNames::forSgg(roads, offices[i].sggCode);
        ctx.addressPrefix = addressPrefix(offices[i]);
        contexts.push_back(ctx);
        Random settlementRandom(Random::derive(opt.seed, 0x5E77'0000ull + quint64(i)));
        settlements.push_back(std::make_unique<Settlement>(offices[i], settlementRandom));
        for (int done = 0, k = 0; done < perDong[i]; done += chunkSize, ++k) {
            const int n = std::min(chunkSize, perDong[i] - done);
            specs.push_back({i, k, n, serial});
            serial += n;
        }
    }
    const std::int64_t baseMs = QDateTime(today.addYears(-5), QTime(0, 0), Clock::seoul()).toMSecsSinceEpoch();
    const QString createdAt = Iso::utc(clock.now());

    // The search index is built on the side, in a copy of the empty store, by a third thread
    // that takes each chunk's search keys while the writer loads the rows; its FTS5 tables then
    // replace the store's empty ones. Rowids are given explicitly so both files agree.
    const QString ftsSide = part + QStringLiteral(".fts");
    QFile::remove(ftsSide);
    if (!QFile::copy(part, ftsSide))
        return failAt(ErrorCode::Io, ftsSide, 0, QStringLiteral("cannot create a working file"));

    constexpr int consumers = 2; // the writer, the search-index builder
    std::vector<std::shared_ptr<const Chunk>> ready(specs.size());
    std::vector<int> takers(specs.size(), 0);
    std::array<std::size_t, consumers> consumed{0, 0};
    std::mutex mutex;
    std::condition_variable changed;
    std::atomic<std::size_t> nextSpec{0};
    bool stop = false;
    const std::size_t maxAhead = 8;
    auto generate = [&] {
        for (;;) {
            const std::size_t i = nextSpec.fetch_add(1);
            if (i >= specs.size())
                return;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stop || i < std::min(consumed[0], consumed[1]) + maxAhead; });
                if (stop)
                    return;
            }
            const ChunkSpec &spec = specs[i];
            const Office &office = offices[spec.dong];
            Random random(Random::derive(Random::derive(opt.seed, quint64(spec.dong) + 1), quint64(spec.index)));
            HouseholdSynth synth(contexts[std::size_t(spec.dong)]);
            auto chunk = std::make_shared<Chunk>();
            const Security::SecretBytes &key = *keyring.key(office.code);
            for (int k = 0; k < spec.count; ++k) {
                int tong = 1;
                const QPointF pos = settlements[std::size_t(spec.dong)]->sample(random, &tong);
                const SynthHousehold s = synth.make(random, office, pos, tong, baseMs + spec.serialStart + k);
                appendHousehold(*chunk, s, spec.serialStart + k + 1, key, random, createdAt, today);
            }
            std::lock_guard lock(mutex);
            ready[i] = std::move(chunk);
            changed.notify_all();
        }
    };
    // Takes chunk i for consumer c; the chunk is freed once both have it. Null when stopped.
    auto take = [&](int c, std::size_t i) -> std::shared_ptr<const Chunk> {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || ready[i] != nullptr; });
        if (stop)
            return nullptr;
        std::shared_ptr<const Chunk> chunk = ready[i];
        if (++takers[i] == consumers)
            ready[i].reset();
        consumed[std::size_t(c)] = i + 1;
        lock.unlock();
        changed.notify_all();
        return chunk;
    };
    auto halt = [&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        changed.notify_all();
    };

    // The side writer: households, their indexes and the search index, in the side file.
    Status indexed;
    std::thread indexer([&] {
        indexed = [&]() -> Status {
            auto writer = Storage::SqliteBulkWriter::open(ftsSide.toStdString());
            if (!writer)
                return fail(writer.error());
            std::vector<int> handles;
            for (std::size_t t : {std::size_t(0), std::size_t(6)}) {
                auto h = (*writer)->prepare(tableSpecs()[t].table, tableSpecs()[t].columns);
                if (!h)
                    return fail(h.error());
                handles.push_back(*h);
            }
            if (auto ok = (*writer)->begin(); !ok)
                return ok;
            if (auto ok = (*writer)->suspendTriggers({"households"}); !ok)
                return ok;
            if (auto ok = (*writer)->suspendIndexes({"households_list_order", "households_office"}); !ok)
                return ok;
            if (auto ok = Storage::BulkLoad::beginSearchIndexLoad(**writer); !ok)
                return ok;
            for (std::size_t i = 0; i < specs.size(); ++i) {
                const auto chunk = take(1, i);
                if (!chunk)
                    return fail(ErrorCode::Cancelled, QStringLiteral("cancelled"));
                if (auto ok = (*writer)->insert(handles[0], chunk->tables[0]); !ok)
                    return ok;
                if (auto ok = (*writer)->insert(handles[1], chunk->tables[6]); !ok)
                    return ok;
            }
            if (auto ok = (*writer)->restoreIndexes(); !ok)
                return ok;
            if (auto ok = Storage::BulkLoad::finishSearchIndexLoad(**writer); !ok)
                return ok;
            if (auto ok = (*writer)->restoreTriggers(); !ok)
                return ok;
            return (*writer)->commit();
        }();
        if (!indexed)
            halt();
    });
    std::vector<std::thread> threads;
    for (int t = 0; t < std::max(1, QThread::idealThreadCount()); ++t)
        threads.emplace_back(generate);

    Status loaded = [&]() -> Status {
        auto writer = Storage::SqliteBulkWriter::open(part.toStdString());
        if (!writer)
            return fail(writer.error());
        std::vector<int> handles;
        for (std::size_t t = 1; t < 6; ++t) {
            auto h = (*writer)->prepare(tableSpecs()[t].table, tableSpecs()[t].columns);
            if (!h)
                return fail(h.error());
            handles.push_back(*h);
        }
        if (auto ok = (*writer)->begin(); !ok)
            return ok;
        if (auto ok = (*writer)->suspendIndexes(
                {"persons_household", "persons_name", "crisis_signals_household", "crisis_signals_unmatched",
                 "crisis_signals_person", "visits_household", "visits_at", "cases_household",
                 "cases_stage", "case_stage_changes_case"});
            !ok)
            return ok;
        int done = 0;
        for (std::size_t i = 0; i < specs.size(); ++i) {
            const auto chunk = take(0, i);
            if (!chunk)
                return fail(ErrorCode::Cancelled, QStringLiteral("stopped"));
            for (std::size_t t = 0; t < handles.size(); ++t) {
                if (auto ok = (*writer)->insert(handles[t], chunk->tables[t + 1]); !ok)
                    return ok;
            }
            summary.households += chunk->households;
            summary.persons += chunk->persons;
            summary.signals += chunk->signals;
            summary.visits += chunk->visits;
            summary.cases += chunk->cases;
            summary.high += chunk->high;
            summary.medium += chunk->medium;
            summary.low += chunk->low;
            summary.overdue += chunk->overdue;
            summary.fresh += chunk->fresh;
            done += chunk->households;
            if (opt.progress && !opt.progress(done, opt.households))
                return fail(ErrorCode::Cancelled, QStringLiteral("cancelled"));
        }
        if (auto ok = (*writer)->restoreIndexes(); !ok)
            return ok;
        return (*writer)->commit();
    }();
    if (!loaded)
        halt();
    indexer.join();
    halt();
    for (std::thread &t : threads)
        t.join();
    if (loaded && !indexed)
        loaded = indexed;
    if (loaded)
        loaded = Storage::BulkLoad::moveHouseholds(part, ftsSide);
    QFile::remove(ftsSide);
    if (!loaded) {
        for (const QString &suffix : sidecars)
            QFile::remove(part + suffix);
        return fail(loaded.error());
    }

    // Phase 3, through Qt Sql again: the real welfare facilities, the access-log entry, and the
    // store switched to its everyday settings (WAL, full sync).
    {
        auto opened = Workspace::open(part, Workspace::OpenMode::ExistingOnly, &clock);
        if (!opened)
            return fail(opened.error());
        Workspace &ws = **opened;
        Storage::Database &db = ws.db();
        ws.journal().setActor({QStringLiteral("demo"), Security::AuditLog::machineAddress()});
        Geo::DongLocator locator(offices);
        auto facilities = areaFacilities(opt.area, locator, sggCodes);
        if (!facilities)
            return fail(facilities.error());
        auto added = ws.stores().facilities().add(*facilities, ws.journal());
        if (!added)
            return fail(added.error());
        summary.facilities = *added;
        for (const Facility &f : *facilities)
            summary.facilitiesPlaced += f.isPlaced() ? 1 : 0;
        if (auto ok
            = ws.journal().audit({Security::AuditAction::Create,
                                  QStringLiteral("demo"),
                                  QString::number(summary.households),
                                  {},
                                  Security::AuditDetail(Security::AuditDetailCode::DemoGenerated)
                                      .with(u"area", toCode(opt.area))
                                      .with(u"seed", qint64(opt.seed))
                                      .encode(),
                                  {}});
            !ok)
            return fail(ok.error());
        if (auto ok = Storage::BulkLoad::settle(db); !ok)
            return fail(ok.error());
    }
    for (const QString &suffix : sidecars)
        QFile::remove(path + suffix);
    QFile::remove(part + QStringLiteral("-wal"));
    QFile::remove(part + QStringLiteral("-shm"));
    if (!QFile::rename(part, path))
        return failAt(ErrorCode::Io, path, 0, QStringLiteral("cannot move the new store into place"));
    summary.elapsedMs = timer.elapsed();
    return summary;
}

} // namespace VisitMap::Demo
