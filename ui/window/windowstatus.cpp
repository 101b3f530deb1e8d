// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowstatus.h"

#include "models/householdtablemodel.h"
#include "plaintext.h"
#include "security/permissions.h"
#include "storage/checkinstore.h"
#include "storage/stores.h"
#include "sync/syncrunner.h"
#include "util/clock.h"
#include "widgets/intakepanel.h"
#include "widgets/urgentstatuslabel.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QFileInfo>
#include <QLabel>
#include <QStatusBar>
#include <QTimer>

namespace VisitMap::Ui {

WindowStatus::WindowStatus(WorkspaceController *controller,
                           SyncRunner *sync,
                           HouseholdTableModel *model,
                           IntakePanel *intake,
                           QStatusBar *bar,
                           QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_sync(sync)
    , m_model(model)
    , m_bar(bar)
    , m_storeLabel(new QLabel(window))
    , m_accountLabel(new QLabel(window))
    , m_countLabel(new QLabel(window))
    , m_syncLabel(new QLabel(window))
    , m_checkinAlert(new QLabel(window))
    , m_intakeLabel(new QLabel(window))
    , m_timer(new QTimer(this))
{
    // Store paths and account names are shown as typed, never as markup.
    m_storeLabel->setTextFormat(Qt::PlainText);
    m_accountLabel->setTextFormat(Qt::PlainText);
    m_bar->addWidget(m_storeLabel, 1);
    m_checkinAlert->setStyleSheet(QStringLiteral("color: #B3261E; font-weight: bold"));
    m_bar->addPermanentWidget(m_checkinAlert);
    m_bar->addPermanentWidget(m_syncLabel);
    m_bar->addPermanentWidget(m_accountLabel);
    m_syncLabel->setAccessibleName(tr("동기화 상태"));
    m_syncLabel->setTextFormat(Qt::RichText);
    connect(m_syncLabel, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("conflicts"))
            Q_EMIT conflictsRequested();
        else
            Q_EMIT syncRequested();
    });
    connect(m_sync, &SyncRunner::stateChanged, this, &WindowStatus::refreshSync);

    m_bar->addPermanentWidget(m_intakeLabel);
    auto intakeChanged = [this, intake] {
        const int n = intake->waiting();
        m_intakeLabel->setText(n ? tr("접수 대기 %1건").arg(n) : QString());
        m_intakeLabel->setVisible(n > 0);
    };
    connect(intake, &IntakePanel::queueChanged, this, intakeChanged);
    intakeChanged();
    auto *urgent = new UrgentStatusLabel(controller, window);
    m_bar->addPermanentWidget(urgent);
    connect(intake, &IntakePanel::queueChanged, urgent, &UrgentStatusLabel::refresh);
    connect(m_timer, &QTimer::timeout, urgent, &UrgentStatusLabel::refresh);
    connect(m_timer, &QTimer::timeout, this, &WindowStatus::checkOverdueCheckins);
    connect(m_timer, &QTimer::timeout, this,
            &WindowStatus::refreshSync); // pending count, "last sync"
    m_timer->start(60 * 1000);

    connect(m_model, &QAbstractItemModel::modelReset, this, &WindowStatus::refresh);
    connect(controller, &WorkspaceController::sessionChanged, this, &WindowStatus::refresh);
}

bool WindowStatus::storeBusy() const
{
    Workspace *ws = m_controller->workspace();
    return ws && ws->busyElsewhere();
}

void WindowStatus::refresh()
{
    const QString store = QFileInfo(m_controller->storePath()).fileName();
    m_storeLabel->setText(m_controller->isDemo() ? tr("저장소: %1 (합성 데모 자료)").arg(store)
                                                 : tr("저장소: %1").arg(store));
    if (m_controller->workspace() && m_controller->workspace()->session()
        && !m_controller->workspace()->session()->waitingForKeys.isEmpty())
        m_storeLabel->setText(
            m_storeLabel->text()
            + tr(" · 암호화 키를 기다리는 중: 행정동 %1곳 (키 보유자의 로그인 또는 동기화 후 열림)")
                  .arg(m_controller->workspace()->session()->waitingForKeys.size()));
    m_accountLabel->setText(
        m_controller->accountName().isEmpty()
            ? tr("로그인 안 됨")
            : tr("%1 (%2)").arg(m_controller->accountName(), m_controller->roleLabel()));
    const Storage::TierCounts c = m_controller->counts();
    m_countLabel->setText(
        tr("목록 %L1가구 · 전체 %L2가구 (고위험 %L3 · 중위험 %L4 · 저위험 %L5) · 방문 지남 %L6")
            .arg(m_model->rowCount())
            .arg(c.total())
            .arg(c.high)
            .arg(c.medium)
            .arg(c.low)
            .arg(c.overdue));
}

void WindowStatus::refreshSync()
{
    if (storeBusy())
        return; // an import holds the store; the next tick looks again
    const SyncRunner::StatusLine line = m_sync->statusLine();
    m_syncLabel->setVisible(!line.text.isEmpty());
    const QString colour = line.problem ? QStringLiteral("#B3261E") : QStringLiteral("#1D1D1F");
    // The line opens the sync or, when conflicts wait, their panel.
    const QString link
        = line.openConflicts > 0 ? QStringLiteral("conflicts") : QStringLiteral("sync");
    m_syncLabel->setText(
        QStringLiteral("<a href=\"%1\" style=\"color:%2; text-decoration:none\">%3</a>")
            .arg(link, colour, line.text.toHtmlEscaped()));
    const QString click = tr("눌러서 중앙 서버와 동기화 (Ctrl+Shift+Y)");
    m_syncLabel->setToolTip(
        line.toolTip.isEmpty() ? click : PlainText::toolTip(line.toolTip + u'\n' + click));
    m_syncLabel->setMinimumWidth(
        m_syncLabel->sizeHint().width()); // the store name gives way, not this
}

void WindowStatus::checkOverdueCheckins()
{
    if (storeBusy())
        return;
    m_checkinAlert->clear();
    if (!m_controller->can(int(Security::Permission::AssignHouseholds)))
        return;
    Workspace &ws = *m_controller->workspace();
    auto overdue = ws.stores().checkins().overdue(ws.session()->offices, ws.clock().now());
    if (overdue && !overdue->isEmpty())
        m_checkinAlert->setText(
            tr("⚠ 체크아웃하지 않은 가정방문 %1건 (팀장 → 업무량)").arg(overdue->size()));
}

void WindowStatus::clear()
{
    m_checkinAlert->clear();
    m_bar->clearMessage();
}

} // namespace VisitMap::Ui
