// SPDX-License-Identifier: GPL-3.0-or-later
// Every text a person reads is Korean: Qt's own buttons, core's failures turned into words by
// their code, sync failures by their kind, and the guard that checks every dialog of the suite.
#include "support/englishguard.h"
#include "uitestsupport.h"

#include "commands/householdcommands.h"
#include "dialogs/accesslogdialog.h"
#include "dialogs/passworddialog.h"
#include "errortext.h"
#include "koreandate.h"
#include "plaintext.h"
#include "sync/syncdialogs.h"
#include "sync/syncerrortext.h"
#include "workflow/casework.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTableWidget>
#include <QTextDocumentFragment>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace VisitMap;
using Test::EnglishGuard;

namespace {

QString syncStatusLine(Ui::MainWindow &w)
{
    for (QLabel *l : w.statusBar()->findChildren<QLabel *>()) {
        if (l->accessibleName() == QStringLiteral("동기화 상태"))
            return l->text();
    }
    return {};
}

// A port on this computer that something listens on and, like a PostgreSQL server without TLS,
// answers a client's request for a secure connection with a byte that is not 'S' or 'N' (so
// libpq says "received invalid response to SSL negotiation"). It answers one client.
class NoTlsServer
{
public:
    NoTlsServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
        socklen_t len = sizeof a;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&a), &len);
        m_port = ntohs(a.sin_port);
        ::listen(m_fd, 4);
        m_thread = std::thread([fd = m_fd] {
            const int client = ::accept(fd, nullptr, nullptr);
            if (client < 0)
                return;
            char request[8];
            (void)::recv(client, request, sizeof request, MSG_WAITALL);
            (void)::send(client, "X", 1, 0);
            ::usleep(200 * 1000);
            ::close(client);
        });
    }
    ~NoTlsServer()
    {
        ::shutdown(m_fd, SHUT_RDWR);
        ::close(m_fd);
        m_thread.join();
    }
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
    std::thread m_thread;
};

// A port nothing listens on.
int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

// Runs a sync in the window's dialog against this server address; returns what it says.
QString syncAgainst(Test::DemoWindow &w, const QString &server)
{
    Ui::SyncDialog *dialog = w.window.openSync();
    auto fields = dialog->findChildren<QLineEdit *>();
    REQUIRE(fields.size() == 2);
    fields[0]->setText(server);
    fields[1]->setText(QStringLiteral("some-password-1"));
    CHECK_FALSE(dialog->start());
    const QString said = dialog->resultText();
    dialog->close();
    return said;
}

} // namespace

TEST_CASE(
    "Qt's own buttons read Korean: OK and Cancel are 확인 and 취소, Yes and No are 예 and 아니요",
    "[ui][korean]")
{
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    CHECK(buttons.button(QDialogButtonBox::Ok)->text().remove(u'&') == QStringLiteral("확인"));
    CHECK(buttons.button(QDialogButtonBox::Cancel)->text().remove(u'&') == QStringLiteral("취소"));

    QMessageBox box(QMessageBox::Question, QStringLiteral("계정 삭제"),
                    QStringLiteral("삭제할까요?"),
                    QMessageBox::Yes | QMessageBox::No | QMessageBox::Close);
    CHECK(box.button(QMessageBox::Yes)->text().remove(u'&').startsWith(QStringLiteral("예")));
    CHECK(box.button(QMessageBox::No)->text().remove(u'&').startsWith(QStringLiteral("아니요")));
    CHECK(box.button(QMessageBox::Close)->text().remove(u'&').startsWith(QStringLiteral("닫기")));
    // Dates and numbers read Korean too.
    CHECK(QLocale().language() == QLocale::Korean);
    CHECK(QLocale().dayName(3, QLocale::ShortFormat) == QStringLiteral("수"));
}

TEST_CASE("The English guard finds core's English in a message box and lets Korean with names pass",
          "[ui][korean]")
{
    CHECK(EnglishGuard::englishWords(QStringLiteral("cannot connect to the central store"))
          == QStringList{QStringLiteral("cannot"), QStringLiteral("connect"), QStringLiteral("the"),
                         QStringLiteral("central"), QStringLiteral("store")});
    CHECK(EnglishGuard::englishWords(QStringLiteral("Network가 끊겼습니다"))
          == QStringList{QStringLiteral("Network")});
    // File names, paths, account names, formats and codes are not English words.
    CHECK(EnglishGuard::englishWords(
              QStringLiteral("households.csv 12행: /tmp/지도/out.png 파일을 "
                             "demo-lead 계정이 PDF와 CSV로 저장 (sslmode=require)"))
              .isEmpty());

    // A box that shows core's English text is recorded, with the dialog's title.
    (void)EnglishGuard::instance().take();
    QTimer::singleShot(0, [] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible())
                box->accept();
        }
    });
    Ui::PlainText::warning(nullptr, QStringLiteral("지도 저장"),
                           QStringLiteral("cannot write /tmp/x.png: Permission denied"));
    const QStringList found = EnglishGuard::instance().take();
    REQUIRE(found.size() == 1);
    CHECK(found[0].contains(QStringLiteral("지도 저장")));
    CHECK(found[0].contains(QStringLiteral("cannot write")));

    // The same failure in words by its code passes.
    QTimer::singleShot(0, [] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible())
                box->accept();
        }
    });
    Ui::PlainText::warning(
        nullptr, QStringLiteral("지도 저장"),
        Ui::ErrorText::describe(
            Error{ErrorCode::Io, QStringLiteral("cannot write"), QStringLiteral("/tmp/x.png"), 0}));
    CHECK(EnglishGuard::instance().take().isEmpty());
}

TEST_CASE("Every core error code has Korean words and no English", "[ui][korean]")
{
    for (int c = int(ErrorCode::Io); c <= int(ErrorCode::Internal); ++c) {
        const QString words = Ui::ErrorText::forCode(ErrorCode(c));
        INFO(c << " " << words.toStdString());
        CHECK_FALSE(words.isEmpty());
        CHECK(EnglishGuard::englishWords(words).isEmpty());
    }
    for (int k = 1; k <= int(Sync::CentralFailure::NotStaff); ++k) {
        const QString words = Ui::SyncErrorText::forFailure(Sync::CentralFailure(k));
        INFO(k << " " << words.toStdString());
        CHECK_FALSE(words.isEmpty());
        CHECK(EnglishGuard::englishWords(words).isEmpty());
        const QString brief = Ui::SyncErrorText::brief(Sync::CentralFailure(k));
        CHECK_FALSE(brief.isEmpty());
        CHECK(EnglishGuard::englishWords(brief).isEmpty());
    }
}

TEST_CASE("A sync to a server that refuses a secure connection says so in Korean, not the driver's "
          "English",
          "[ui][korean][sync]")
{
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoController(dir));
    NoTlsServer server;
    const QString said
        = syncAgainst(w, QStringLiteral("host=127.0.0.1 port=%1 dbname=visitmap sslmode=require")
                             .arg(server.port()));
    INFO(said.toStdString());
    CHECK(said.contains(QStringLiteral("보안 연결")));
    CHECK_FALSE(said.contains(QStringLiteral("SSL negotiation")));
    CHECK(EnglishGuard::englishWords(said).isEmpty());
    // The status bar keeps the kind of failure, in the same words.
    const QString line = QTextDocumentFragment::fromHtml(syncStatusLine(w.window)).toPlainText();
    INFO(line.toStdString());
    CHECK(line.contains(QStringLiteral("보안 연결")));
    CHECK(EnglishGuard::englishWords(line).isEmpty());
}

TEST_CASE("A sync to no server, or to an address that is not one, says which in Korean",
          "[ui][korean][sync]")
{
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoController(dir));
    const QString none = syncAgainst(
        w, QStringLiteral("host=127.0.0.1 port=%1 dbname=visitmap").arg(closedPort()));
    INFO(none.toStdString());
    CHECK(none.contains(QStringLiteral("연결할 수 없습니다")));
    CHECK(EnglishGuard::englishWords(none).isEmpty());
    CHECK(syncStatusLine(w.window).contains(QStringLiteral("서버에 연결할 수 없습니다")));

    const QString bad = syncAgainst(w, QStringLiteral("server.example"));
    INFO(bad.toStdString());
    CHECK(bad.contains(QStringLiteral("서버 주소를 읽을 수 없습니다")));
    CHECK(EnglishGuard::englishWords(bad).isEmpty());
}

TEST_CASE("Dates read 2026.12.02 (수) with the time in Seoul", "[ui][korean]")
{
    CHECK(Ui::KoreanDate::date(QDate(2026, 12, 2)) == QStringLiteral("2026.12.02 (수)"));
    CHECK(Ui::KoreanDate::date(QDate(2026, 12, 6)) == QStringLiteral("2026.12.06 (일)"));
    CHECK(Ui::KoreanDate::date(QDate()).isEmpty());
    // 23:30 UTC on Tuesday is 08:30 on Wednesday in Seoul.
    CHECK(Ui::KoreanDate::dateTime(QDateTime(QDate(2026, 12, 1), QTime(23, 30), QTimeZone::utc()))
          == QStringLiteral("2026.12.02 (수) 08:30"));
}

TEST_CASE("The access log names what was done and to what in Korean, with dates as 2026.12.02 (수)",
          "[ui][korean]")
{
    Test::TempDir dir;
    auto controller = Test::demoLeadController(dir);
    const QString household
        = controller->householdIds({controller->householdPoints().front().rowId}).value(0);
    REQUIRE_OK(CaseWork(*controller->workspace()).open(household));
    Ui::AccessLogDialog dialog(controller.get());
    QTableWidget *entries = nullptr;
    for (QTableWidget *t : dialog.findChildren<QTableWidget *>()) {
        if (t->accessibleName() == QStringLiteral("접속기록"))
            entries = t;
    }
    REQUIRE(entries);
    REQUIRE(entries->rowCount() > 0);
    static const QRegularExpression when(
        QStringLiteral("^\\d{4}\\.\\d{2}\\.\\d{2} \\([월화수목금토일]\\) \\d{2}:\\d{2}$"));
    bool sawHouseholdView = false;
    for (int r = 0; r < entries->rowCount(); ++r) {
        const QString at = entries->item(r, 0)->text(), action = entries->item(r, 3)->text(),
                      kind = entries->item(r, 4)->text();
        INFO(at.toStdString() << " | " << action.toStdString() << " | " << kind.toStdString());
        CHECK(when.match(at).hasMatch());
        CHECK(EnglishGuard::englishWords(action).isEmpty());
        CHECK(EnglishGuard::englishWords(kind).isEmpty());
        sawHouseholdView |= action == QStringLiteral("조회") && kind == QStringLiteral("가구");
    }
    CHECK(sawHouseholdView);
}

TEST_CASE("A case-work step core refuses says why in Korean, not core's English", "[ui][korean]")
{
    Test::TempDir dir;
    auto controller = Test::demoLeadController(dir);
    const QString household
        = controller->householdIds({controller->householdPoints().front().rowId}).value(0);
    Ui::AssignCommand command(controller.get(), {household}, QStringLiteral("nobody-here"));
    const QString why = command.execute();
    INFO(why.toStdString());
    CHECK_FALSE(why.isEmpty());
    CHECK(why.contains(QStringLiteral("찾는 항목이 없습니다")));
    CHECK(EnglishGuard::englishWords(why).isEmpty());
}

TEST_CASE(
    "Changing the password tells a wrong current password from a new one the rules refuse, in "
    "Korean",
    "[ui][korean]")
{
    Test::TempDir dir;
    auto controller = Test::demoLeadController(dir);
    Ui::PasswordDialog dialog(controller.get());
    const auto fields = dialog.findChildren<QLineEdit *>();
    REQUIRE(fields.size() == 3);
    const auto said = [&] {
        QStringList texts;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            texts << l->text();
        return texts.join(u'\n');
    };

    fields[0]->setText(QStringLiteral("not-my-password-9"));
    fields[1]->setText(QStringLiteral("a-new-password-7"));
    fields[2]->setText(QStringLiteral("a-new-password-7"));
    dialog.accept();
    INFO(said().toStdString());
    CHECK(said().contains(QStringLiteral("지금 비밀번호가 맞지 않습니다")));
    CHECK(EnglishGuard::englishWords(said()).isEmpty());

    fields[0]->setText(QStringLiteral("visitmap-lead-demo"));
    fields[1]->setText(QStringLiteral("short"));
    fields[2]->setText(QStringLiteral("short"));
    dialog.accept();
    INFO(said().toStdString());
    CHECK(said().contains(QStringLiteral("새 비밀번호로 쓸 수 없습니다")));
    CHECK(EnglishGuard::englishWords(said()).isEmpty());
}
