// SPDX-License-Identifier: GPL-3.0-or-later
// visitmap: the desktop workstation. Wiring only: parse the command line, open the store, sign in,
// show the main window (or render one view offscreen with --screenshot, in screenshot.cpp).
#include "demo/demogenerator.h"
#include "errortext.h"
#include "dialogs/signindialog.h"
#include "mainwindow.h"
#include "screenshot.h"
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
    if (screenshot)
        return GuiApp::renderScreenshot(window, controller, parser);
    window.restoreLayout();
    window.show();
    return app.exec();
}
