// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing but SQLite opens the store's files in the app's process (a file dialog in the store's
// folder neither shows nor reads them); a store another program has open is named in a dialog
// that can wait for it; a household read that fails is an error on the map, not an empty map.
#include "filedialogs.h"
#include "map/mapwidget.h"
#include "storage/database.h"
#include "storage/storelock.h"
#include "storeopener.h"
#include "support/testsupport.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QListView>
#include <QMessageBox>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTimer>
#include <sys/inotify.h>
#include <unistd.h>

using namespace VisitMap;

namespace {

// Every file of a folder that anything (this process included) opens while it watches.
class OpenWatch
{
public:
    explicit OpenWatch(const QString &folder)
        : m_fd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC))
    {
        inotify_add_watch(m_fd, QFile::encodeName(folder).constData(), IN_OPEN);
    }
    ~OpenWatch() { ::close(m_fd); }
    QStringList opened()
    {
        alignas(inotify_event) char buffer[8192];
        for (;;) {
            const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
            if (n <= 0)
                break;
            for (ssize_t at = 0; at < n;) {
                const auto *e = reinterpret_cast<const inotify_event *>(buffer + at);
                if (e->len > 0)
                    m_opened << QString::fromLocal8Bit(e->name);
                at += ssize_t(sizeof(inotify_event) + e->len);
            }
        }
        return m_opened;
    }

private:
    int m_fd;
    QStringList m_opened;
};

// Shows a dialog on the folder, lets its model load and gather file details, and returns the
// names it lists.
QStringList listed(QFileDialog &dialog)
{
    auto *model = dialog.findChild<QFileSystemModel *>();
    REQUIRE(model);
    QSignalSpy loaded(model, &QFileSystemModel::directoryLoaded);
    dialog.show();
    if (loaded.isEmpty())
        loaded.wait(5000);
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 1500)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    auto *view = dialog.findChild<QListView *>(QStringLiteral("listView"));
    REQUIRE(view);
    QStringList names;
    for (int r = 0; r < view->model()->rowCount(view->rootIndex()); ++r)
        names << view->model()->index(r, 0, view->rootIndex()).data().toString();
    return names;
}

bool anyStoreFile(const QStringList &names)
{
    for (const QString &n : names)
        if (n.contains(QStringLiteral(".visitmap")))
            return true;
    return false;
}

// Another program holding the store: the visit loop helper, once it logged its first visit.
struct OtherOwner
{
    QProcess process;
    explicit OtherOwner(const QString &store)
    {
        QString household;
        {
            auto ws = Test::openStore(store);
            household
                = ws->db().scalar(QStringLiteral("SELECT id FROM households LIMIT 1"))->toString();
        }
        process.start(QStringLiteral(VISITMAP_VISITLOOP_PATH), {store, household});
        REQUIRE(process.waitForStarted());
        REQUIRE(process.waitForReadyRead(60000));
    }
    ~OtherOwner()
    {
        process.kill();
        process.waitForFinished();
    }
};

// Runs `act` on the first application-modal widget of the given type and name that shows up.
template<typename W>
void whenShown(const QString &name, std::function<void(W *)> act)
{
    auto *timer = new QTimer(qApp);
    QObject::connect(timer, &QTimer::timeout, [timer, name, act] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *typed = qobject_cast<W *>(w);
            if (typed && typed->isVisible() && typed->objectName() == name) {
                timer->stop();
                timer->deleteLater();
                act(typed);
                return;
            }
        }
    });
    timer->start(50);
}

} // namespace

TEST_CASE("A file dialog in the store's folder neither lists nor opens the store's files",
          "[ui][filedialog]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir);
    const QString store = controller->storePath();
    Test::writeFile(dir.path(QStringLiteral("명단.csv")), "a,b\n1,2\n");
    Test::writeFile(dir.path(QStringLiteral("notes")), "plain words\n");
    REQUIRE(QFile::exists(store + QStringLiteral("-wal")));
    REQUIRE(QFile::exists(store + QStringLiteral(".lock")));
    const QString folder = QFileInfo(store).absolutePath();
    OpenWatch watch(folder);
    QFileDialog dialog(nullptr, QStringLiteral("파일 선택"), folder, QStringLiteral("모든 파일 (*)"));
    Ui::FileDialogs::configure(dialog);
    const QStringList names = listed(dialog);
    INFO(names.join(u' ').toStdString());
    CHECK(names.contains(QStringLiteral("명단.csv")));
    CHECK(names.contains(QStringLiteral("notes")));
    CHECK_FALSE(anyStoreFile(names));
    const QStringList opened = watch.opened();
    INFO("opened: " << opened.join(u' ').toStdString());
    CHECK_FALSE(anyStoreFile(opened));
    CHECK(Ui::FileDialogs::isStoreFile(store));
    CHECK(Ui::FileDialogs::isStoreFile(store + QStringLiteral("-shm")));
    CHECK(Ui::FileDialogs::isStoreFile(store + QStringLiteral(".lock")));
    CHECK_FALSE(Ui::FileDialogs::isStoreFile(dir.path(QStringLiteral("명단.csv"))));
}

TEST_CASE("A store another program has open is named in a dialog and 취소 opens nothing",
          "[ui][storelock]")
{
    Test::TempDir dir;
    const QString store = Test::demoStoreCopy(dir);
    OtherOwner other(store);
    QString text;
    whenShown<QMessageBox>(QStringLiteral("storeBusy"), [&](QMessageBox *box) {
        text = box->text() + QLatin1Char('\n') + box->informativeText();
        for (QAbstractButton *b : box->buttons())
            if (b->text() == QStringLiteral("취소"))
                b->click();
    });
    auto ws = Ui::StoreOpener::open(store, Workspace::OpenMode::ExistingOnly);
    INFO(text.toStdString());
    REQUIRE_FALSE(ws);
    CHECK(ws.error().code == ErrorCode::Cancelled);
    CHECK(text.contains(QStringLiteral("다른 프로그램이 이 저장소를 사용 중입니다")));
    CHECK(text.contains(QStringLiteral("프로세스 %1").arg(other.process.processId())));
    CHECK(text.contains(QSysInfo::machineHostName()));
}

TEST_CASE("기다리기 waits until the other program closes the store, then opens it",
          "[ui][storelock]")
{
    Test::TempDir dir;
    const QString store = Test::demoStoreCopy(dir);
    auto other = std::make_unique<OtherOwner>(store);
    bool waited = false;
    whenShown<QMessageBox>(QStringLiteral("storeBusy"), [&](QMessageBox *box) {
        for (QAbstractButton *b : box->buttons())
            if (b->text() == QStringLiteral("기다리기"))
                b->click();
    });
    whenShown<QProgressDialog>(QStringLiteral("storeWait"), [&](QProgressDialog *) {
        waited = true;
        QTimer::singleShot(500, [&] { other.reset(); }); // the other program ends
    });
    auto ws = Ui::StoreOpener::open(store, Workspace::OpenMode::ExistingOnly);
    REQUIRE(ws);
    CHECK(waited);
    CHECK_FALSE(other);
}

TEST_CASE("A household read that fails shows an error on the map instead of an empty district",
          "[ui][map]")
{
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoController(dir));
    Ui::MapWidget *map = w.window.map();
    map->waitForIndex();
    REQUIRE(map->households().size() == std::size_t(Test::demoHouseholds));
    CHECK_FALSE(map->households().loadError());
    // The worker's own connection cannot open the store now (moved away under the app).
    const QString store = w.controller->storePath();
    REQUIRE(QFile::rename(store, store + QStringLiteral(".moved")));
    w.controller->reloadAll();
    map->waitForIndex();
    QApplication::processEvents();
    REQUIRE(map->households().loadError());
    CHECK(map->households().loadErrorText().contains(QStringLiteral("가구 정보를 읽지 못해")));
    CHECK(w.window.statusBar()->currentMessage().contains(QStringLiteral("가구 정보를 읽지 못해")));
    // The words are on the map itself.
    const QImage shot = map->grab().toImage();
    int dark = 0;
    const QRect middle(shot.width() / 2 - 200, shot.height() / 2 - 20, 400, 40);
    for (int y = middle.top(); y < middle.bottom(); ++y)
        for (int x = middle.left(); x < middle.right(); ++x)
            dark += shot.pixelColor(x, y).lightness() < 90;
    CHECK(dark > 50);
    REQUIRE(QFile::rename(store + QStringLiteral(".moved"), store));
}
