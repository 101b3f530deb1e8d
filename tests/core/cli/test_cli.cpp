// SPDX-License-Identifier: GPL-3.0-or-later
// The command-line contract (DESIGN §11): exit codes, one error line per problem, --help.
#include "support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

using namespace VisitMap;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args, const QProcessEnvironment &extra = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("VISITMAP_PASSWORD"));
    env.remove(QStringLiteral("VISITMAP_NEW_PASSWORD"));
    for (const QString &k : extra.keys())
        env.insert(k, extra.value(k));
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice()); // no terminal: no prompts
    p.start(QStringLiteral(VISITMAP_CLI_PATH), args);
    REQUIRE(p.waitForFinished(120000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QProcessEnvironment withPassword(const QString &password, const QString &newPassword = {})
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("VISITMAP_PASSWORD"), password);
    if (!newPassword.isEmpty())
        env.insert(QStringLiteral("VISITMAP_NEW_PASSWORD"), newPassword);
    return env;
}

} // namespace

TEST_CASE("Every subcommand answers --help and wrong usage exits 2", "[cli]")
{
    // The commands as the program lists them, so that a new one is covered too.
    const Run top = cli({QStringLiteral("--help")});
    REQUIRE(top.code == 0);
    QStringList commands;
    bool listing = false;
    for (const QString &line : top.out.split(u'\n')) {
        if (line.startsWith(QStringLiteral("Commands:")))
            listing = true;
        else if (listing && line.startsWith(QStringLiteral("  ")))
            commands << line.trimmed().section(u' ', 0, 0);
        else if (listing && !commands.isEmpty())
            break;
    }
    INFO(top.out.toStdString());
    CHECK(commands.size() == 15);
    for (const char *known :
         {"init", "demo", "import", "intake", "route", "server-init", "server-user", "sync",
          "export", "stats", "report", "user", "audit", "visit", "bench"})
        CHECK(commands.contains(QString::fromLatin1(known)));
    // Those that read or write a local store name it; the central-store ones name the server.
    const QStringList central{QStringLiteral("server-init"), QStringLiteral("server-user")};
    for (const QString &cmd : commands) {
        INFO(cmd.toStdString());
        const Run r = cli({cmd, QStringLiteral("--help")});
        CHECK(r.code == 0);
        CHECK(r.out.contains(QStringLiteral("Usage:")));
        CHECK(r.out.contains(cmd));
        if (central.contains(cmd))
            CHECK(r.out.contains(QStringLiteral("--server")));
    }
    for (const char *cmd : {"init", "demo", "import", "intake", "sync", "export", "stats", "report",
                            "audit", "visit"}) {
        INFO(cmd);
        CHECK(cli({QString::fromLatin1(cmd), QStringLiteral("--help")}).out.contains(QStringLiteral("--db")));
    }
    CHECK(cli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--help")}).code == 0);
    CHECK(cli({QStringLiteral("no-such-command")}).code == 2);
    CHECK(cli({QStringLiteral("export"), QStringLiteral("--db"), QStringLiteral("x"), QStringLiteral("--kind"), QStringLiteral("planets")}).code == 2);
    CHECK(cli({QStringLiteral("demo"), QStringLiteral("--db"), QStringLiteral("x"), QStringLiteral("--households"), QStringLiteral("-3")}).code == 2);
    CHECK(cli({QStringLiteral("stats"), QStringLiteral("--bogus")}).code == 2);
}

TEST_CASE("demo prints its accounts and a second run without --force is refused", "[cli]")
{
    Test::TempDir dir;
    const QString db = dir.path(QStringLiteral("d.visitmap"));
    const Run r = cli({QStringLiteral("demo"), QStringLiteral("--db"), db, QStringLiteral("--households"), QStringLiteral("200"),
                       QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--today"), QStringLiteral("2026-11-23")});
    REQUIRE(r.code == 0);
    for (const char *account : {"demo-admin", "demo-lead", "demo-caseworker"})
        CHECK(r.out.contains(QStringLiteral("account %1 password ").arg(QString::fromLatin1(account))));
    CHECK(r.out.contains(QStringLiteral("role team_lead")));
    const Run again = cli({QStringLiteral("demo"), QStringLiteral("--db"), db});
    CHECK(again.code == 1);
    CHECK(again.err.contains(QStringLiteral("--force")));
    const Run stats = cli({QStringLiteral("stats"), QStringLiteral("--db"), db, QStringLiteral("--json")});
    REQUIRE(stats.code == 0);
    CHECK(stats.out.contains(QStringLiteral("\"households\": 200")));

    // The supervision figures of a month: the team lead's cover every household stats counts,
    // with every week of the month; the caseworker's are their own.
    const Run lead
        = cli({QStringLiteral("report"), QStringLiteral("--db"), db, QStringLiteral("--month"),
               QStringLiteral("2026-11"), QStringLiteral("--user"), QStringLiteral("demo-lead"),
               QStringLiteral("--json")},
              withPassword(QStringLiteral("visitmap-lead-demo")));
    REQUIRE(lead.code == 0);
    const QJsonObject figures = QJsonDocument::fromJson(lead.out.toUtf8()).object();
    int households = 0;
    for (const QJsonValue &t : figures.value(QStringLiteral("tiers")).toArray())
        households += t.toObject().value(QStringLiteral("households")).toInt();
    CHECK(households == 200);
    CHECK(figures.value(QStringLiteral("from")).toString() == QStringLiteral("2026-11-01"));
    CHECK(figures.value(QStringLiteral("to")).toString() == QStringLiteral("2026-11-30"));
    CHECK(figures.value(QStringLiteral("contacts_by_week")).toArray().size() == 6); // 10-26 … 11-30
    CHECK(figures.value(QStringLiteral("worker")).toString().isEmpty());
    const Run own = cli({QStringLiteral("report"), QStringLiteral("--db"), db});
    REQUIRE(own.code == 0);
    const QJsonObject mine = QJsonDocument::fromJson(own.out.toUtf8()).object();
    CHECK(mine.value(QStringLiteral("worker")).toString() == QStringLiteral("demo-caseworker"));
    int theirs = 0;
    for (const QJsonValue &t : mine.value(QStringLiteral("tiers")).toArray())
        theirs += t.toObject().value(QStringLiteral("households")).toInt();
    CHECK(theirs > 0);
    CHECK(theirs < 200);
    const Run bad = cli({QStringLiteral("report"), QStringLiteral("--db"), db,
                         QStringLiteral("--month"), QStringLiteral("2026-13")});
    CHECK(bad.code == 2);
    CHECK(bad.err.contains(QStringLiteral("--month")));
}

TEST_CASE("A real store needs an account and its password, wrong ones say so", "[cli]")
{
    Test::TempDir dir;
    const QString db = Test::realStoreCopy(dir);
    const QString out = dir.path(QStringLiteral("o.csv"));
    const QStringList exportArgs{QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--kind"),
                                 QStringLiteral("households"), QStringLiteral("--out"), out,
                                 QStringLiteral("--reason"), QStringLiteral("점검")};
    // An office's store starts with its 행정동 boundaries.
    const Run boundaries = cli({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--user"),
                                QStringLiteral("lead1"), QStringLiteral("--kind"), QStringLiteral("boundaries"),
                                Test::productDataPath(QStringLiteral("admdong/seodaemun_admdong_ver20210401.geojson"))},
                               withPassword(Test::leadPassword()));
    REQUIRE(boundaries.code == 0);
    CHECK(boundaries.out.contains(QStringLiteral("imported 14 boundaries")));
    const Run noUser = cli(exportArgs);
    CHECK(noUser.code == 1);
    CHECK(noUser.err.contains(QStringLiteral("--user")));
    const Run noPassword = cli(exportArgs + QStringList{QStringLiteral("--user"), QStringLiteral("lead1")});
    CHECK(noPassword.code == 1);
    CHECK(noPassword.err.contains(QStringLiteral("VISITMAP_PASSWORD")));
    const Run wrong = cli(exportArgs + QStringList{QStringLiteral("--user"), QStringLiteral("lead1")},
                          withPassword(QStringLiteral("not-it-123")));
    CHECK(wrong.code == 1);
    CHECK(wrong.err.contains(QStringLiteral("wrong password")));
    const Run right = cli(exportArgs + QStringList{QStringLiteral("--user"), QStringLiteral("lead1")},
                          withPassword(Test::leadPassword()));
    CHECK(right.code == 0);
    // The command line's columns are the contract scripts rely on (DESIGN §11), not the app's
    // Korean headers.
    QFile written(out);
    REQUIRE(written.open(QIODevice::ReadOnly));
    QString header = QString::fromUtf8(written.readLine()).trimmed();
    header.remove(QChar(0xFEFF));
    const QStringList columns = header.split(QLatin1Char(','));
    for (const char *column : {"id", "adm_cd", "lon", "lat", "risk"})
        CHECK(columns.contains(QLatin1String(column)));
    const Run notAllowed = cli(exportArgs + QStringList{QStringLiteral("--user"), QStringLiteral("case1"), QStringLiteral("--unmasked")},
                               withPassword(Test::caseworkerPassword()));
    CHECK(notAllowed.code == 1);
    CHECK(notAllowed.err.contains(QStringLiteral("may not")));
}

TEST_CASE("init, first admin, accounts and an import work from the command line", "[cli]")
{
    Test::TempDir dir;
    const QString db = dir.path(QStringLiteral("new.visitmap"));
    REQUIRE(cli({QStringLiteral("init"), QStringLiteral("--db"), db}).code == 0);
    // The first account must be an admin and needs no sign-in.
    CHECK(cli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--db"), db, QStringLiteral("--name"), QStringLiteral("lead9"),
               QStringLiteral("--role"), QStringLiteral("team_lead"), QStringLiteral("--office"), QStringLiteral("11410")},
              withPassword({}, QStringLiteral("Lead-pass-99"))).code == 1);
    REQUIRE(cli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--db"), db, QStringLiteral("--name"), QStringLiteral("boss"),
                 QStringLiteral("--role"), QStringLiteral("admin")},
                withPassword({}, QStringLiteral("Admin-pass-99"))).code == 0);
    // A weak password is refused with the rule.
    const Run weak = cli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--db"), db, QStringLiteral("--user"), QStringLiteral("boss"),
                          QStringLiteral("--name"), QStringLiteral("lead9"), QStringLiteral("--role"), QStringLiteral("team_lead"),
                          QStringLiteral("--office"), QStringLiteral("11410")},
                         withPassword(QStringLiteral("Admin-pass-99"), QStringLiteral("short")));
    CHECK(weak.code == 1);
    CHECK(weak.err.contains(QStringLiteral("8 characters")));
    REQUIRE(cli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--db"), db, QStringLiteral("--user"), QStringLiteral("boss"),
                 QStringLiteral("--name"), QStringLiteral("lead9"), QStringLiteral("--role"), QStringLiteral("team_lead"),
                 QStringLiteral("--office"), QStringLiteral("11410")},
                withPassword(QStringLiteral("Admin-pass-99"), QStringLiteral("Lead-pass-99"))).code == 0);
    // The worker the file assigns (case1) is an account of the store: an import refuses an unknown
    // worker.
    REQUIRE(cli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--db"), db,
                 QStringLiteral("--user"), QStringLiteral("boss"), QStringLiteral("--name"),
                 QStringLiteral("case1"), QStringLiteral("--role"), QStringLiteral("caseworker"),
                 QStringLiteral("--office"), QStringLiteral("1141052000")},
                withPassword(QStringLiteral("Admin-pass-99"), QStringLiteral("Case-pass-99")))
                .code
            == 0);
    const QStringList importArgs{QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--user"), QStringLiteral("lead9"),
                                 QStringLiteral("--kind"), QStringLiteral("households")};
    const Run bad = cli(importArgs + QStringList{Test::dataPath(QStringLiteral("households_outside.csv"))},
                        withPassword(QStringLiteral("Lead-pass-99")));
    CHECK(bad.code == 1);
    CHECK(bad.err.contains(QStringLiteral("households_outside.csv:3:")));
    CHECK(bad.err.contains(QStringLiteral("nothing was imported")));
    const Run good = cli(importArgs + QStringList{Test::dataPath(QStringLiteral("households_cp949.csv"))},
                         withPassword(QStringLiteral("Lead-pass-99")));
    CHECK(good.code == 0);
    CHECK(good.out.contains(QStringLiteral("imported 5 households")));
    const Run verify = cli({QStringLiteral("audit"), QStringLiteral("--db"), db, QStringLiteral("--user"), QStringLiteral("lead9"), QStringLiteral("--verify")},
                           withPassword(QStringLiteral("Lead-pass-99")));
    CHECK(verify.code == 0);
    CHECK(verify.out.contains(QStringLiteral("intact")));
}
