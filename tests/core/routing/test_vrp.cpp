// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/solomon.h"
#include "routing/vrpsolver.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <catch2/catch.hpp>
#include <cmath>

using namespace VisitMap;
using namespace VisitMap::Routing;

namespace {

struct Known
{
    QString file;
    int vehicles;
    double distance;
    QString routeFile;
};

QList<Known> bestKnown()
{
    QFile f(Test::benchDataPath(QStringLiteral("solomon/bestknown.csv")));
    REQUIRE(f.open(QIODevice::ReadOnly));
    QList<Known> out;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines.mid(1)) {
        const QStringList c = line.split(u',');
        // Authors' names may hold a quoted comma: the route file is the third column from the end.
        out.append({c[1], c[2].toInt(), c[3].toDouble(), c[c.size() - 3]});
    }
    return out;
}

QString instancePath(const QString &name)
{
    return Test::benchDataPath(QStringLiteral("solomon/instances/%1.txt").arg(name));
}

} // namespace

TEST_CASE("All 56 Solomon instances read, and all 49 best-known solutions check out feasible at their length", "[routing][solomon]")
{
    const QStringList files = QDir(Test::benchDataPath(QStringLiteral("solomon/instances"))).entryList({QStringLiteral("*.txt")});
    REQUIRE(files.size() == 56);
    for (const QString &f : files) {
        INFO(f.toStdString());
        auto inst = Solomon::readInstance(Test::benchDataPath(QStringLiteral("solomon/instances/") + f));
        REQUIRE(inst);
        CHECK(inst->problem.size() == 101);
        CHECK(inst->vehicles == 25);
        CHECK((inst->capacity == 200 || inst->capacity == 700 || inst->capacity == 1000));
    }
    const QList<Known> known = bestKnown();
    REQUIRE(known.size() == 49);
    for (const Known &k : known) {
        INFO(k.file.toStdString());
        auto inst = Solomon::readInstance(instancePath(k.file));
        REQUIRE(inst);
        // Zero-padded ids, "Route  1 :" spacing, "Instance Name" in either case.
        auto routes = Solomon::readRoutes(Test::benchDataPath(QStringLiteral("solomon/bks_routes/") + k.routeFile));
        REQUIRE(routes);
        VrpSolution s;
        s.routes = *routes;
        s.routes.resize(inst->problem.vehicles.size());
        CHECK(checkSolution(inst->problem, s).isEmpty());
        evaluate(inst->problem, s);
        CHECK(s.vehiclesUsed() == k.vehicles);
        CHECK(s.distance == Approx(k.distance).margin(0.006));
    }
}

TEST_CASE("The checker names what is wrong with a plan", "[routing][solomon]")
{
    auto inst = Solomon::readInstance(instancePath(QStringLiteral("c101")));
    REQUIRE(inst);
    auto routes = Solomon::readRoutes(Test::benchDataPath(QStringLiteral("solomon/bks_routes/c101.txt")));
    REQUIRE(routes);
    VrpSolution s;
    s.routes = *routes;
    s.routes.resize(25);
    std::swap(s.routes[0][0], s.routes[0].back()); // now late somewhere on route 1
    s.routes[1].push_back(s.routes[2].front());      // a customer twice
    const QStringList problems = checkSolution(inst->problem, s);
    CHECK(problems.filter(QStringLiteral("route 1")).size() >= 1);
    CHECK(problems.filter(QStringLiteral("2 times")).size() == 1);
}

TEST_CASE("Broken Solomon files are refused with the line", "[routing][solomon]")
{
    const auto error = [](const char *text) {
        auto r = Solomon::parseInstance(QString::fromUtf8(text), QStringLiteral("s.txt"));
        REQUIRE_FALSE(r);
        return r.error();
    };
    const char *head = "X1\n\nVEHICLE\nNUMBER     CAPACITY\n  25         200\n\nCUSTOMER\nCUST NO.  XCOORD.\n \n";
    CHECK(error((QByteArray(head) + "0 35 35 0 0 230 0\n1 41 49 10 161\n").constData()).line == 11);
    CHECK(error((QByteArray(head) + "0 35 35 0 0 230 0\n2 41 49 10 161 171 10\n").constData()).message.contains(QStringLiteral("expected")));
    CHECK(error((QByteArray(head) + "0 35 35 0 0 230 0\n1 41 49 10 171 161 10\n").constData()).message.contains(QStringLiteral("due date")));
    CHECK(error("X1\nVEHICLE\nNUMBER CAPACITY\n25\n").line == 4);
    auto routes = Solomon::parseRoutes(QStringLiteral("Route 1 : 1 x 3\n"), QStringLiteral("r.txt"));
    REQUIRE_FALSE(routes);
    CHECK(routes.error().line == 1);
}

TEST_CASE("Solved Solomon plans are feasible, near the best known, and repeat for a seed", "[routing][vrp]")
{
    for (const char *name : {"c101", "r101", "rc105", "r202", "c201"}) {
        INFO(name);
        auto inst = Solomon::readInstance(instancePath(QLatin1String(name)));
        REQUIRE(inst);
        SolveOptions o;
        o.seed = 5;
        o.maxIterations = 20000;
        o.seconds = 120; // the round count ends it, however busy the machine
        const VrpSolution a = VrpSolver::solve(inst->problem, o);
        CHECK(checkSolution(inst->problem, a).isEmpty());
        CHECK(a.unassigned.empty());
        double best = 0;
        for (const Known &k : bestKnown()) {
            if (k.file == QLatin1String(name))
                best = k.distance;
        }
        REQUIRE(best > 0);
        CHECK(a.distance <= best * 1.05);
        if (QLatin1String(name) == QLatin1String("r202")) {
            const VrpSolution b = VrpSolver::solve(inst->problem, o);
            CHECK(a.routes == b.routes);
            CHECK(a.distance == b.distance);
        }
    }
}

TEST_CASE("Teams with their own start, end and shift, and optional visits left out when they do not fit", "[routing][vrp]")
{
    // A line of places 10 apart; two teams from different offices, short shifts.
    VrpProblem p;
    const int n = 12;
    p.nodes.resize(n);
    p.distance.assign(std::size_t(n * n), 0);
    auto x = [](int i) { return i < 10 ? 10.0 * i : (i == 10 ? 0.0 : 90.0); }; // 10, 11: the offices
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j)
            p.distance[std::size_t(i * n + j)] = std::abs(x(i) - x(j));
    }
    for (int i = 0; i < 10; ++i) {
        p.nodes[std::size_t(i)].service = 5;
        p.nodes[std::size_t(i)].penalty = 1000;
    }
    p.nodes[9].penalty = std::numeric_limits<double>::infinity();
    p.nodes[4].ready = 100; // only from 100
    p.nodes[4].due = 110;
    VrpProblem::Vehicle a, b;
    a.start = a.end = 10;
    a.shiftEnd = 120;
    b.start = b.end = 11;
    b.shiftEnd = 60;
    p.vehicles = {a, b};
    SolveOptions o;
    o.maxIterations = 3000;
    o.seconds = 120; // the round count ends it, however busy the machine
    const VrpSolution s = VrpSolver::solve(p, o);
    INFO(checkSolution(p, s).join(QStringLiteral("; ")).toStdString());
    CHECK(checkSolution(p, s).isEmpty());
    // The team from 90 must take 9 (a must-visit); everything fits but the time allows little.
    bool nineVisited = false;
    for (const auto &r : s.routes)
        nineVisited = nineVisited || std::find(r.begin(), r.end(), 9) != r.end();
    CHECK(nineVisited);
    CHECK(s.unassigned.size() + s.routes[0].size() + s.routes[1].size() == 10);
    // 4 opens at 100: team a could not be back by 120 (40 there, 5 on site, 40 back) and team
    // b's shift ends at 60, so the optional visit is left out, and listed as left out.
    CHECK(std::find(s.unassigned.begin(), s.unassigned.end(), 4) != s.unassigned.end());
    for (const auto &r : s.routes)
        CHECK(std::find(r.begin(), r.end(), 4) == r.end());
    // At most four visits fit team a's day (0 to 3) and three team b's (7 to 9): the best plan
    // leaves out 4, 5 and 6, and no must-visit.
    std::vector<int> left = s.unassigned;
    std::sort(left.begin(), left.end());
    CHECK(left == std::vector<int>{4, 5, 6});
}

TEST_CASE("route --solomon prints vehicles and distance that match its routes", "[routing][cli]")
{
    QProcess cli;
    cli.start(QStringLiteral(VISITMAP_CLI_PATH), {QStringLiteral("route"), QStringLiteral("--solomon"), instancePath(QStringLiteral("r101")),
                                                 QStringLiteral("--iterations"), QStringLiteral("3000")});
    REQUIRE(cli.waitForFinished(60000));
    CHECK(cli.exitCode() == 0);
    const QString text = QString::fromUtf8(cli.readAllStandardOutput());
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() >= 2);
    const QStringList head = lines[0].split(u' ');
    REQUIRE(head.size() == 4);
    CHECK(head[0] == QLatin1String("vehicles"));
    auto routes = Solomon::parseRoutes(text, QStringLiteral("stdout"));
    REQUIRE(routes);
    CHECK(int(routes->size()) == head[1].toInt());
    auto inst = Solomon::readInstance(instancePath(QStringLiteral("r101")));
    REQUIRE(inst);
    VrpSolution s;
    s.routes = *routes;
    s.routes.resize(25);
    CHECK(checkSolution(inst->problem, s).isEmpty());
    evaluate(inst->problem, s);
    CHECK(head[3].toDouble() == Approx(s.distance).margin(0.006));
}
