// SPDX-License-Identifier: GPL-3.0-or-later
// The 접속기록 점검 dialog words each entry's 내용 in Korean from its detail code: after a spread
// of logged work on a demo store no 내용 cell holds a Latin letter beyond the file and account
// names it quotes, and entries written before the codes are worded where their form is known and
// marked as older where not.
#include "dialogs/accesslogdetailwords.h"
#include "dialogs/accesslogdialog.h"
#include "export/exportservice.h"
#include "import/importservice.h"
#include "access/accountadmin.h"
#include "security/auditdetail.h"
#include "storage/auditlog.h"
#include "access/auditreview.h"
#include "access/disclosure.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "support/englishguard.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "workflow/casework.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTableWidget>

using namespace VisitMap;

namespace {

constexpr int DetailColumn = 6;

QTableWidget *entryTable(Ui::AccessLogDialog &dialog)
{
    for (QTableWidget *t : dialog.findChildren<QTableWidget *>())
        if (t->accessibleName() == QStringLiteral("접속기록"))
            return t;
    FAIL("no entry table");
    return nullptr;
}

QTableWidget *dayTable(Ui::AccessLogDialog &dialog)
{
    for (QTableWidget *t : dialog.findChildren<QTableWidget *>())
        if (t->accessibleName() == QStringLiteral("계정별 일자 요약"))
            return t;
    FAIL("no day table");
    return nullptr;
}

QStringList column(Ui::AccessLogDialog &dialog, int c)
{
    QStringList out;
    QTableWidget *t = entryTable(dialog);
    for (int r = 0; r < t->rowCount(); ++r)
        out << (t->item(r, c) ? t->item(r, c)->text() : QString());
    return out;
}

QTableWidgetItem *rowWithSubject(Ui::AccessLogDialog &dialog, const QString &subject, int c)
{
    QTableWidget *t = entryTable(dialog);
    for (int r = 0; r < t->rowCount(); ++r)
        if (t->item(r, 5)->text() == subject)
            return t->item(r, c);
    return nullptr;
}

} // namespace

TEST_CASE("The access-log review words every logged action's 내용 in Korean, quoting only file and "
          "account names",
          "[ui][audit]")
{
    Test::TempDir dir;
    // A real store (a demo store takes no household import), the team lead signed in.
    auto controller = std::make_unique<Ui::WorkspaceController>();
    REQUIRE_OK(controller->open(Test::realStoreCopy(dir)));
    REQUIRE_OK(controller->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    Workspace &ws = *controller->workspace();

    // An import with a Korean file name.
    const QString importFile = QStringLiteral("신규가구.csv");
    REQUIRE(
        QFile::copy(Test::dataPath(QStringLiteral("households_good.csv")), dir.path(importFile)));
    auto imported = Import::ImportService(ws).households(dir.path(importFile));
    if (!imported)
        FAIL(imported.error().toString().toStdString());

    // A sign-in that fails, an unknown account, an account change by the admin, the lead again.
    CHECK_FALSE(ws.signIn(QStringLiteral("case1"), QStringLiteral("Not-the-pass-1")));
    CHECK_FALSE(ws.signIn(QStringLiteral("nobody"), QStringLiteral("Not-the-pass-1")));
    REQUIRE(ws.signIn(QStringLiteral("admin1"), Test::adminPassword()));
    REQUIRE_OK(Security::AccountAdmin(ws).setRole(QStringLiteral("case1"), Role::Nurse));
    REQUIRE_OK(controller->signIn(QStringLiteral("lead1"), Test::leadPassword()));

    // Identifiers shown, a household opened, a setting changed, the screen locked.
    auto households = Storage::HouseholdStore(ws.db()).list({});
    REQUIRE(households);
    REQUIRE_FALSE(households->isEmpty());
    const Household &h = households->first();
    CHECK(controller->disclosure().setListRevealed(true));
    CHECK(controller->disclosure().revealIdentifiers(h.id, h.officeCode));
    REQUIRE(CaseWork(ws).open(h.id));
    REQUIRE_OK(ws.setSetting(QStringLiteral("idle_lock_minutes"), QStringLiteral("10")));
    REQUIRE_OK(ws.recordLock(QStringLiteral("screen")));

    // An export of the list's filter, a summary and a map picture.
    const QString exportFile = QStringLiteral("가구목록.csv");
    Export::ExportOptions options;
    options.kind = Export::ExportKind::Households;
    options.outPath = dir.path(exportFile);
    options.reason = QStringLiteral("월례 점검");
    options.scope = Export::ExportScope::matching({});
    auto exported = Export::ExportService(ws).run(options);
    REQUIRE(exported);
    Export::ExportOptions summary = options;
    summary.kind = Export::ExportKind::DongTierSummary;
    summary.outPath = dir.path(QStringLiteral("동별집계.csv"));
    REQUIRE(Export::ExportService(ws).run(summary));
    const QString picture = QStringLiteral("지도.png");
    REQUIRE_OK(
        Export::ExportService(ws).logMapExport(dir.path(picture), 40, QStringLiteral("회의 자료")));

    Ui::AccessLogDialog dialog(controller.get());
    const QStringList details = column(dialog, DetailColumn);
    REQUIRE(details.size() >= 12);
    // What a 내용 may quote in Latin letters: the files and accounts it names.
    const QStringList quoted{exportFile,
                             QStringLiteral("동별집계.csv"),
                             picture,
                             importFile,
                             QStringLiteral("admin1"),
                             QStringLiteral("lead1"),
                             QStringLiteral("case1")};
    static const QRegularExpression latin(QStringLiteral("[A-Za-z]"));
    for (const QString &text : details) {
        QString rest = text;
        for (const QString &q : quoted)
            rest.remove(q);
        INFO(text.toStdString());
        CHECK_FALSE(rest.contains(latin));
    }
    // The other worded columns and the day review have no English either.
    for (int c : {3, 4})
        for (const QString &text : column(dialog, c))
            CHECK_FALSE(text.contains(latin));
    for (const QString &text : column(dialog, 7))
        CHECK(Test::EnglishGuard::englishWords(text).isEmpty());
    QTableWidget *days = dayTable(dialog);
    for (int r = 0; r < days->rowCount(); ++r)
        CHECK_FALSE(days->item(r, 7)->text().contains(latin));

    // Codes, word for word.
    const QString withheld = exported->withheld > 0
                                 ? QStringLiteral(", %L1건 제외").arg(exported->withheld)
                                 : QString();
    CHECK(details.contains(
        QStringLiteral("가구 자료 %L1건 내보내기 (필터 적용 범위, 마스킹%2): 가구목록.csv")
            .arg(exported->rows)
            .arg(withheld)));
    CHECK(details.contains(QStringLiteral("역할 변경: 방문간호사")));
    CHECK(details.contains(QStringLiteral("비밀번호 틀림 (1회째)")));
    CHECK(details.contains(QStringLiteral("없는 계정")));
    CHECK(details.contains(QStringLiteral("가구 자료 가져오기: 신규가구.csv")));
    CHECK(details.contains(QStringLiteral("지도 그림 저장: 지도.png")));
    CHECK(details.contains(QStringLiteral("설정 변경: 자동 잠금(분) = 10")));
}

TEST_CASE("An access-log entry from before the detail codes is worded in Korean where its form is "
          "known and shown as written, marked older, where not",
          "[ui][audit]")
{
    Test::TempDir dir;
    auto controller = Test::demoLeadController(dir);
    Workspace &ws = *controller->workspace();
    using Security::AuditAction;
    const auto old = [&](AuditAction action, const QString &subject, const QString &detail,
                         const QString &reason = {}) {
        REQUIRE_OK(ws.journal().audit(
            {action, QStringLiteral("households"), subject, {}, detail, reason}));
    };
    old(AuditAction::Download, QStringLiteral("old-export"),
        QStringLiteral("households export to 명단.csv (masked, 2 withheld, the list's filter)"),
        QStringLiteral("점검"));
    old(AuditAction::LoginFailed, QStringLiteral("old-login"),
        QStringLiteral("unlock: wrong password (3)"));
    old(AuditAction::AccountChange, QStringLiteral("old-role"),
        QStringLiteral("role set to team_lead"));
    old(AuditAction::Update, QStringLiteral("old-risk"), QStringLiteral("risk tier  -> high"));
    old(AuditAction::Update, QStringLiteral("old-odd"),
        QStringLiteral("something nobody wrote like this"));
    old(AuditAction::Purge, QStringLiteral("old-purge"),
        QStringLiteral("12 entries up to 40 removed after the retention period; 12 removed in all"),
        QStringLiteral("retention"));

    Ui::AccessLogDialog dialog(controller.get());
    const auto detail = [&](const char *subject) {
        QTableWidgetItem *item = rowWithSubject(dialog, QString::fromLatin1(subject), DetailColumn);
        REQUIRE(item);
        return item;
    };
    CHECK(detail("old-export")->text()
          == QStringLiteral("가구 자료 내보내기 (필터 적용 범위, 마스킹, 2건 제외): 명단.csv"));
    CHECK(detail("old-login")->text() == QStringLiteral("잠금 해제 시도: 비밀번호 틀림 (3회째)"));
    CHECK(detail("old-role")->text() == QStringLiteral("역할 변경: 팀장"));
    CHECK(detail("old-risk")->text() == QStringLiteral("위험도 조정: 자동 산정 → 고위험"));
    CHECK(detail("old-purge")->text()
          == QStringLiteral("보존기간이 지난 기록 12건 삭제 (40번 기록까지, 지금까지 모두 12건)"));
    CHECK(rowWithSubject(dialog, QStringLiteral("old-purge"), 7)->text()
          == QStringLiteral("보존기간 경과"));
    // Not a form core wrote: as written, marked as older, the stored text in the tooltip.
    CHECK(detail("old-odd")->text()
          == QStringLiteral("(이전 형식) something nobody wrote like this"));
    CHECK(
        detail("old-odd")->toolTip().contains(QStringLiteral("something nobody wrote like this")));
    CHECK(detail("old-export")->toolTip().startsWith(QStringLiteral("이전 형식으로 기록된 내용")));
}

TEST_CASE("Every detail code core writes has Korean words, with dates as Korean dates",
          "[ui][audit]")
{
    static const QRegularExpression latin(QStringLiteral("[A-Za-z]"));
    const QStringList names{
        QStringLiteral("what"), QStringLiteral("file"),    QStringLiteral("rows"),
        QStringLiteral("role"), QStringLiteral("offices"), QStringLiteral("from"),
        QStringLiteral("to"),   QStringLiteral("count"),   QStringLiteral("reason"),
        QStringLiteral("name"), QStringLiteral("status"),  QStringLiteral("round")};
    for (Security::AuditDetailCode code : Security::AuditDetail::writtenCodes()) {
        Security::AuditDetail d(code);
        for (const QString &n : names)
            d = d.with(n, QStringLiteral("값"));
        const QString words = Ui::AccessLogDetailWords::describe(d.encode());
        INFO(Security::AuditDetail::toCode(code).toStdString() << ": " << words.toStdString());
        CHECK_FALSE(words.isEmpty());
        CHECK_FALSE(words.contains(latin));
        CHECK_FALSE(words.startsWith(Ui::AccessLogDetailWords::formerPrefix()));
    }
    using Security::AuditDetail;
    using Security::AuditDetailCode;
    CHECK(Ui::AccessLogDetailWords::describe(AuditDetail(AuditDetailCode::RouteSheet)
                                                 .with(u"date", QStringLiteral("2026-12-02"))
                                                 .with(u"teams", 2)
                                                 .with(u"households", 12)
                                                 .with(u"unmasked", 1))
          == QStringLiteral("방문 경로표 출력 2026.12.02 (수) (2팀, 12가구), 마스킹 없음"));
    CHECK(Ui::AccessLogDetailWords::describe(AuditDetail(AuditDetailCode::CaseStage)
                                                 .with(u"from", QStringLiteral("intake"))
                                                 .with(u"to", QStringLiteral("assessment")))
          == QStringLiteral("사례관리 단계: 접수 → 욕구·위기도 조사"));
}

TEST_CASE("The review's flags are worded in Korean from their codes and counts", "[ui][audit]")
{
    using K = Security::AuditFlag::Kind;
    CHECK(Ui::AccessLogDetailWords::flag({K::ManyViews, 1400, 30})
          == QStringLiteral("조회 1,400건: 평소(중앙값 30건)보다 많음"));
    CHECK(Ui::AccessLogDetailWords::flag({K::ManyDownloads, 3})
          == QStringLiteral("내려받기·출력 3건"));
    CHECK(Ui::AccessLogDetailWords::flag({K::ManyReveals, 25})
          == QStringLiteral("식별정보 열람 25건"));
    CHECK(Ui::AccessLogDetailWords::flag({K::FailedLogins, 4})
          == QStringLiteral("로그인 실패 4회"));
    CHECK(Ui::AccessLogDetailWords::flag({K::NightWork, 2})
          == QStringLiteral("야간(22시~6시) 처리 2건"));
}
