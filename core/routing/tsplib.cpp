// SPDX-License-Identifier: GPL-3.0-or-later
#include "tsplib.h"

#include "util/textfile.h"

#include <QFile>
#include <QRegularExpression>
#include <cmath>

namespace VisitMap::Routing {

long long TspInstance::distance(int i, int j) const
{
    const double dx = coords[std::size_t(i)].x() - coords[std::size_t(j)].x();
    const double dy = coords[std::size_t(i)].y() - coords[std::size_t(j)].y();
    if (weightType == QLatin1String("CEIL_2D"))
        return (long long)std::ceil(std::sqrt(dx * dx + dy * dy));
    if (weightType == QLatin1String("ATT")) {
        const double r = std::sqrt((dx * dx + dy * dy) / 10.0);
        const long long t = (long long)(r + 0.5);
        return t < r ? t + 1 : t;
    }
    return (long long)(std::sqrt(dx * dx + dy * dy) + 0.5); // nint, as TSPLIB defines it
}

std::vector<double> TspInstance::matrix() const
{
    const int n = size();
    std::vector<double> m(std::size_t(n) * std::size_t(n), 0.0);
    for (int i = 0; i < n; ++i) {
        for (int j = i + 1; j < n; ++j)
            m[std::size_t(i) * n + j] = m[std::size_t(j) * n + i] = double(distance(i, j));
    }
    return m;
}

long long TspInstance::tourLength(const std::vector<int> &tour) const
{
    long long sum = 0;
    for (std::size_t k = 0; k < tour.size(); ++k)
        sum += distance(tour[k], tour[(k + 1) % tour.size()]);
    return sum;
}

namespace Tsplib {

namespace {

Result<QString> readText(const QString &path)
{
    return readTextFile(path, 256ll * 1024 * 1024);
}

// "KEY : value", "KEY: value" or "KEY value" (the section names).
bool header(const QString &line, QString *key, QString *value)
{
    const int colon = line.indexOf(u':');
    if (colon < 0) {
        *key = line.trimmed().toUpper();
        value->clear();
        return !key->isEmpty() && (*key)[0].isLetter();
    }
    *key = line.left(colon).trimmed().toUpper();
    *value = line.mid(colon + 1).trimmed();
    return !key->isEmpty() && (*key)[0].isLetter();
}

} // namespace

Result<TspInstance> readInstance(const QString &path)
{
    auto text = readText(path);
    if (!text)
        return fail(text.error());
    return parseInstance(*text, path);
}

Result<TspInstance> parseInstance(const QString &text, const QString &fileName)
{
    TspInstance inst;
    const QStringList lines = text.split(u'\n');
    int dimension = -1;
    bool inCoords = false;
    std::vector<bool> seen;
    int coordsRead = 0;
    for (int ln = 0; ln < lines.size(); ++ln) {
        const QString line = lines[ln].trimmed();
        const int lineNo = ln + 1;
        if (line.isEmpty())
            continue;
        if (inCoords && (line[0].isDigit() || line[0] == u'-' || line[0] == u'+')) {
            const QStringList f = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            bool okId = false, okX = false, okY = false;
            const int id = f.value(0).toInt(&okId);
            const double x = f.value(1).toDouble(&okX), y = f.value(2).toDouble(&okY);
            if (f.size() < 3 || !okId || !okX || !okY || !std::isfinite(x) || !std::isfinite(y))
                return failAt(ErrorCode::Parse, fileName, lineNo, QStringLiteral("not a node line (id x y): '%1'").arg(line.left(60)));
            if (id < 1 || id > dimension)
                return failAt(ErrorCode::Parse, fileName, lineNo, QStringLiteral("node %1 is outside 1..%2").arg(id).arg(dimension));
            if (seen[std::size_t(id - 1)])
                return failAt(ErrorCode::Parse, fileName, lineNo, QStringLiteral("node %1 appears twice").arg(id));
            seen[std::size_t(id - 1)] = true;
            inst.coords[std::size_t(id - 1)] = QPointF(x, y);
            ++coordsRead;
            continue;
        }
        QString key, value;
        if (!header(line, &key, &value))
            return failAt(ErrorCode::Parse, fileName, lineNo, QStringLiteral("not a TSPLIB line: '%1'").arg(line.left(60)));
        inCoords = false;
        if (key == QLatin1String("EOF"))
            break;
        if (key == QLatin1String("NAME")) {
            inst.name = value;
        } else if (key == QLatin1String("TYPE")) {
            if (value != QLatin1String("TSP"))
                return failAt(ErrorCode::Validation, fileName, lineNo,
                              QStringLiteral("TYPE %1: only symmetric TSP instances are read").arg(value));
        } else if (key == QLatin1String("DIMENSION")) {
            bool ok = false;
            dimension = value.toInt(&ok);
            if (!ok || dimension < 3 || dimension > 100000)
                return failAt(ErrorCode::Validation, fileName, lineNo, QStringLiteral("DIMENSION '%1' is not 3..100000").arg(value));
            inst.coords.assign(std::size_t(dimension), QPointF());
            seen.assign(std::size_t(dimension), false);
        } else if (key == QLatin1String("EDGE_WEIGHT_TYPE")) {
            if (value != QLatin1String("EUC_2D") && value != QLatin1String("CEIL_2D") && value != QLatin1String("ATT"))
                return failAt(ErrorCode::Validation, fileName, lineNo,
                              QStringLiteral("EDGE_WEIGHT_TYPE %1 is not supported (EUC_2D, CEIL_2D, ATT)").arg(value));
            inst.weightType = value;
        } else if (key == QLatin1String("NODE_COORD_SECTION")) {
            if (dimension < 0)
                return failAt(ErrorCode::Validation, fileName, lineNo, QStringLiteral("NODE_COORD_SECTION before DIMENSION"));
            inCoords = true;
        } else if (key == QLatin1String("COMMENT") || key == QLatin1String("NODE_COORD_TYPE")
                   || key == QLatin1String("DISPLAY_DATA_TYPE")) {
            // Informative only.
        } else {
            return failAt(ErrorCode::Validation, fileName, lineNo, QStringLiteral("%1 is not supported").arg(key));
        }
    }
    if (dimension < 0)
        return failAt(ErrorCode::Validation, fileName, 0, QStringLiteral("no DIMENSION"));
    if (inst.weightType.isEmpty())
        return failAt(ErrorCode::Validation, fileName, 0, QStringLiteral("no EDGE_WEIGHT_TYPE"));
    if (coordsRead != dimension)
        return failAt(ErrorCode::Validation, fileName, 0,
                      QStringLiteral("%1 nodes have coordinates; DIMENSION says %2").arg(coordsRead).arg(dimension));
    return inst;
}

Result<std::vector<int>> readTour(const QString &path, int expectedSize)
{
    auto text = readText(path);
    if (!text)
        return fail(text.error());
    return parseTour(*text, path, expectedSize);
}

Result<std::vector<int>> parseTour(const QString &text, const QString &fileName, int expectedSize)
{
    std::vector<int> tour;
    const QStringList lines = text.split(u'\n');
    bool inTour = false, ended = false;
    for (int ln = 0; ln < lines.size() && !ended; ++ln) {
        const QString line = lines[ln].trimmed();
        if (line.isEmpty())
            continue;
        if (!inTour) {
            QString key, value;
            if (header(line, &key, &value) && key == QLatin1String("TOUR_SECTION"))
                inTour = true;
            else if (key == QLatin1String("EOF"))
                break;
            continue;
        }
        if (line.toUpper() == QLatin1String("EOF"))
            break;
        for (const QString &word : line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
            bool ok = false;
            const int id = word.toInt(&ok);
            if (!ok)
                return failAt(ErrorCode::Parse, fileName, ln + 1, QStringLiteral("'%1' is not a node id").arg(word.left(20)));
            if (id == -1) {
                ended = true;
                break;
            }
            if (id < 1 || (expectedSize > 0 && id > expectedSize))
                return failAt(ErrorCode::Parse, fileName, ln + 1, QStringLiteral("node %1 is out of range").arg(id));
            tour.push_back(id - 1);
        }
    }
    if (!inTour)
        return failAt(ErrorCode::Validation, fileName, 0, QStringLiteral("no TOUR_SECTION"));
    if (expectedSize > 0) {
        std::vector<bool> seen(std::size_t(expectedSize), false);
        for (int v : tour) {
            if (seen[std::size_t(v)])
                return failAt(ErrorCode::Validation, fileName, 0, QStringLiteral("node %1 is visited twice").arg(v + 1));
            seen[std::size_t(v)] = true;
        }
        if (int(tour.size()) != expectedSize)
            return failAt(ErrorCode::Validation, fileName, 0,
                          QStringLiteral("the tour has %1 nodes; the instance %2").arg(tour.size()).arg(expectedSize));
    }
    return tour;
}

} // namespace Tsplib

} // namespace VisitMap::Routing
