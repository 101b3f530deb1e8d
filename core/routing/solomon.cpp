// SPDX-License-Identifier: GPL-3.0-or-later
#include "solomon.h"

#include "util/textfile.h"

#include <QFile>
#include <QRegularExpression>
#include <cmath>

namespace VisitMap::Routing::Solomon {

namespace {

Result<QString> readText(const QString &path)
{
    return readTextFile(path, 64ll * 1024 * 1024);
}

QStringList words(const QString &line)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return line.trimmed().split(space, Qt::SkipEmptyParts);
}

} // namespace

Result<SolomonInstance> readInstance(const QString &path)
{
    auto text = readText(path);
    if (!text)
        return fail(text.error());
    return parseInstance(*text, path);
}

Result<SolomonInstance> parseInstance(const QString &text, const QString &fileName)
{
    SolomonInstance inst;
    const QStringList lines = text.split(u'\n');
    enum { Name, Vehicle, Customers } state = Name;
    bool fleetRead = false;
    for (int ln = 0; ln < lines.size(); ++ln) {
        const QString line = lines[ln].trimmed();
        const int lineNo = ln + 1;
        if (line.isEmpty())
            continue;
        const QString upper = line.toUpper();
        if (state == Name) {
            inst.name = line;
            state = Vehicle;
            continue;
        }
        if (upper == QLatin1String("VEHICLE") || upper.startsWith(QLatin1String("NUMBER")))
            continue;
        if (upper == QLatin1String("CUSTOMER")) {
            if (!fleetRead)
                return failAt(ErrorCode::Parse, fileName, lineNo, QStringLiteral("CUSTOMER before the fleet (NUMBER CAPACITY)"));
            state = Customers;
            continue;
        }
        if (upper.startsWith(QLatin1String("CUST")))
            continue;
        const QStringList w = words(line);
        if (state == Vehicle) {
            bool okN = false, okC = false;
            inst.vehicles = w.value(0).toInt(&okN);
            inst.capacity = w.value(1).toDouble(&okC);
            if (w.size() != 2 || !okN || !okC || inst.vehicles < 1 || inst.capacity <= 0)
                return failAt(ErrorCode::Parse, fileName, lineNo, QStringLiteral("not a fleet line (NUMBER CAPACITY): '%1'").arg(line.left(60)));
            fleetRead = true;
            continue;
        }
        double v[7];
        bool good = w.size() == 7;
        for (int i = 0; good && i < 7; ++i) {
            bool ok = false;
            v[i] = w[i].toDouble(&ok);
            good = ok && std::isfinite(v[i]);
        }
        if (!good)
            return failAt(ErrorCode::Parse, fileName, lineNo,
                          QStringLiteral("not a customer line (7 numbers: no, x, y, demand, ready, due, service): '%1'").arg(line.left(60)));
        const int id = int(v[0]);
        if (id != int(inst.x.size()))
            return failAt(ErrorCode::Parse, fileName, lineNo,
                          QStringLiteral("customer %1 where %2 was expected (numbered from 0, the depot)").arg(id).arg(inst.x.size()));
        if (v[3] < 0 || v[6] < 0 || v[5] < v[4])
            return failAt(ErrorCode::Validation, fileName, lineNo,
                          QStringLiteral("customer %1 has a negative demand or service time, or a due date before its ready time").arg(id));
        inst.x.push_back(v[1]);
        inst.y.push_back(v[2]);
        VrpProblem::Node n;
        n.demand = v[3];
        n.ready = v[4];
        n.due = v[5];
        n.service = v[6];
        inst.problem.nodes.push_back(n);
    }
    if (inst.x.size() < 2)
        return failAt(ErrorCode::Validation, fileName, 0, QStringLiteral("no customers"));
    const std::size_t n = inst.x.size();
    inst.problem.distance.assign(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j)
            inst.problem.distance[i * n + j] = std::hypot(inst.x[i] - inst.x[j], inst.y[i] - inst.y[j]);
    }
    const VrpProblem::Node depot = inst.problem.nodes[0];
    for (int k = 0; k < inst.vehicles; ++k) {
        VrpProblem::Vehicle v;
        v.capacity = inst.capacity;
        v.shiftStart = depot.ready;
        v.shiftEnd = depot.due;
        inst.problem.vehicles.push_back(v);
    }
    return inst;
}

Result<std::vector<std::vector<int>>> readRoutes(const QString &path)
{
    auto text = readText(path);
    if (!text)
        return fail(text.error());
    return parseRoutes(*text, path);
}

Result<std::vector<std::vector<int>>> parseRoutes(const QString &text, const QString &fileName)
{
    static const QRegularExpression route(QStringLiteral("^\\s*Route\\s+(\\d+)\\s*:(.*)$"), QRegularExpression::CaseInsensitiveOption);
    std::vector<std::vector<int>> out;
    const QStringList lines = text.split(u'\n');
    for (int ln = 0; ln < lines.size(); ++ln) {
        const auto m = route.match(lines[ln]);
        if (!m.hasMatch())
            continue;
        std::vector<int> r;
        for (const QString &w : words(m.captured(2))) {
            bool ok = false;
            const int id = w.toInt(&ok, 10); // "092" is 92
            if (!ok || id < 0)
                return failAt(ErrorCode::Parse, fileName, ln + 1, QStringLiteral("'%1' is not a customer number").arg(w.left(20)));
            if (id != 0)
                r.push_back(id);
        }
        out.push_back(std::move(r));
    }
    if (out.empty())
        return failAt(ErrorCode::Validation, fileName, 0, QStringLiteral("no \"Route N : …\" lines"));
    return out;
}

} // namespace VisitMap::Routing::Solomon
