// SPDX-License-Identifier: GPL-3.0-or-later
// Rules of the source tree that a compiler does not enforce.
#include "support/testsupport.h"

#include <QDirIterator>
#include <QRegularExpression>

namespace {
QStringList sources(const QString &folder)
{
    QStringList out;
    QDirIterator it(QStringLiteral(VISITMAP_SOURCE_DIR "/") + folder, {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    return out;
}

QStringList offenders(const QStringList &files, const QRegularExpression &pattern)
{
    QStringList out;
    for (const QString &f : files) {
        const QString text = QString::fromUtf8(VisitMap::Test::readAll(f));
        if (pattern.match(text).hasMatch())
            out << f;
    }
    return out;
}
} // namespace

TEST_CASE("The core never includes a GUI header and the UI never runs SQL", "[core][source]")
{
    const QStringList gui = offenders(sources(QStringLiteral("core")),
                                      QRegularExpression(QStringLiteral("#include\\s*<(QtWidgets|QtGui|QWidget|QPainter|QPixmap|QImage|QColor|QApplication)")));
    CHECK(gui.join(u'\n').toStdString() == "");
    const QStringList sql = offenders(sources(QStringLiteral("ui")) + sources(QStringLiteral("app")),
                                      QRegularExpression(QStringLiteral("QSql(Query|Database)")));
    CHECK(sql.join(u'\n').toStdString() == "");
}

TEST_CASE(
    "The UI reaches the store through the workspace's stores and services, never its connection",
    "[core][source]")
{
    // Workspace::stores() hands out the stores built once with the store; the connection itself
    // (Storage::Database) is the storage layer's. A window that held it could run statements past
    // every store, or move it to a thread behind the import's back.
    const QStringList bad
        = offenders(sources(QStringLiteral("ui")),
                    QRegularExpression(QStringLiteral(
                        "(\\.|->)db\\(\\)|storage/database\\.h|Storage::Database\\b")));
    CHECK(bad.join(u'\n').toStdString() == "");
}

TEST_CASE("Outside the storage layer the stores are those the workspace built, never built again",
          "[core][source]")
{
    // Workspace::open builds one of each (Storage::Stores); a service, the command line or a
    // benchmark that built its own over the connection would be back to throw-away wrappers.
    // (The outbox is the one store built where it is read: it keeps its statements prepared.)
    const QStringList bad = offenders(
        sources(QStringLiteral("core/workflow")) + sources(QStringLiteral("core/intake"))
            + sources(QStringLiteral("core/sync")) + sources(QStringLiteral("core/export"))
            + sources(QStringLiteral("core/import")) + sources(QStringLiteral("core/planning"))
            + sources(QStringLiteral("core/demo")) + sources(QStringLiteral("core/access"))
            + sources(QStringLiteral("core/report")) + sources(QStringLiteral("app"))
            + sources(QStringLiteral("bench")) + sources(QStringLiteral("ui")),
        QRegularExpression(QStringLiteral(
            "\\b(HouseholdStore|OfficeStore|VisitStore|RiskStore|ReportStore|MetaStore|CrisisStore|"
            "FacilityStore|CheckinStore|CaseStore|AttachmentStore|UrgencyStore|ServiceStore|"
            "RoutePlanStore|StatsStore|FiguresStore|AssessmentStore|SettingStore|CounselingStore|"
            "SyncStateStore|"
            "ConflictRecords|QuarantineStore|PublishStore)(\\s+\\w+)?\\s*[({]\\s*[\\w.>*()-]*"
            "db\\b")));
    CHECK(bad.join(u'\n').toStdString() == "");
}

TEST_CASE("Korean text is never wrapped in QLatin1String", "[core][source]")
{
    // QLatin1String reads its bytes as Latin-1: Korean text inside never equals the real string.
    const QStringList bad = offenders(sources(QStringLiteral("core")) + sources(QStringLiteral("ui")) + sources(QStringLiteral("app")),
                                      QRegularExpression(QStringLiteral("QLatin1(String|Char)\\(\"[^\"]*[^\\x{0}-\\x{7F}]")));
    CHECK(bad.join(u'\n').toStdString() == "");
}
