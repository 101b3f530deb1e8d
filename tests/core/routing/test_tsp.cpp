// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/tsplib.h"
#include "routing/tspsolver.h"
#include "support/testsupport.h"

#include <QFile>
#include <QProcess>
#include <catch2/catch.hpp>
#include <set>

using namespace VisitMap;
using namespace VisitMap::Routing;

namespace {

struct Optimum
{
    QString name;
    int n;
    long long length;
    bool hasTour;
};

QList<Optimum> optima()
{
    QFile f(Test::benchDataPath(QStringLiteral("tsplib/optima.csv")));
    REQUIRE(f.open(QIODevice::ReadOnly));
    QList<Optimum> out;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines.mid(1)) {
        const QStringList c = line.split(u',');
        out.append({c[0], c[1].toInt(), c[2].toLongLong(), c[4] == QLatin1String("yes") || c[4] == QLatin1String("1")
                                                               || c[4] == QLatin1String("true")});
    }
    REQUIRE(out.size() == 16);
    return out;
}

bool isPermutation(const std::vector<int> &tour, int n)
{
    std::set<int> s(tour.begin(), tour.end());
    return int(tour.size()) == n && int(s.size()) == n && *s.begin() == 0 && *s.rbegin() == n - 1;
}

} // namespace

TEST_CASE("Every TSPLIB file reads, and every optimal tour has exactly the proven length", "[routing][tsplib]")
{
    int tours = 0;
    for (const Optimum &o : optima()) {
        INFO(o.name.toStdString());
        auto inst = Tsplib::readInstance(Test::benchDataPath(QStringLiteral("tsplib/%1.tsp").arg(o.name)));
        REQUIRE(inst);
        CHECK(inst->size() == o.n);
        const QString tourPath = Test::benchDataPath(QStringLiteral("tsplib/%1.opt.tour").arg(o.name));
        if (!QFile::exists(tourPath))
            continue;
        // a280's tour has no EOF line; rd100's has no DIMENSION and ten ids a line.
        auto tour = Tsplib::readTour(tourPath, inst->size());
        REQUIRE(tour);
        CHECK(inst->tourLength(*tour) == o.length);
        ++tours;
    }
    CHECK(tours == 15);
    // rd100 writes coordinates in scientific notation.
    auto rd100 = Tsplib::readInstance(Test::benchDataPath(QStringLiteral("tsplib/rd100.tsp")));
    REQUIRE(rd100);
    CHECK(rd100->coords[0].x() == Approx(143.775).margin(1e-6));
}

TEST_CASE("Broken TSPLIB files are refused with the line and the reason", "[routing][tsplib]")
{
    const auto error = [](const char *text) {
        auto r = Tsplib::parseInstance(QString::fromUtf8(text), QStringLiteral("x.tsp"));
        REQUIRE_FALSE(r);
        return r.error();
    };
    CHECK(error("NAME: x\nTYPE: TSP\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n").message.contains(QStringLiteral("DIMENSION")));
    const Error bad = error("NAME: x\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 zero 0\n3 1 1\nEOF\n");
    CHECK(bad.line == 6);
    CHECK(bad.file == QLatin1String("x.tsp"));
    CHECK(error("NAME: x\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n1 0 0\n3 1 1\n").line == 6);
    CHECK(error("NAME: x\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n4 0 0\n3 1 1\n").message.contains(QStringLiteral("outside")));
    CHECK(error("NAME: x\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: GEO\n").message.contains(QStringLiteral("GEO")));
    CHECK(error("NAME: x\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 1 1\n").message.contains(QStringLiteral("2 nodes")));
    auto tour = Tsplib::parseTour(QStringLiteral("TOUR_SECTION\n1\n2\n2\n-1\n"), QStringLiteral("t.tour"), 3);
    REQUIRE_FALSE(tour);
    CHECK(tour.error().message.contains(QStringLiteral("twice")));
}

TEST_CASE("The solver returns a tour of every node, its true length, and the same tour for the same seed", "[routing][tsp]")
{
    auto inst = Tsplib::readInstance(Test::benchDataPath(QStringLiteral("tsplib/ch130.tsp")));
    REQUIRE(inst);
    SolveOptions o;
    o.seed = 7;
    o.maxIterations = 3000;
    o.seconds = 120; // the round count ends it, however busy the machine
    const auto a = TspSolver::solve(inst->size(), inst->matrix(), o);
    const auto b = TspSolver::solve(inst->size(), inst->matrix(), o);
    REQUIRE(isPermutation(a.tour, inst->size()));
    CHECK(a.length == double(inst->tourLength(a.tour)));
    CHECK(a.tour == b.tour);
    CHECK(a.iterations == 3000);
    // Well within 2% of the optimum (6110) after a few thousand rounds.
    CHECK(a.length <= 6110 * 1.02);

    // A caller can stop it; it still hands back a whole tour.
    SolveOptions stop;
    stop.seconds = 30;
    int calls = 0;
    stop.progress = [&](double, double) { return ++calls < 2; };
    const auto c = TspSolver::solve(inst->size(), inst->matrix(), stop);
    CHECK(c.cancelled);
    CHECK(isPermutation(c.tour, inst->size()));
    CHECK(c.seconds < 10);
}

TEST_CASE("Small TSPLIB instances reach their proven optimum in a fixed number of rounds", "[routing][tsp]")
{
    for (const char *name : {"eil51", "berlin52", "st70", "kroA100"}) {
        INFO(name);
        auto inst = Tsplib::readInstance(Test::benchDataPath(QStringLiteral("tsplib/%1.tsp").arg(QLatin1String(name))));
        REQUIRE(inst);
        long long optimum = 0;
        for (const Optimum &o : optima()) {
            if (o.name == QLatin1String(name))
                optimum = o.length;
        }
        SolveOptions o;
        o.maxIterations = 60000;
        o.seconds = 120; // the round count ends it, however busy the machine
        const auto r = TspSolver::solve(inst->size(), inst->matrix(), o);
        CHECK(inst->tourLength(r.tour) <= optimum * 1.01);
        CHECK(inst->tourLength(r.tour) >= optimum); // nothing beats a proven optimum
    }
}

TEST_CASE("route --tsplib prints the length of the very tour it prints", "[routing][cli]")
{
    QProcess cli;
    cli.start(QStringLiteral(VISITMAP_CLI_PATH),
              {QStringLiteral("route"), QStringLiteral("--tsplib"), Test::benchDataPath(QStringLiteral("tsplib/berlin52.tsp")),
               QStringLiteral("--iterations"), QStringLiteral("2000"), QStringLiteral("--seed"), QStringLiteral("3")});
    REQUIRE(cli.waitForFinished(60000));
    CHECK(cli.exitCode() == 0);
    const QStringList lines = QString::fromUtf8(cli.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 53);
    REQUIRE(lines[0].startsWith(QLatin1String("length ")));
    std::vector<int> tour;
    for (const QString &l : lines.mid(1))
        tour.push_back(l.toInt() - 1);
    auto inst = Tsplib::readInstance(Test::benchDataPath(QStringLiteral("tsplib/berlin52.tsp")));
    REQUIRE(inst);
    REQUIRE(isPermutation(tour, 52));
    CHECK(lines[0].mid(7).toLongLong() == inst->tourLength(tour));

    QProcess bad;
    bad.start(QStringLiteral(VISITMAP_CLI_PATH), {QStringLiteral("route"), QStringLiteral("--tsplib"), QStringLiteral("/nonexistent.tsp")});
    REQUIRE(bad.waitForFinished(60000));
    CHECK(bad.exitCode() == 1);
    CHECK(QString::fromUtf8(bad.readAllStandardError()).contains(QStringLiteral("/nonexistent.tsp")));
}
