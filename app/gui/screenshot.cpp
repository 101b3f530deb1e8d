// SPDX-License-Identifier: GPL-3.0-or-later
// visitmap --screenshot: renders one view of the signed-in window offscreen to a PNG and exits.
// The tests and the documentation's pictures use it; a person never sees it.
#include "screenshot.h"

#include "dialogs/accesslogdialog.h"
#include "dialogs/assigndialog.h"
#include "dialogs/exportdialog.h"
#include "dialogs/plannerdialog.h"
#include "dialogs/recorddialogs.h"
#include "dialogs/visitdialog.h"
#include "dialogs/workloaddialog.h"
#include "mainwindow.h"
#include "map/mapwidget.h"
#include "planning/dayplanner.h"
#include "sync/syncdialogs.h"
#include "widgets/householdpanel.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QGroupBox>
#include <QPixmap>
#include <QTextStream>

namespace VisitMap::GuiApp {

namespace {

int failed(const QString &message)
{
    QTextStream(stderr) << "error: " << message << Qt::endl;
    return 1;
}

} // namespace

int renderScreenshot(Ui::MainWindow &window, Ui::WorkspaceController &controller, const QCommandLineParser &parser)
{
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
            return failed(QObject::tr("cannot open household %1").arg(id));
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
            return failed(planner->summary());
        QApplication::processEvents();
        if (parser.isSet(QStringLiteral("route-sheet"))) {
            if (auto ok = planner->printSheets(parser.value(QStringLiteral("route-sheet")), QObject::tr("화면 확인"), false); !ok)
                return failed(ok.error().toString());
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
            return failed(QObject::tr("cannot open household %1").arg(view.mid(10)));
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
        return failed(QObject::tr("cannot write %1").arg(out));
    QTextStream(stdout) << "screenshot " << out << Qt::endl;
    return 0;
}

} // namespace VisitMap::GuiApp
