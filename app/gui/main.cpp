// SPDX-License-Identifier: GPL-3.0-or-later
// visitmap: the desktop workstation. Wiring only: parse the command line, open the store, sign in,
// show the main window (or render one view offscreen with --screenshot).
#include "demo/demogenerator.h"
#include "dialogs/accesslogdialog.h"
#include "dialogs/assigndialog.h"
#include "dialogs/exportdialog.h"
#include "dialogs/recorddialogs.h"
#include "dialogs/visitdialog.h"
#include "dialogs/plannerdialog.h"
#include "planning/dayplanner.h"
#include "widgets/householdpanel.h"
#include "dialogs/workloaddialog.h"
#include "errortext.h"
#include "dialogs/signindialog.h"
#include "mainwindow.h"
#include "sync/syncdialogs.h"
#include "map/mapwidget.h"
#include "security/crypto.h"
#include "storage/storelock.h"
#include "storeopener.h"
#include "storeswitcher.h"
#include "theme.h"
#include "translation.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QProgressDialog>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>
#include <QGroupBox>
#include <QTimer>
#include <cstdio>

using namespace VisitMap;

namespace {

QString demoStorePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("demo-seodaemun.visitmap"));
}

// The bundled demo district, generated on first use.
Result<QString> ensureDemoStore(bool interactive)
{
    const QString path = demoStorePath();
    if (QFileInfo::exists(path))
        return path;
    std::unique_ptr<QProgressDialog> progress;
    if (interactive) {
        progress = std::make_unique<QProgressDialog>(
            QObject::tr("데모 지역(서대문구)을 만드는 중…"), QObject::tr("취소"), 0, 100);
        progress->setMinimumDuration(300);
        progress->setWindowModality(Qt::ApplicationModal);
    }
    Demo::DemoOptions options;
    options.progress = [&](int done, int total) {
        if (progress) {
            progress->setValue(int(100.0 * done / std::max(1, total)));
            QCoreApplication::processEvents();
            return !progress->wasCanceled();
        }
        return true;
    };
    auto summary = Demo::DemoGenerator::generate(path, options);
    if (!summary)
        return fail(summary.error());
    return path;
}

int fatal(const QString &message, bool gui)
{
    QTextStream(stderr) << "error: " << message << Qt::endl;
    if (gui)
        QMessageBox::critical(nullptr, QObject::tr("복지방문지도"), message);
    return 1;
}

// A failure from core: its English on the command line, Korean words by its code in the window.
int fatal(const Error &error, bool gui)
{
    QTextStream(stderr) << "error: " << error.toString() << Qt::endl;
    if (gui)
        QMessageBox::critical(
            nullptr, QObject::tr("복지방문지도"),
            Ui::ErrorText::describe(QObject::tr("복지방문지도를 시작하지 못했습니다."), error));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    // --screenshot renders offscreen even without a display.
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--screenshot") == 0 && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    Ui::Translation::installKorean(); // Qt's own buttons and dialogs in Korean too
    QApplication::setApplicationName(QStringLiteral("visitmap"));
    QApplication::setApplicationDisplayName(QObject::tr("복지방문지도"));
    QApplication::setOrganizationName(QStringLiteral("VisitMap"));
    QApplication::setApplicationVersion(QStringLiteral(VISITMAP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("visitmap"));
    Security::initialiseCrypto();
    Ui::Theme::applyApplicationStyle();

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("복지방문지도 — welfare visit map workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("db"), QObject::tr("The local store to open."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("demo"), QObject::tr("Open the bundled synthetic demo district.")});
    parser.addOption({QStringLiteral("user"), QObject::tr("Sign in as this account (password from "
                                                          "$VISITMAP_PASSWORD)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("screenshot"), QObject::tr("Render one view to a PNG and exit."),
                      QStringLiteral("OUT.png")});
    parser.addOption({QStringLiteral("size"), QObject::tr("Window size for --screenshot (default "
                                                          "1600x1000)."),
                      QStringLiteral("WxH"), QStringLiteral("1600x1000")});
    parser.addOption({QStringLiteral("view"), QObject::tr("For --screenshot: map (default), list, lock, access-log, "
                                                          "export, workload, assign, intake[:ID], planner, planner-dialog, sync, conflicts, household:ID or "
                                                          "dialog:visit|needs|note|service|risk:ID."),
                      QStringLiteral("VIEW"), QStringLiteral("map")});
    parser.addOption({QStringLiteral("route-sheet"), QObject::tr("With --view planner: also print the plan's route sheets "
                                                                 "to this PDF (logged as a print)."),
                      QStringLiteral("OUT.pdf")});
    parser.addOption({QStringLiteral("zoom"), QObject::tr("For --screenshot of the map: the zoom (5-20)."),
                      QStringLiteral("Z")});
    parser.addOption({QStringLiteral("center"), QObject::tr("For --screenshot of the map: the centre as LON,LAT."),
                      QStringLiteral("LON,LAT")});
    parser.addOption({QStringLiteral("layers"), QObject::tr("For --screenshot of the map: comma-separated "
                                                            "choropleth, noclusters, nofacilities, notiles, "
                                                            "select-high (selects the visible high-risk households)."),
                      QStringLiteral("LIST")});
    parser.process(app);

    const bool screenshot = parser.isSet(QStringLiteral("screenshot"));
    QString path = parser.value(QStringLiteral("db"));
    if (parser.isSet(QStringLiteral("demo")) || (path.isEmpty() && !screenshot)) {
        if (path.isEmpty() && !parser.isSet(QStringLiteral("demo")))
            path = QSettings().value(QStringLiteral("store/last")).toString();
        if (path.isEmpty() || !QFileInfo::exists(path)) {
            auto demo = ensureDemoStore(!screenshot);
            if (!demo)
                return fatal(demo.error(), !screenshot);
            path = *demo;
        }
    }
    if (path.isEmpty()) {
        QTextStream(stderr) << "usage error: --screenshot needs --db FILE or --demo" << Qt::endl;
        return 2;
    }
    // One program owns a store at a time: when another has it open, the person is told who and
    // may wait for it (a screenshot run just fails, naming the holder).
    Storage::StoreLock::setProgram(QStringLiteral("visitmap"));
    auto ws = screenshot ? Workspace::open(path, Workspace::OpenMode::ExistingOnly)
                         : Ui::StoreOpener::open(path, Workspace::OpenMode::ExistingOnly);
    if (!ws && ws.error().code == ErrorCode::Cancelled)
        return 0;
    if (!ws)
        return fatal(ws.error(), !screenshot);
    Ui::WorkspaceController controller;
    controller.adopt(std::move(*ws));

    const QString user = parser.value(QStringLiteral("user"));
    // --user without a password asks for it: an empty password would spend one of the tries.
    const bool havePassword = qEnvironmentVariableIsSet("VISITMAP_PASSWORD");
    if (!user.isEmpty() && !havePassword && screenshot)
        return fatal(QObject::tr("--user needs the password in $VISITMAP_PASSWORD"), false);
    if (!user.isEmpty() && havePassword) {
        auto ok = controller.signIn(user, QString::fromUtf8(qgetenv("VISITMAP_PASSWORD")));
        if (!ok)
            return fatal(ok.error().toString(), !screenshot);
    } else if (screenshot) {
        if (!controller.isDemo())
            return fatal(QObject::tr("this store needs an account: --user NAME with the password "
                                     "in $VISITMAP_PASSWORD"),
                         false);
        if (auto ok = controller.signInDemo(); !ok)
            return fatal(ok.error().toString(), false);
    } else {
        // A store made by `visitmap-cli init` has nobody who could sign in: its first admin and
        // team lead come first (cancelling leaves it as it was).
        const std::optional<QString> prepared
            = Ui::StoreSwitcher::prepareAccounts(*controller.workspace(), nullptr);
        if (!prepared)
            return 0;
        Ui::SignInDialog dialog(&controller);
        if (!user.isEmpty())
            dialog.setAccount(user);
        else if (!prepared->isEmpty())
            dialog.setAccount(*prepared);
        if (dialog.exec() != QDialog::Accepted)
            return 0;
    }
    QSettings().setValue(QStringLiteral("store/last"), path);

    Ui::MainWindow window(&controller);
    if (screenshot) {
        const QStringList wh = parser.value(QStringLiteral("size")).split(u'x');
        const QSize size(wh.value(0).toInt(), wh.value(1).toInt());
        if (!size.isValid() || size.width() < 320 || size.height() < 240) {
            QTextStream(stderr) << "usage error: --size must be WxH, at least 320x240" << Qt::endl;
            return 2;
        }
        const QString view = parser.value(QStringLiteral("view"));
        static const QStringList views{QStringLiteral("map"), QStringLiteral("list"),
                                       QStringLiteral("lock"), QStringLiteral("access-log"),
                                       QStringLiteral("export"), QStringLiteral("workload"), QStringLiteral("assign"),
                                       QStringLiteral("planner"), QStringLiteral("planner-dialog"),
                                       QStringLiteral("sync"), QStringLiteral("conflicts")};
        const bool householdView = view.startsWith(QLatin1String("household:"));
        const bool intakeView = view == QLatin1String("intake") || view.startsWith(QLatin1String("intake:"));
        const bool dialogView = view.startsWith(QLatin1String("dialog:"));
        if (!views.contains(view) && !householdView && !dialogView && !intakeView) {
            QTextStream(stderr) << "usage error: --view must be one of " << views.join(u'|')
                                << "|intake[:ID]|household:ID|dialog:KIND:ID" << Qt::endl;
            return 2;
        }
        window.resize(size);
        window.focusView(view);
        window.show();
        QApplication::processEvents();
        window.map()->fitToData();
        QApplication::processEvents();
        window.map()->waitForIndex();
        {
            Ui::MapWidget *map = window.map();
            Geo::Viewport vp = map->viewport();
            if (parser.isSet(QStringLiteral("center"))) {
                const QStringList c = parser.value(QStringLiteral("center")).split(u',');
                bool okLon = false, okLat = false;
                const double lon = c.value(0).toDouble(&okLon), lat = c.value(1).toDouble(&okLat);
                if (c.size() != 2 || !okLon || !okLat) {
                    QTextStream(stderr) << "usage error: --center must be LON,LAT" << Qt::endl;
                    return 2;
                }
                vp = Geo::Viewport::centredOn(QGeoCoordinate(lat, lon), vp.zoom(), vp.size(), vp.devicePixelRatio());
            }
            if (parser.isSet(QStringLiteral("zoom"))) {
                bool okZoom = false;
                const double z = parser.value(QStringLiteral("zoom")).toDouble(&okZoom);
                if (!okZoom || z < Geo::Viewport::minZoom || z > Geo::Viewport::maxZoom) {
                    QTextStream(stderr) << "usage error: --zoom must be 5-20" << Qt::endl;
                    return 2;
                }
                vp = vp.withZoom(z);
            }
            map->setViewport(vp);
            Ui::MapRenderer::Layers layers = map->layers();
            const QStringList names = parser.value(QStringLiteral("layers")).split(u',', Qt::SkipEmptyParts);
            bool selectHigh = false;
            for (const QString &n : names) {
                if (n == QLatin1String("choropleth"))
                    layers.choropleth = true;
                else if (n == QLatin1String("noclusters"))
                    layers.clustered = false;
                else if (n == QLatin1String("nofacilities"))
                    layers.facilities = false;
                else if (n == QLatin1String("notiles"))
                    layers.tiles = false;
                else if (n == QLatin1String("select-high"))
                    selectHigh = true;
                else {
                    QTextStream(stderr) << "usage error: unknown layer " << n << Qt::endl;
                    return 2;
                }
            }
            map->setLayers(layers);
            if (selectHigh) {
                // Select the visible high-risk households, as a lead would with the lasso.
                const QRectF all(QPointF(0, 0), map->size());
                QList<qint64> high;
                for (const qint64 id : map->households().householdsIn(map->viewport(), QPolygonF(all))) {
                    const auto idx = map->households().index();
                    if (idx->tier(idx->findKey(id)) == RiskTier::High)
                        high << id;
                }
                map->setSelection(high);
                window.selectRowsInList(high);
            }
            QApplication::processEvents();
        }
        const QString out = parser.value(QStringLiteral("screenshot"));
        QPixmap shot;
        if (dialogView) {
            // dialog:visit|needs|note|service|risk:HOUSEHOLD_ID
            const QString kind = view.section(u':', 1, 1), id = view.section(u':', 2);
            if (!window.openHousehold(id))
                return fatal(QObject::tr("cannot open household %1").arg(id), false);
            std::unique_ptr<QDialog> dialog;
            if (kind == QLatin1String("visit")) {
                auto d = std::make_unique<Ui::VisitDialog>(&controller, window.undoStack(), id, &window);
                d->needsBox()->setChecked(true);
                dialog = std::move(d);
            } else if (kind == QLatin1String("needs")) {
                dialog = std::make_unique<Ui::NeedsDialog>(&controller, window.undoStack(), id, &window);
            } else if (kind == QLatin1String("note")) {
                dialog = std::make_unique<Ui::NoteDialog>(&controller, window.undoStack(), id, &window);
            } else if (kind == QLatin1String("service")) {
                dialog = std::make_unique<Ui::ServiceLinkDialog>(&controller, window.undoStack(), id, &window);
            } else if (kind == QLatin1String("risk")) {
                const Household &h = window.householdPanel()->view()->household;
                dialog = std::make_unique<Ui::RiskDialog>(&controller, window.undoStack(), id, h.computedTier,
                                                          h.tierOverride, h.overrideReason, &window);
            } else {
                QTextStream(stderr) << "usage error: unknown dialog " << kind << Qt::endl;
                return 2;
            }
            dialog->show();
            QApplication::processEvents();
            shot = dialog->grab();
        } else if (view == QLatin1String("planner") || view == QLatin1String("planner-dialog")) {
            // A 3-team day for the high-risk households of the 동 with the most of them.
            Ui::PlannerDialog *planner = window.openPlanner();
            QString busiest;
            int most = -1;
            for (const Office &o : controller.offices()) {
                auto ids = Routing::DayPlanner(*controller.workspace()).select(QStringLiteral("high"), o.code);
                if (ids && int(ids->size()) > most) {
                    most = int(ids->size());
                    busiest = o.code;
                }
            }
            planner->setSource(Ui::PlannerDialog::Source::High, busiest);
            planner->setTeams(3);
            if (!planner->solve())
                return fatal(planner->summary(), false);
            QApplication::processEvents();
            if (parser.isSet(QStringLiteral("route-sheet"))) {
                if (auto ok = planner->printSheets(parser.value(QStringLiteral("route-sheet")), QObject::tr("화면 확인"), false); !ok)
                    return fatal(ok.error().toString(), false);
            }
            shot = view == QLatin1String("planner") ? window.grab() : planner->grab();
        } else if (view == QLatin1String("sync") || view == QLatin1String("conflicts")) {
            QDialog *d = view == QLatin1String("sync") ? static_cast<QDialog *>(window.openSync())
                                                       : static_cast<QDialog *>(window.openConflicts());
            QApplication::processEvents();
            shot = d->grab();
        } else if (intakeView) {
            // The queue with an item selected (the first, or the one named) and its candidates.
            window.showIntake(view.section(u':', 1));
            QApplication::processEvents();
            shot = window.grab();
        } else if (householdView) {
            if (!window.openHousehold(view.mid(10)))
                return fatal(QObject::tr("cannot open household %1").arg(view.mid(10)), false);
            QApplication::processEvents();
            shot = window.grab();
        } else if (view == QLatin1String("lock")) {
            window.lock();
            QApplication::processEvents();
            shot = window.grab();
        } else if (view == QLatin1String("access-log") || view == QLatin1String("export")
                   || view == QLatin1String("workload") || view == QLatin1String("assign")) {
            std::unique_ptr<QDialog> dialog;
            if (view == QLatin1String("access-log"))
                dialog = std::make_unique<Ui::AccessLogDialog>(&controller, &window);
            else if (view == QLatin1String("assign"))
                dialog = std::make_unique<Ui::AssignDialog>(&controller, window.undoStack(),
                                                            QStringList{QStringLiteral("-")}, &window);
            else if (view == QLatin1String("workload"))
                dialog = std::make_unique<Ui::WorkloadDialog>(&controller, &window);
            else
                dialog = std::make_unique<Ui::ExportDialog>(&controller, &window);
            dialog->show();
            QApplication::processEvents();
            shot = dialog->grab();
        } else {
            shot = window.grab();
        }
        if (!shot.save(out))
            return fatal(QObject::tr("cannot write %1").arg(out), false);
        QTextStream(stdout) << "screenshot " << out << Qt::endl;
        return 0;
    }
    window.restoreLayout();
    window.show();
    return app.exec();
}
