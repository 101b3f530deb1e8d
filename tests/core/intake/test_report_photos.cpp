// SPDX-License-Identifier: GPL-3.0-or-later
#include "intake/reportintake.h"
#include "intake/reportparser.h"
#include "security/crypto.h"
#include "security/session.h"
#include "storage/attachmentstore.h"
#include "storage/database.h"
#include "storage/migrator.h"
#include "support/testsupport.h"
#include "util/photofile.h"
#include "workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace VisitMap;

namespace {

QJsonObject reportWithPhoto(const QJsonObject &photo)
{
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("PHOTO-1")},
        {QStringLiteral("received_at"), QStringLiteral("2026-11-20T09:15:00+09:00")},
        {QStringLiteral("channel"), QStringLiteral("app")},
        {QStringLiteral("reporter_type"), QStringLiteral("neighbour")},
        {QStringLiteral("categories"), QJsonArray{QStringLiteral("isolation")}},
        {QStringLiteral("address_text"), QStringLiteral("서울특별시 서대문구 충정로 5")},
        {QStringLiteral("location"),
         QJsonObject{{QStringLiteral("lon"), 126.9578}, {QStringLiteral("lat"), 37.5698}}},
        {QStringLiteral("photos"), QJsonArray{photo}}};
}

QJsonObject byPath(const QString &path)
{
    return QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("consent"), true}};
}

// A demo store signed in as its team lead, and a folder the report file is written into.
struct Fixture
{
    Test::TempDir dir;
    std::unique_ptr<Workspace> ws = Test::openStore(Test::demoStoreCopy(dir));
    QString folder = dir.path(QStringLiteral("reports"));
    QString reportFile = folder + QStringLiteral("/reports.json");

    Fixture()
    {
        REQUIRE(QDir().mkpath(folder));
        REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    }
    // Writes the report file with these reports and imports it.
    Import::ImportReport import(const QList<QJsonObject> &reports)
    {
        QJsonArray a;
        for (const QJsonObject &o : reports)
            a.append(o);
        Test::writeFile(reportFile, QJsonDocument(a).toJson(QJsonDocument::Indented));
        auto r = Intake::ReportIntake(*ws).importReports(reportFile);
        REQUIRE(r);
        return *r;
    }
    qint64 reports()
    {
        return Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM crisis_reports"));
    }
    qint64 attachments()
    {
        return Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM attachments"));
    }
};

} // namespace

TEST_CASE("A report photo path outside the report's folder, or not a regular image file, is "
          "refused with file, line and reason",
          "[intake][photos][security]")
{
    Fixture f;
    const QByteArray jpeg = Test::readAll(Test::dataPath(QStringLiteral("report_photo.jpg")));
    REQUIRE(jpeg.startsWith("\xFF\xD8\xFF"));
    // A real image one folder up, so only the rule (not a missing file) can refuse it.
    Test::writeFile(f.dir.path(QStringLiteral("outside.jpg")), jpeg);

    struct Case
    {
        const char *name;
        QString path;
        QString why;
    };
    QList<Case> cases{
        {"the process environment", QStringLiteral("/proc/self/environ"),
         QStringLiteral("absolute path")},
        {"the password file", QStringLiteral("/etc/passwd"), QStringLiteral("absolute path")},
        {"the shadow file", QStringLiteral("/etc/shadow"), QStringLiteral("absolute path")},
        {"a device", QStringLiteral("/dev/zero"), QStringLiteral("absolute path")},
        {"a path up and out", QStringLiteral("../outside.jpg"),
         QStringLiteral("leaves the report file's folder")},
        {"a path far up", QStringLiteral("../../../../etc/passwd"),
         QStringLiteral("leaves the report file's folder")},
        {"a link out of the folder", QStringLiteral("passwd.jpg"), QStringLiteral("leads outside")},
        {"a link to a device", QStringLiteral("zero.jpg"), QStringLiteral("leads outside")},
        {"a named pipe", QStringLiteral("pipe.jpg"), QStringLiteral("not a regular file")},
        {"a folder", QStringLiteral("sub"), QStringLiteral("not a regular file")},
        {"a file over 20 MB", QStringLiteral("huge.jpg"), QStringLiteral("20.0 MB")},
        {"a text file named .jpg", QStringLiteral("note.jpg"),
         QStringLiteral("not a JPEG, PNG, HEIC or WebP")},
        {"a missing file", QStringLiteral("gone.jpg"), QStringLiteral("does not exist")},
    };
    REQUIRE(QFile::link(QStringLiteral("/etc/passwd"), f.folder + QStringLiteral("/passwd.jpg")));
    REQUIRE(QFile::link(QStringLiteral("/dev/zero"), f.folder + QStringLiteral("/zero.jpg")));
    REQUIRE(::mkfifo(QFile::encodeName(f.folder + QStringLiteral("/pipe.jpg")).constData(), 0600)
            == 0);
    REQUIRE(QDir(f.folder).mkdir(QStringLiteral("sub")));
    {
        // Sparse: 21 MB on paper, a JPEG by its first bytes; refused by its size before reading.
        QFile huge(f.folder + QStringLiteral("/huge.jpg"));
        REQUIRE(huge.open(QIODevice::WriteOnly));
        huge.write(jpeg.left(16));
        REQUIRE(huge.resize(21ll * 1024 * 1024));
    }
    Test::writeFile(f.folder + QStringLiteral("/note.jpg"),
                    QByteArray("PATH=/usr/bin\nPGPASSWORD=secret\n"));

    const int line = 2; // the report's object starts on line 2 of the indented file
    for (const Case &c : cases) {
        DYNAMIC_SECTION(c.name)
        {
            QElapsedTimer timer;
            timer.start();
            const Import::ImportReport r = f.import({reportWithPhoto(byPath(c.path))});
            CHECK(timer.elapsed() < 5000); // no hang on a pipe, no endless read of a device
            REQUIRE_FALSE(r.ok());
            REQUIRE(r.errors.size() == 1);
            const Import::RowError &e = r.errors.first();
            INFO(e.toString().toStdString());
            CHECK(e.file == f.reportFile);
            CHECK(e.line == line);
            CHECK(e.field == QStringLiteral("photos[1]"));
            CHECK(e.reason.contains(c.why));
            CHECK(e.toString().startsWith(f.reportFile + QStringLiteral(":2: photos[1]: ")));
            CHECK(r.imported == 0);
            CHECK(f.reports() == 0);
            CHECK(f.attachments() == 0);
        }
    }
}

TEST_CASE("A report photo given as data must be an image by its bytes",
          "[intake][photos][security]")
{
    Fixture f;
    const QJsonObject text{
        {QStringLiteral("data"),
         QString::fromLatin1(QByteArray("root:x:0:0:root:/root:/bin/bash\n").toBase64())},
        {QStringLiteral("file_name"), QStringLiteral("photo.jpg")},
        {QStringLiteral("consent"), true}};
    const Import::ImportReport r = f.import({reportWithPhoto(text)});
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors.first().line == 2);
    CHECK(r.errors.first().field == QStringLiteral("photos[1]"));
    CHECK(r.errors.first().reason.contains(QStringLiteral("not a JPEG, PNG, HEIC or WebP")));
    CHECK(f.reports() == 0);
    CHECK(f.attachments() == 0);
}

TEST_CASE("A real JPEG and PNG beside the report are kept encrypted with a keyed digest, not a "
          "plain SHA-256",
          "[intake][photos][security]")
{
    Fixture f;
    const QByteArray jpeg = Test::readAll(Test::dataPath(QStringLiteral("report_photo.jpg")));
    const QByteArray png = Test::readAll(Test::dataPath(QStringLiteral("report_photo.png")));
    REQUIRE(QDir(f.folder).mkdir(QStringLiteral("photos")));
    Test::writeFile(f.folder + QStringLiteral("/photos/door.jpg"), jpeg);
    Test::writeFile(f.folder + QStringLiteral("/mailbox.png"), png);
    QJsonObject report = reportWithPhoto(byPath(QStringLiteral("photos/door.jpg")));
    QJsonArray photos = report.value(QStringLiteral("photos")).toArray();
    photos.append(byPath(QStringLiteral("./mailbox.png")));
    report[QStringLiteral("photos")] = photos;

    const Import::ImportReport r = f.import({report});
    INFO((r.errors.isEmpty() ? QString() : r.errors.first().toString()).toStdString());
    REQUIRE(r.ok());
    CHECK(r.imported == 1);
    REQUIRE(f.attachments() == 2);

    auto q = f.ws->db().execute(QStringLiteral("SELECT id, file_name, mime, sha256, data_cipher, "
                                               "size FROM attachments ORDER BY file_name"));
    REQUIRE(q);
    QHash<QString, QByteArray> original{{QStringLiteral("door.jpg"), jpeg},
                                        {QStringLiteral("mailbox.png"), png}};
    QHash<QString, QString> mime{{QStringLiteral("door.jpg"), QStringLiteral("image/jpeg")},
                                 {QStringLiteral("mailbox.png"), QStringLiteral("image/png")}};
    int seen = 0;
    while (q->next()) {
        const QString id = q->value(0).toString(), name = q->value(1).toString();
        const QByteArray bytes = original.value(name);
        REQUIRE_FALSE(bytes.isEmpty());
        ++seen;
        CHECK(q->value(2).toString() == mime.value(name));
        CHECK(q->value(5).toLongLong() == bytes.size());
        const QString digest = q->value(3).toString();
        const QString plain = QString::fromLatin1(Security::sha256Hex(bytes));
        // Keyed: not the SHA-256 anyone can compute from a guessed photo.
        CHECK(digest.startsWith(QStringLiteral("b2k1:")));
        CHECK_FALSE(digest.contains(plain));
        CHECK(digest.size() == 5 + 64);
        // Encrypted as before: the stored blob does not hold the image's bytes.
        const QByteArray cipher = q->value(4).toByteArray();
        CHECK(cipher.size() > bytes.size());
        CHECK_FALSE(cipher.contains(bytes.mid(20, 64)));
        // And it opens to the very bytes, its keyed digest checked.
        auto opened = Storage::AttachmentStore(f.ws->db())
                          .read(id, f.ws->journal(), f.ws->session()->keyring);
        REQUIRE(opened);
        CHECK(*opened == bytes);
    }
    CHECK(seen == 2);
    CHECK_FALSE(Test::readAll(f.ws->path()).contains(jpeg.mid(20, 64)));
}

TEST_CASE("Migration 0012 removes the plain SHA-256 kept beside older attachments and in the "
          "outbox, and the photo still opens",
          "[intake][photos][security][migration]")
{
    Fixture f;
    Storage::Database &db = f.ws->db();
    const QByteArray jpeg = Test::readAll(Test::dataPath(QStringLiteral("report_photo.jpg")));
    const QString household
        = db.scalar(QStringLiteral("SELECT id FROM households ORDER BY id LIMIT 1"))->toString();
    auto added = Storage::AttachmentStore(db).add(household, QStringLiteral("door.jpg"), jpeg, true,
                                                  {}, f.ws->journal(), f.ws->session()->keyring);
    REQUIRE(added);
    CHECK(added->sha256.startsWith(QStringLiteral("b2k1:")));
    // Make it a row as written before keyed digests: the plain SHA-256 in the row and the outbox.
    const QString plain = QString::fromLatin1(Security::sha256Hex(jpeg));
    REQUIRE(db.execute(QStringLiteral("UPDATE attachments SET sha256 = ? WHERE id = ?"),
                       {plain, added->id}));
    REQUIRE(
        db.execute(QStringLiteral("UPDATE outbox SET payload = json_set(payload, '$.sha256', ?) "
                                  "WHERE entity = 'attachment' AND entity_id = ?"),
                   {plain, added->id}));
    const auto holdsPlain = [&] {
        return Test::count(*f.ws,
                           QStringLiteral("SELECT COUNT(*) FROM attachments WHERE sha256 = '%1'")
                               .arg(plain))
               + Test::count(*f.ws,
                             QStringLiteral("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%%1%'")
                                 .arg(plain));
    };
    REQUIRE(holdsPlain() == 2);
    REQUIRE(
        Storage::AttachmentStore(db).read(added->id, f.ws->journal(), f.ws->session()->keyring));

    // Migration 0012 applied again, alone, as it ran on a store of version 11 (the later ones
    // cannot run twice).
    const auto apply0012 = [&] {
        bool applied = false;
        for (const Storage::Migration &m : Storage::Migrator::bundled()) {
            if (m.number == 12) {
                REQUIRE_OK(Storage::Migrator(db).apply(m));
                applied = true;
            }
        }
        REQUIRE(applied);
    };
    apply0012();
    CHECK(holdsPlain() == 0);
    CHECK(db.scalar(QStringLiteral("SELECT sha256 FROM attachments WHERE id = ?"), {added->id})
              ->toString()
              .isEmpty());
    auto opened
        = Storage::AttachmentStore(db).read(added->id, f.ws->journal(), f.ws->session()->keyring);
    REQUIRE(opened);
    CHECK(*opened == jpeg);
    // A keyed digest written since is left as it is.
    auto later
        = Storage::AttachmentStore(db).add(household, QStringLiteral("later.jpg"), jpeg, true, {},
                                           f.ws->journal(), f.ws->session()->keyring);
    REQUIRE(later);
    apply0012();
    CHECK(db.scalar(QStringLiteral("SELECT sha256 FROM attachments WHERE id = ?"), {later->id})
              ->toString()
          == later->sha256);
}

TEST_CASE("HEIC and WebP photos are recognised by their bytes, whatever their names",
          "[intake][photos]")
{
    Fixture f;
    // The first bytes of a phone's HEIC (an ISO box "ftyp" with brand heic) and of a WebP.
    QByteArray heic("\x00\x00\x00\x18"
                    "ftypheic\x00\x00\x00\x00"
                    "mif1heic",
                    24);
    heic += QByteArray(200, '\x01');
    QByteArray webp("RIFF\xC8\x00\x00\x00"
                    "WEBPVP8 ",
                    16);
    webp += QByteArray(200, '\x02');
    CHECK(Intake::PhotoFile::imageMime(heic) == QStringLiteral("image/heic"));
    CHECK(Intake::PhotoFile::imageMime(webp) == QStringLiteral("image/webp"));
    CHECK(Intake::PhotoFile::imageMime(QByteArray("\x00\x00\x00\x18"
                                                  "ftypisom",
                                                  12))
              .isEmpty()); // an MP4
    CHECK(Intake::PhotoFile::imageMime(QByteArray("RIFF\xC8\x00\x00\x00"
                                                  "WAVEfmt ",
                                                  16))
              .isEmpty()); // a WAV
    Test::writeFile(f.folder + QStringLiteral("/IMG_0001.HEIC.txt"), heic);
    Test::writeFile(f.folder + QStringLiteral("/front"), webp);
    QJsonObject report = reportWithPhoto(byPath(QStringLiteral("IMG_0001.HEIC.txt")));
    QJsonArray photos = report.value(QStringLiteral("photos")).toArray();
    photos.append(byPath(QStringLiteral("front")));
    report[QStringLiteral("photos")] = photos;
    const Import::ImportReport r = f.import({report});
    INFO((r.errors.isEmpty() ? QString() : r.errors.first().toString()).toStdString());
    REQUIRE(r.ok());
    CHECK(Test::count(*f.ws,
                      QStringLiteral("SELECT COUNT(*) FROM attachments WHERE mime = 'image/heic'"))
          == 1);
    CHECK(Test::count(*f.ws,
                      QStringLiteral("SELECT COUNT(*) FROM attachments WHERE mime = 'image/webp'"))
          == 1);
}
