// SPDX-License-Identifier: GPL-3.0-or-later
// The core's layers point one way. core/CMakeLists.txt declares each layer's sources and the
// layers it uses, and writes them to a table; these cases read that table and the sources, so an
// include that runs back up, or an SQL statement outside the store, fails here by name.
#include "support/testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>

namespace {

struct Layer
{
    QString name;
    QStringList dirs;
    QStringList uses;
};

QString coreDir()
{
    return QStringLiteral(VISITMAP_SOURCE_DIR "/core");
}

QList<Layer> readLayers()
{
    QList<Layer> out;
    const QString text = QString::fromUtf8(VisitMap::Test::readAll(QStringLiteral(VISITMAP_CORE_LAYERS_FILE)));
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList parts = line.split(u'|');
        REQUIRE(parts.size() == 3);
        out.append({parts[0], parts[1].split(u',', Qt::SkipEmptyParts), parts[2].split(u',', Qt::SkipEmptyParts)});
    }
    return out;
}

// Every header and source under core/, as a path relative to core/.
QStringList coreFiles()
{
    QStringList out;
    const QDir root(coreDir());
    QDirIterator it(coreDir(), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out << root.relativeFilePath(it.next());
    out.sort();
    return out;
}

QString dirOf(const QString &relative)
{
    const int slash = relative.lastIndexOf(u'/');
    return slash < 0 ? QStringLiteral(".") : relative.left(slash);
}

// The core file an #include "..." names (relative to the including file's folder, then to core/),
// or an empty string for a header from outside the core.
QString resolveInclude(const QString &from, const QString &include)
{
    const QString sibling = dirOf(from) == QStringLiteral(".") ? include : dirOf(from) + u'/' + include;
    if (QFileInfo::exists(coreDir() + u'/' + sibling))
        return QDir::cleanPath(sibling);
    if (QFileInfo::exists(coreDir() + u'/' + include))
        return QDir::cleanPath(include);
    return {};
}

// layer -> every layer it may use, itself included.
QHash<QString, QSet<QString>> reachable(const QList<Layer> &layers)
{
    QHash<QString, QSet<QString>> out;
    for (const Layer &l : layers) {
        QSet<QString> r{l.name};
        for (const QString &u : l.uses)
            r.unite(out.value(u));
        out.insert(l.name, r);
    }
    return out;
}

// An SQL statement in a string literal: a literal that opens with a statement keyword, or that
// holds a FROM, INTO or SET clause naming a table.
const QRegularExpression &sqlLiteral()
{
    static const QRegularExpression re(QStringLiteral(
        R"re("\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|WITH|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|VACUUM|ATTACH)\s[^"]*"|"[^"\n]*\b(FROM|INTO|JOIN)\s+[a-z_]+\b[^"\n]*"|"[^"\n]*\bUPDATE\s+[a-z_]+\s+SET\b[^"\n]*")re"));
    return re;
}

} // namespace

TEST_CASE("Every core file belongs to exactly one layer, and each layer uses only layers below it", "[core][source]")
{
    const QList<Layer> layers = readLayers();
    REQUIRE(layers.size() >= 5);
    QHash<QString, QString> layerOfDir;
    QSet<QString> declared;
    QStringList problems;
    for (const Layer &l : layers) {
        for (const QString &u : l.uses)
            if (!declared.contains(u))
                problems << QStringLiteral("layer %1 uses %2, which is not below it").arg(l.name, u);
        for (const QString &d : l.dirs) {
            if (layerOfDir.contains(d))
                problems << QStringLiteral("folder %1 is in layers %2 and %3").arg(d, layerOfDir.value(d), l.name);
            layerOfDir.insert(d, l.name);
        }
        declared.insert(l.name);
    }
    for (const QString &f : coreFiles())
        if (!layerOfDir.contains(dirOf(f)))
            problems << QStringLiteral("core/%1 is in no layer").arg(f);
    CHECK(problems.join(u'\n').toStdString() == "");
}

TEST_CASE("No core file includes a header from a layer its own layer does not use", "[core][source]")
{
    const QList<Layer> layers = readLayers();
    QHash<QString, QString> layerOfDir;
    for (const Layer &l : layers)
        for (const QString &d : l.dirs)
            layerOfDir.insert(d, l.name);
    const auto mayUse = reachable(layers);
    static const QRegularExpression include(QStringLiteral(R"re(^\s*#\s*include\s*"([^"]+)")re"),
                                            QRegularExpression::MultilineOption);
    QStringList problems;
    int includes = 0;
    for (const QString &f : coreFiles()) {
        const QString layer = layerOfDir.value(dirOf(f));
        const QString text = QString::fromUtf8(VisitMap::Test::readAll(coreDir() + u'/' + f));
        for (auto it = include.globalMatch(text); it.hasNext();) {
            const QString target = resolveInclude(f, it.next().captured(1));
            if (target.isEmpty())
                continue;
            ++includes;
            const QString targetLayer = layerOfDir.value(dirOf(target));
            if (!mayUse.value(layer).contains(targetLayer))
                problems << QStringLiteral("core/%1 (%2) includes %3 (%4)").arg(f, layer, target, targetLayer);
        }
    }
    CHECK(includes > 300);
    CHECK(problems.join(u'\n').toStdString() == "");
}

TEST_CASE("SQL stands only in core/storage and in the central store's module", "[core][source]")
{
    const QString central = QStringLiteral(VISITMAP_CENTRAL_SQL_MODULE);
    QStringList problems;
    int statements = 0;
    for (const QString &f : coreFiles()) {
        const QString text = QString::fromUtf8(VisitMap::Test::readAll(coreDir() + u'/' + f));
        const bool allowed = f.startsWith(QStringLiteral("storage/")) || f.startsWith(central);
        for (auto it = sqlLiteral().globalMatch(text); it.hasNext();) {
            const QString literal = it.next().captured(0);
            ++statements;
            if (!allowed)
                problems << QStringLiteral("core/%1: %2").arg(f, literal.left(70));
        }
    }
    // The pattern still sees the store's own statements, so a change that blinds it fails here.
    CHECK(statements > 200);
    CHECK(problems.join(u'\n').toStdString() == "");
}

TEST_CASE("The command line is the product without a screen: it loads no Gui or Widgets library", "[core][source][cli]")
{
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), {QStringLiteral(VISITMAP_CLI_PATH)});
    REQUIRE(ldd.waitForFinished(30000));
    const QString libraries = QString::fromLocal8Bit(ldd.readAllStandardOutput());
    REQUIRE(libraries.contains(QStringLiteral("libQt6Core")));
    CHECK_FALSE(libraries.contains(QStringLiteral("libQt6Gui")));
    CHECK_FALSE(libraries.contains(QStringLiteral("libQt6Widgets")));
}
