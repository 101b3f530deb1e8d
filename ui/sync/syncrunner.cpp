// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncrunner.h"

#include "koreandate.h"
#include "security/session.h"
#include "sync/centralstore.h"
#include "syncerrortext.h"
#include "util/clock.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSettings>
#include <QTcpSocket>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace VisitMap::Ui {

namespace {

const QString keyringService = QStringLiteral("VisitMap central store");

} // namespace

QString describe(const Sync::SyncReport &r)
{
    QStringList parts;
    if (r.enrolled)
        parts << QCoreApplication::translate("SyncRunner", "이 저장소에 계정을 만들었습니다 (같은 비밀번호로 오프라인 로그인)");
    if (r.published)
        parts << QCoreApplication::translate("SyncRunner", "처음 올린 기록 %L1건").arg(r.published);
    parts << QCoreApplication::translate("SyncRunner", "보낸 변경 %L1건").arg(r.pushed);
    if (r.duplicates)
        parts << QCoreApplication::translate("SyncRunner", "이미 반영된 변경 %L1건 (다시 보냄)").arg(r.duplicates);
    parts << QCoreApplication::translate("SyncRunner", "받은 변경 %L1건").arg(r.pulled);
    if (r.conflicts)
        parts << QCoreApplication::translate("SyncRunner", "충돌 %L1건 — 충돌 해결 창에서 골라 주세요").arg(r.conflicts);
    if (r.heldBack)
        parts << QCoreApplication::translate("SyncRunner", "서버 권한 밖의 행정동 변경 %L1건은 보내지 않았습니다").arg(r.heldBack);
    if (r.keysReceived)
        parts << QCoreApplication::translate("SyncRunner", "암호화 키 %L1개를 받았습니다").arg(r.keysReceived);
    if (r.keysSealed)
        parts << QCoreApplication::translate("SyncRunner", "동료 %L1명에게 암호화 키를 전달했습니다").arg(r.keysSealed);
    for (const QString &n : r.notices)
        parts << n;
    return parts.join(QStringLiteral("\n"));
}

SyncRunner::SyncRunner(WorkspaceController *controller, QObject *parent)
    : QObject(parent), m_controller(controller), m_timer(new QTimer(this))
{
    m_timer->setInterval(periodMinutes * 60 * 1000);
    connect(m_timer, &QTimer::timeout, this, &SyncRunner::periodic);
    m_timer->start();
    connect(controller, &WorkspaceController::sessionChanged, this, [this] {
        if (m_controller->accountName().isEmpty())
            forget();
        else if (!hasPassword() && !server().isEmpty()
                 && QSettings().value(QStringLiteral("sync/useKeyring"), false).toBool())
            loadFromKeyring(); // the person chose to keep it there; without it, sync asks
        Q_EMIT stateChanged();
    });
    connect(controller, &WorkspaceController::householdsChanged, this, &SyncRunner::stateChanged);
    connect(controller, &WorkspaceController::storeChanged, this,
            &SyncRunner::stateChanged); // the outbox grew
}

QString SyncRunner::server() const
{
    Workspace *ws = m_controller->workspace();
    return ws ? m_controller->sync().server() : QString();
}

QString SyncRunner::keyringKey(const QString &account, const QString &server)
{
    return account + u'@' + server;
}

void SyncRunner::rememberPassword(const QString &password, bool keyring)
{
    m_password = password;
    if (!keyring)
        return;
    auto *job = new QKeychain::WritePasswordJob(keyringService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // the keyring or nothing: never a plain file
    job->setKey(keyringKey(m_controller->accountName(), server()));
    job->setTextData(password);
    job->start();
}

bool SyncRunner::loadFromKeyring(QString *why)
{
    QKeychain::ReadPasswordJob job(keyringService);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(keyringKey(m_controller->accountName(), server()));
    QEventLoop loop;
    connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (job.error() != QKeychain::NoError) {
        if (why)
            *why = job.errorString();
        return false;
    }
    m_password = job.textData();
    return !m_password.isEmpty();
}

void SyncRunner::forget()
{
    m_password.fill(u'\0');
    m_password.clear();
}

Result<Sync::SyncReport> SyncRunner::syncNow(const QString &server, const QString &password)
{
    Workspace *ws = m_controller->workspace();
    if (!ws || !ws->session())
        return fail(ErrorCode::AuthFailed, tr("로그인한 뒤에 동기화할 수 있습니다"));
    if (m_running)
        return fail(ErrorCode::Conflict, tr("동기화가 이미 진행 중입니다"));
    m_running = true;
    Q_EMIT stateChanged();
    Sync::SyncOptions o;
    o.progress = [this](const QString &stage, qint64 done, qint64 total) {
        Q_EMIT progress(stage, done, total);
        // The window repaints while the sync runs; input waits until it is done.
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        return true;
    };
    auto r = m_controller->sync().syncAs(server, ws->session()->name(),
                                         password.isEmpty() ? m_password : password, o);
    m_running = false;
    if (r) {
        m_controller->reloadAll(); // a pull can change anything
        Q_EMIT synced(*r);
    }
    Q_EMIT stateChanged();
    return r;
}

void SyncRunner::periodic()
{
    Workspace *ws = m_controller->workspace();
    if (!ws || !ws->session() || m_password.isEmpty() || m_running || ws->busyElsewhere())
        return; // (an import holding the store: the next period syncs)
    const QString s = server();
    if (s.isEmpty())
        return;
    // Offline is normal: ask the server's port first (a second at most) rather than wait on it.
    auto where = Sync::ConnParams::parse(s);
    if (!where)
        return;
    QTcpSocket probe;
    probe.connectToHost(where->host.isEmpty() ? QStringLiteral("localhost") : where->host,
                        quint16(where->port > 0 ? where->port : 5432));
    if (!probe.waitForConnected(1000)) {
        Q_EMIT stateChanged();
        return;
    }
    probe.abort();
    (void)syncNow(s, m_password);
}

SyncRunner::StatusLine SyncRunner::statusLine() const
{
    StatusLine line;
    Workspace *ws = m_controller->workspace();
    if (!ws || !ws->session())
        return line;
    if (m_running) {
        line.text = tr("동기화 중…");
        return line;
    }
    // One reading of the state for the line and its tooltip.
    auto st = m_controller->sync().status();
    if (!st) {
        line.text = tr("동기화 상태를 읽지 못했습니다");
        return line;
    }
    line.text = lineText(&*st, &line.problem);
    line.toolTip = lineToolTip(&*st);
    line.openConflicts = st->openConflicts;
    return line;
}

QString SyncRunner::lineText(const Sync::SyncStatus *st, bool *problem) const
{
    QStringList parts;
    using Failure = Sync::SyncStatus::Failure;
    if (st->failure != Failure::None) {
        *problem = true;
        // By the kind of failure, never the driver's English (st->lastError is for the log).
        QString error = tr("동기화하지 못했습니다 (동기화 창에서 다시 해 보세요)");
        if (const QString words = SyncErrorText::brief(st->reason);
            !words.isEmpty() && st->reason != Sync::CentralFailure::Unreachable
            && st->reason != Sync::CentralFailure::WrongPassword
            && st->reason != Sync::CentralFailure::ConnectionLost)
            error = words;
        else if (st->failure == Failure::Unreachable)
            error = tr("서버에 연결할 수 없습니다 (오프라인으로 계속 작업하며, 다음 동기화 때 보냅니다)");
        else if (st->failure == Failure::Password)
            error = tr("서버가 비밀번호를 거부했습니다");
        else if (st->failure == Failure::ConnectionLost)
            error = tr("동기화 중 연결이 끊겼습니다 (다음 동기화 때 이어서 보냅니다)");
        parts << tr("동기화 오류 %1: %2").arg(st->lastErrorAt.toTimeZone(Clock::seoul()).toString(QStringLiteral("HH:mm")), error);
    } else if (st->server.isEmpty()) {
        parts << tr("중앙 서버와 동기화한 적 없음");
    } else if (st->lastSync.isValid()) {
        const QDateTime local = st->lastSync.toTimeZone(Clock::seoul());
        parts << tr("마지막 동기화 %1").arg(local.date() == m_controller->today() ? local.toString(QStringLiteral("HH:mm"))
                                                                                : KoreanDate::dateTime(local));
    }
    parts << (st->pending ? tr("보낼 변경 %L1건").arg(st->pending) : tr("보낼 변경 없음"));
    if (st->openConflicts) {
        *problem = true;
        parts << tr("충돌 %L1건").arg(st->openConflicts);
    }
    if (st->quarantined)
        parts << tr("보류된 변경 %L1건").arg(st->quarantined);
    if (const int waiting = st->waitingForOthers + st->heldForOthers)
        parts << tr("다른 계정 대기 %L1건").arg(waiting);
    if (st->waitingForPublish)
        parts << tr("팀장 게시 대기 %L1건").arg(st->waitingForPublish);
    return parts.join(QStringLiteral(" · "));
}

QString SyncRunner::lineToolTip(const Sync::SyncStatus *st)
{
    QStringList lines;
    if (st->failure != Sync::SyncStatus::Failure::None)
        lines << SyncErrorText::forFailure(st->reason); // the whole sentence, with what to do
    lines.removeAll(QString());
    if (st->quarantined)
        lines << tr("보류된 변경 %L1건: 중앙 서버가 받지 않았거나 이 컴퓨터에 적용할 수 없어 "
                    "사유와 함께 따로 둔 변경입니다. 나머지 동기화는 그대로 진행되며, 받은 "
                    "변경은 동기화할 때마다 다시 적용해 봅니다.")
                     .arg(st->quarantined);
    if (st->waitingForOthers)
        lines << tr("다른 계정 대기 %L1건: 이 컴퓨터를 함께 쓰는 다른 직원이 입력한 변경입니다. "
                    "그 직원이 자기 계정으로 로그인해 동기화할 때 보냅니다.")
                     .arg(st->waitingForOthers);
    if (st->heldForOthers)
        lines << tr("내 변경 %L1건은 그 변경에 이어지는 것이라(같은 기록의 수정, 아직 보내지 "
                    "않은 기록에 딸린 기록) 그 뒤에 보냅니다. 잃거나 순서가 바뀌지 않습니다.")
                     .arg(st->heldForOthers);
    if (st->waitingForPublish)
        lines << tr("팀장 게시 대기 %L1건: 계정 없이 만들어진 이 저장소 자체의 기록(예: 데모 자료의 "
                    "시설)입니다. 팀장이 동기화할 때 중앙 서버에 게시됩니다.")
                     .arg(st->waitingForPublish);
    return lines.join(u'\n');
}

} // namespace VisitMap::Ui
