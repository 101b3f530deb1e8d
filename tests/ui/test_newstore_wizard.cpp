// SPDX-License-Identifier: GPL-3.0-or-later
// 파일 › 새 저장소 and 저장소 열기: a new office's store made from the app, its first admin and
// team lead, and the window moving to another store.
#include "dialogs/accountsdialog.h"
#include "dialogs/passworddialog.h"
#include "dialogs/signindialog.h"
#include "geo/boundarycatalog.h"
#include "idlewatcher.h"
#include "newstore/newstorewizard.h"
#include "storage/accountstore.h"
#include "storage/officestore.h"
#include "storeswitcher.h"
#include "support/englishguard.h"
#include "support/testsupport.h"
#include "uitestsupport.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTimer>

using namespace VisitMap;

namespace {

const QString kAdminPassword = QStringLiteral("Office-admin-1");
const QString kLeadPassword = QStringLiteral("Office-lead-22");

template<typename T>
T *child(QWidget *w, const QString &name)
{
    T *c = w->findChild<T *>(name);
    REQUIRE(c);
    return c;
}

QAbstractButton *next(QWizard &w)
{
    return w.button(QWizard::NextButton);
}

void fillAccount(QWizard &w,
                 const QString &prefix,
                 const QString &name,
                 const QString &display,
                 const QString &password,
                 const QString &repeat)
{
    child<QLineEdit>(&w, prefix + QStringLiteral("Name"))->setText(name);
    child<QLineEdit>(&w, prefix + QStringLiteral("DisplayName"))->setText(display);
    child<QLineEdit>(&w, prefix + QStringLiteral("Password"))->setText(password);
    child<QLineEdit>(&w, prefix + QStringLiteral("Repeat"))->setText(repeat);
}

// Chooses 서울특별시 서대문구 on the office page.
void chooseSeodaemun(QWizard &w)
{
    child<QComboBox>(&w, QStringLiteral("sido"))->setCurrentText(QStringLiteral("서울특별시"));
    auto *sgg = child<QComboBox>(&w, QStringLiteral("sigungu"));
    sgg->setCurrentIndex(sgg->findData(QStringLiteral("11410")));
    REQUIRE(sgg->currentData().toString() == QStringLiteral("11410"));
}

// From the first page to the summary with good inputs (path empty: an existing store's wizard).
void walkToSummary(Ui::NewStoreWizard &w, const QString &path)
{
    if (!path.isEmpty()) {
        REQUIRE(w.currentId() == Ui::NewStoreWizard::WherePage);
        child<QLineEdit>(&w, QStringLiteral("storePath"))->setText(path);
        REQUIRE(next(w)->isEnabled());
        next(w)->click();
    }
    REQUIRE(w.currentId() == Ui::NewStoreWizard::OfficePage);
    chooseSeodaemun(w);
    next(w)->click();
    REQUIRE(w.currentId() == Ui::NewStoreWizard::AdminPage);
    fillAccount(w, QStringLiteral("admin"), QStringLiteral("office.admin"),
                QStringLiteral("정관리"), kAdminPassword, kAdminPassword);
    REQUIRE(next(w)->isEnabled());
    next(w)->click();
    REQUIRE(w.currentId() == Ui::NewStoreWizard::LeadPage);
    fillAccount(w, QStringLiteral("lead"), QStringLiteral("office.lead"), QStringLiteral("한팀장"),
                kLeadPassword, kLeadPassword);
    REQUIRE(next(w)->isEnabled());
    next(w)->click();
    REQUIRE(w.currentId() == Ui::NewStoreWizard::SummaryPage);
}

// Answers the sign-in dialog the window opens as the team lead, noting the name filled in.
void answerSignIn(const QString &password, QString *prefilled)
{
    QTimer::singleShot(50, [=] {
        auto *dialog = qobject_cast<Ui::SignInDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            answerSignIn(password, prefilled);
            return;
        }
        *prefilled = dialog->account();
        if (prefilled->isEmpty()) {
            dialog->reject(); // nobody was filled in: the test says so rather than waiting
            return;
        }
        for (QLineEdit *e : dialog->findChildren<QLineEdit *>()) {
            if (e->accessibleName() == QStringLiteral("비밀번호"))
                e->setText(password);
        }
        dialog->accept();
    });
}

// Waits for a modal dialog of type T and runs fn on it.
template<typename T>
void whenModal(std::function<void(T *)> fn)
{
    QTimer::singleShot(50, [fn] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog) {
            whenModal<T>(fn);
            return;
        }
        fn(dialog);
    });
}

QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

QAction *fileAction(Ui::MainWindow &window, const QString &text)
{
    for (QAction *a : window.menuBar()->findChildren<QAction *>()) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

} // namespace

TEST_CASE("The new-store wizard says in Korean why a password is refused and does not go on",
          "[ui][newstore]")
{
    Test::TempDir dir;
    Ui::NewStoreWizard w;
    w.show();
    child<QLineEdit>(&w, QStringLiteral("storePath"))
        ->setText(dir.path(QStringLiteral("office.visitmap")));
    next(w)->click();
    chooseSeodaemun(w);
    next(w)->click();
    REQUIRE(w.currentId() == Ui::NewStoreWizard::AdminPage);
    auto *message = child<QLabel>(&w, QStringLiteral("adminMessage"));

    fillAccount(w, QStringLiteral("admin"), QStringLiteral("office.admin"),
                QStringLiteral("정관리"), QStringLiteral("short1"), QStringLiteral("short1"));
    CHECK(message->text().contains(QStringLiteral("너무 짧거나 단순합니다")));
    CHECK_FALSE(next(w)->isEnabled());
    next(w)->click();
    CHECK(w.currentId() == Ui::NewStoreWizard::AdminPage);

    fillAccount(w, QStringLiteral("admin"), QStringLiteral("office.admin"),
                QStringLiteral("정관리"), QStringLiteral("Office.Admin"),
                QStringLiteral("Office.Admin"));
    CHECK(message->text().contains(QStringLiteral("계정 이름과 같습니다")));
    CHECK_FALSE(next(w)->isEnabled());

    fillAccount(w, QStringLiteral("admin"), QStringLiteral("office.admin"),
                QStringLiteral("정관리"), kAdminPassword, kAdminPassword + QStringLiteral("x"));
    CHECK(message->text().contains(QStringLiteral("서로 다릅니다")));
    CHECK_FALSE(next(w)->isEnabled());

    fillAccount(w, QStringLiteral("admin"), QStringLiteral("office.admin"),
                QStringLiteral("정관리"), kAdminPassword, kAdminPassword);
    CHECK(message->text().isEmpty());
    REQUIRE(next(w)->isEnabled());
    next(w)->click();

    // The lead is another person: the admin's name is refused.
    auto *leadMessage = child<QLabel>(&w, QStringLiteral("leadMessage"));
    fillAccount(w, QStringLiteral("lead"), QStringLiteral("office.admin"), QStringLiteral("한팀장"),
                kLeadPassword, kLeadPassword);
    CHECK(leadMessage->text().contains(QStringLiteral("관리자 계정과 다른 이름")));
    CHECK_FALSE(next(w)->isEnabled());
    CHECK(Test::EnglishGuard::englishWords(message->text() + leadMessage->text()).isEmpty());
    CHECK(filesIn(dir.path({})).isEmpty()); // nothing is written before the end
}

TEST_CASE(
    "A store made by the wizard holds its admin, its team lead over the whole 구 and the 구's "
    "boundaries, and the lead signs in",
    "[ui][newstore]")
{
    Test::TempDir dir;
    const QString path = dir.path(QStringLiteral("서대문 사무소/office.visitmap")); // folder made
    Ui::NewStoreWizard w;
    w.show();
    walkToSummary(w, path);
    const QString summary = child<QLabel>(&w, QStringLiteral("summary"))->text();
    CHECK(summary.contains(QStringLiteral("서울특별시 서대문구")));
    CHECK(summary.contains(QStringLiteral("시군구 전체")));
    w.button(QWizard::FinishButton)->click();
    REQUIRE(w.result() == QDialog::Accepted);
    CHECK(QFileInfo::exists(path));

    std::unique_ptr<Workspace> ws = w.takeWorkspace();
    REQUIRE(ws);
    CHECK(ws->session() == nullptr);
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM staff")) == 2);
    auto admin = ws->accounts().find(QStringLiteral("office.admin"));
    REQUIRE(admin);
    CHECK(admin->role == Role::Admin);
    CHECK(admin->displayName == QStringLiteral("정관리"));
    auto lead = ws->accounts().find(QStringLiteral("office.lead"));
    REQUIRE(lead);
    CHECK(lead->role == Role::TeamLead);
    CHECK(lead->grants == QStringList{QStringLiteral("11410")});

    const QList<Office> district
        = Geo::BoundaryCatalog::bundled().district(QStringLiteral("11410"));
    REQUIRE(district.size() > 10);
    auto offices = Storage::OfficeStore(ws->db()).all();
    REQUIRE(offices);
    REQUIRE(offices->size() == district.size());
    for (int i = 0; i < district.size(); ++i) {
        CHECK((*offices)[i].code == district[i].code);
        CHECK_FALSE((*offices)[i].boundary.isEmpty());
    }
    CHECK(ws->setting(StoreSetup::officeDistrictKey()) == QStringLiteral("11410"));

    REQUIRE_OK(ws->signIn(QStringLiteral("office.lead"), kLeadPassword));
    CHECK(ws->session()->offices.size() == district.size());
    CHECK(ws->session()->waitingForKeys.isEmpty()); // the lead made the office keys
    // No password went to the settings.
    QSettings settings;
    for (const QString &key : settings.allKeys()) {
        const QString value = settings.value(key).toString();
        CHECK_FALSE(value.contains(kLeadPassword));
        CHECK_FALSE(value.contains(kAdminPassword));
    }
}

TEST_CASE("A lead over some 행정동 only is granted those 행정동", "[ui][newstore]")
{
    Test::TempDir dir;
    const QString path = dir.path(QStringLiteral("part.visitmap"));
    Ui::NewStoreWizard w;
    w.show();
    child<QLineEdit>(&w, QStringLiteral("storePath"))->setText(path);
    next(w)->click();
    chooseSeodaemun(w);
    auto *dongs = child<QListWidget>(&w, QStringLiteral("dongList"));
    for (int i = 2; i < dongs->count(); ++i)
        dongs->item(i)->setCheckState(Qt::Unchecked);
    const QStringList two{dongs->item(0)->data(Qt::UserRole).toString(),
                          dongs->item(1)->data(Qt::UserRole).toString()};
    next(w)->click();
    fillAccount(w, QStringLiteral("admin"), QStringLiteral("office.admin"),
                QStringLiteral("정관리"), kAdminPassword, kAdminPassword);
    next(w)->click();
    fillAccount(w, QStringLiteral("lead"), QStringLiteral("office.lead"), QStringLiteral("한팀장"),
                kLeadPassword, kLeadPassword);
    next(w)->click();
    w.button(QWizard::FinishButton)->click();
    REQUIRE(w.result() == QDialog::Accepted);
    auto ws = w.takeWorkspace();
    auto lead = ws->accounts().find(QStringLiteral("office.lead"));
    REQUIRE(lead);
    CHECK(lead->grants == two);
    // The map still has the whole 구.
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM offices"))
          == Geo::BoundaryCatalog::bundled().district(QStringLiteral("11410")).size());
}

TEST_CASE("The new-store wizard refuses an existing file and leaves it byte-identical",
          "[ui][newstore]")
{
    Test::TempDir dir;
    const QString path = dir.path(QStringLiteral("taken.visitmap"));
    const QByteArray before("이 파일은 누군가의 것입니다\n");
    Test::writeFile(path, before);
    Ui::NewStoreWizard w;
    w.show();
    child<QLineEdit>(&w, QStringLiteral("storePath"))->setText(path);
    CHECK(child<QLabel>(&w, QStringLiteral("storePathMessage"))
              ->text()
              .contains(QStringLiteral("이미 있습니다")));
    CHECK_FALSE(next(w)->isEnabled());
    next(w)->click();
    CHECK(w.currentId() == Ui::NewStoreWizard::WherePage);

    // Made meanwhile (another program, between the first page and the end): still refused.
    const QString later = dir.path(QStringLiteral("later.visitmap"));
    walkToSummary(w, later);
    Test::writeFile(later, before);
    QString said;
    whenModal<QMessageBox>([&](QMessageBox *box) {
        said = box->text();
        box->accept();
    });
    w.button(QWizard::FinishButton)->click();
    CHECK(w.result() != QDialog::Accepted);
    CHECK(said.contains(QStringLiteral("덮어쓰지 않으니")));
    CHECK(Test::readAll(path) == before);
    CHECK(Test::readAll(later) == before);
    CHECK(filesIn(dir.path({})).size() == 2);
}

TEST_CASE("A new store that fails half-way leaves no file behind and says so in Korean",
          "[ui][newstore]")
{
    Test::TempDir dir;
    const QString path = dir.path(QStringLiteral("half.visitmap"));
    Ui::NewStoreWizard w;
    w.show();
    walkToSummary(w, path);
    bool fileWasMade = false;
    w.setStepHook([&](StoreSetup::Step step) {
        if (step != StoreSetup::Step::Lead)
            return true;
        fileWasMade = QFileInfo::exists(path); // the admin and the boundaries are in by now
        return false;
    });
    QString said;
    whenModal<QMessageBox>([&](QMessageBox *box) {
        said = box->text();
        box->accept();
    });
    w.button(QWizard::FinishButton)->click();
    CHECK(fileWasMade);
    CHECK(w.result() != QDialog::Accepted);
    CHECK(w.isVisible()); // the person may try again
    CHECK(said.contains(QStringLiteral("남기지 않았습니다")));
    CHECK(filesIn(dir.path({})).isEmpty());
    CHECK_FALSE(w.takeWorkspace());

    // And the same wizard then makes it.
    w.setStepHook({});
    w.button(QWizard::FinishButton)->click();
    CHECK(w.result() == QDialog::Accepted);
    CHECK(QFileInfo::exists(path));
}

TEST_CASE("파일 › 새 저장소 moves the window to the new store and asks its team lead to sign in",
          "[ui][newstore]")
{
    Test::TempDir dir;
    auto demo = Test::demoController(dir);
    REQUIRE_OK(
        demo->workspace()->setSetting(QStringLiteral("idle_lock_minutes"), QStringLiteral("5")));
    demo->signOut();
    REQUIRE_OK(demo->signIn(QStringLiteral("demo-lead"), QStringLiteral("visitmap-lead-demo")));
    Test::DemoWindow w(std::move(demo));
    REQUIRE(w.window.idleWatcher()->lock().idleMinutes() == 5);
    const QString path = dir.path(QStringLiteral("new-office.visitmap"));
    QAction *action = fileAction(w.window, QStringLiteral("새 저장소(&N)…"));
    REQUIRE(action);
    whenModal<Ui::NewStoreWizard>([&](Ui::NewStoreWizard *wizard) {
        walkToSummary(*wizard, path);
        wizard->button(QWizard::FinishButton)->click();
    });
    QString prefilled;
    answerSignIn(kLeadPassword, &prefilled);
    action->trigger();
    CHECK(prefilled == QStringLiteral("office.lead"));
    CHECK(QFileInfo(w.controller->storePath()) == QFileInfo(path));
    CHECK(w.controller->accountName() == QStringLiteral("office.lead"));
    CHECK_FALSE(w.controller->isDemo());
    CHECK(QFileInfo(QSettings().value(QStringLiteral("store/last")).toString()) == QFileInfo(path));
    CHECK(w.window.menuBar()->isEnabled());
    CHECK(w.window.idleWatcher()->lock().idleMinutes() == 15); // the new store's idle lock
}

TEST_CASE("저장소 열기 of a file that is not a store says so in Korean and keeps the current store",
          "[ui][newstore]")
{
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoLeadController(dir));
    const QString before = w.controller->storePath();
    const QString junk = dir.path(QStringLiteral("notes.visitmap"));
    const QByteArray bytes("household,kind\n1,visit\n");
    Test::writeFile(junk, bytes);
    QAction *action = fileAction(w.window, QStringLiteral("저장소 열기(&L)…"));
    REQUIRE(action);
    CHECK(action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_O));
    whenModal<QFileDialog>([&](QFileDialog *dialog) {
        // The name typed into the dialog's file name field, then 열기.
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        REQUIRE(name);
        name->setText(junk);
        static_cast<QDialog *>(dialog)->accept();
    });
    QString said;
    QTimer::singleShot(0, [&] {
        whenModal<QMessageBox>([&](QMessageBox *box) {
            said = box->text();
            box->accept();
        });
    });
    action->trigger();
    INFO(said.toStdString());
    CHECK(said.contains(QStringLiteral("복지방문지도 저장소로 열 수 없습니다")));
    CHECK(said.contains(QStringLiteral("그대로 열려 있습니다")));
    CHECK(Test::EnglishGuard::englishWords(said).isEmpty());
    CHECK(w.controller->storePath() == before);
    CHECK(w.controller->accountName() == QStringLiteral("demo-lead"));
    CHECK(Test::readAll(junk) == bytes);
}

TEST_CASE("Opening a store that has no account yet offers its first admin and team lead instead "
          "of a sign-in",
          "[ui][newstore]")
{
    Test::TempDir dir;
    const QString path = dir.path(QStringLiteral("init.visitmap"));
    Test::openStore(path).reset(); // as `visitmap-cli init` leaves it
    Test::DemoWindow w(Test::demoLeadController(dir));
    bool startedAtOffice = false;
    whenModal<Ui::NewStoreWizard>([&](Ui::NewStoreWizard *wizard) {
        startedAtOffice = wizard->currentId() == Ui::NewStoreWizard::OfficePage;
        walkToSummary(*wizard, {});
        wizard->button(QWizard::FinishButton)->click();
    });
    QString prefilled;
    answerSignIn(kLeadPassword, &prefilled);
    REQUIRE(w.window.storeSwitcher()->openStore(path));
    CHECK(startedAtOffice);
    CHECK(prefilled == QStringLiteral("office.lead"));
    CHECK(QFileInfo(w.controller->storePath()) == QFileInfo(path));
    CHECK(w.controller->accountName() == QStringLiteral("office.lead"));
    CHECK(Test::count(*w.controller->workspace(), QStringLiteral("SELECT COUNT(*) FROM staff"))
          == 2);
}

TEST_CASE("The password change and the accounts dialog name the password rule that was broken",
          "[ui][newstore][password]")
{
    Test::TempDir dir;
    auto controller = std::make_unique<Ui::WorkspaceController>();
    REQUIRE_OK(controller->open(Test::realStoreCopy(dir)));
    REQUIRE_OK(controller->signIn(QStringLiteral("admin1"), Test::adminPassword()));
    const auto said = [](QWidget &dialog) {
        QStringList texts;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            texts << l->text();
        return texts.join(u'\n');
    };

    Ui::PasswordDialog change(controller.get());
    const auto fields = change.findChildren<QLineEdit *>();
    REQUIRE(fields.size() == 3);
    for (QLineEdit *e : fields)
        e->setText(Test::adminPassword());
    change.accept();
    INFO(said(change).toStdString());
    CHECK(said(change).contains(QStringLiteral("지금 비밀번호와 같습니다")));

    Ui::AccountsDialog accounts(controller.get());
    accounts.show();
    QPushButton *add = nullptr;
    for (QPushButton *b : accounts.findChildren<QPushButton *>()) {
        if (b->text() == QStringLiteral("계정 추가…"))
            add = b;
    }
    REQUIRE(add);
    whenModal<QDialog>([](QDialog *d) {
        const auto edits = d->findChildren<QLineEdit *>();
        REQUIRE(edits.size() == 4); // 계정, 이름, 담당 구역, 초기 비밀번호
        edits[0]->setText(QStringLiteral("park.case"));
        edits[1]->setText(QStringLiteral("박복지"));
        edits[2]->setText(QStringLiteral("1141052000"));
        edits[3]->setText(QStringLiteral("Park.Case"));
        d->accept();
    });
    add->click();
    INFO(said(accounts).toStdString());
    CHECK(said(accounts).contains(QStringLiteral("계정 이름과 같습니다")));
    CHECK(Test::EnglishGuard::englishWords(said(accounts) + said(change)).isEmpty());
}

TEST_CASE("Cancelling the sign-in after moving to another store closes the window with nobody "
          "signed in",
          "[ui][newstore]")
{
    Test::TempDir dir;
    const QString other = Test::realStoreCopy(dir);
    Test::DemoWindow w(Test::demoLeadController(dir));
    whenModal<Ui::SignInDialog>([](Ui::SignInDialog *dialog) { dialog->reject(); });
    CHECK_FALSE(w.window.storeSwitcher()->openStore(other));
    QApplication::processEvents();
    CHECK_FALSE(w.window.isVisible());
    CHECK(w.controller->accountName().isEmpty());
    CHECK(QFileInfo(w.controller->storePath()) == QFileInfo(other));
}
