// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncdialogs.h"

#include "conflictwords.h"
#include "errortext.h"
#include "koreandate.h"
#include "syncerrortext.h"
#include "syncrunner.h"
#include "util/clock.h"
#include "workspacecontroller.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VisitMap::Ui {

SyncDialog::SyncDialog(WorkspaceController *controller, SyncRunner *runner, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_runner(runner)
    , m_server(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("이 로그인 동안 기억하고 %1분마다 자동으로 동기화").arg(SyncRunner::periodMinutes), this))
    , m_keyring(new QCheckBox(tr("데스크톱 키링에 비밀번호 저장 (다음 로그인에도 자동 동기화)"), this))
    , m_progress(new QProgressBar(this))
    , m_result(new QLabel(this))
    , m_run(new QPushButton(tr("동기화(&S)"), this))
{
    setWindowTitle(tr("중앙 서버와 동기화"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("이 컴퓨터에서 입력한 기록을 중앙 서버로 보내고, 담당 행정동의 다른 직원이 입력한 기록을 받습니다. "
                                "서버에 연결되지 않아도 계속 작업할 수 있으며, 기록은 다음 동기화 때 보내집니다."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_server->setText(runner->server());
    m_server->setPlaceholderText(QStringLiteral("host=server.example port=5432 dbname=visitmap sslmode=verify-full"));
    m_server->setAccessibleName(tr("중앙 서버 주소"));
    form->addRow(tr("서버(&V)"), m_server);
    auto *account = new QLabel(controller->accountName(), this);
    account->setProperty("personData", true); // a name as recorded, not a text to translate
    form->addRow(tr("계정"), account);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("서버 비밀번호"));
    m_password->setPlaceholderText(runner->hasPassword() ? tr("이 로그인 동안 기억하고 있음") : tr("계정 비밀번호"));
    form->addRow(tr("비밀번호(&P)"), m_password);
    layout->addLayout(form);
    m_remember->setChecked(true);
    QSettings settings;
    m_keyring->setChecked(settings.value(QStringLiteral("sync/useKeyring"), false).toBool());
    layout->addWidget(m_remember);
    layout->addWidget(m_keyring);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    layout->addWidget(m_progress);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setTextFormat(Qt::PlainText);
    layout->addWidget(m_result, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_run, QDialogButtonBox::AcceptRole);
    m_run->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, [this] { start(); });
    connect(runner, &SyncRunner::progress, this, [this](const QString &stage, qint64 done, qint64 total) {
        m_progress->setRange(0, int(qMax<qint64>(total, 1)));
        m_progress->setValue(int(qMin(done, total)));
        m_result->setText(stage == QLatin1String("push") ? tr("변경을 보내는 중… %L1 / %L2").arg(done).arg(total)
                                                         : tr("변경을 받는 중… %L1 / %L2").arg(done).arg(total));
    });
}

bool SyncDialog::start()
{
    const QString server = m_server->text().trimmed();
    if (server.isEmpty()) {
        m_result->setText(tr("서버 주소를 입력해 주세요."));
        return false;
    }
    const QString password = m_password->text();
    if (password.isEmpty() && !m_runner->hasPassword()) {
        m_result->setText(tr("비밀번호를 입력해 주세요."));
        return false;
    }
    m_run->setEnabled(false);
    m_result->setText(tr("동기화 중…"));
    m_progress->setRange(0, 0);
    // An empty field: the password remembered for this sign-in.
    Result<Sync::SyncReport> r = m_runner->syncNow(server, password);
    m_run->setEnabled(true);
    m_progress->setRange(0, 1);
    if (!r) {
        m_progress->setValue(0);
        m_result->setText(tr("동기화하지 못했습니다. %1\n이 컴퓨터의 기록은 그대로 있습니다.")
                              .arg(SyncErrorText::describe(r.error())));
        adjustSize();
        return false;
    }
    m_progress->setValue(1);
    QSettings().setValue(QStringLiteral("sync/useKeyring"), m_keyring->isChecked());
    if (!m_password->text().isEmpty() && (m_remember->isChecked() || m_keyring->isChecked()))
        m_runner->rememberPassword(m_password->text(), m_keyring->isChecked());
    m_password->clear();
    m_result->setText(tr("동기화를 마쳤습니다.\n%1").arg(describe(*r)));
    adjustSize();
    return true;
}

QString SyncDialog::resultText() const
{
    return m_result->text();
}

ConflictDialog::ConflictDialog(WorkspaceController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_table(new QTableWidget(this))
    , m_message(new QLabel(this))
    , m_mine(new QPushButton(tr("내 값으로(&M)"), this))
    , m_theirs(new QPushButton(tr("서버 값으로(&T)"), this))
{
    setWindowTitle(tr("동기화 충돌 해결"));
    resize(980, 420);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("아래 항목은 다른 직원이 같은 값을 먼저 바꾸어, 서버가 그 값을 지켰습니다. "
                                "항목마다 남길 값을 골라 주세요. 고른 값은 다음 동기화 때 모두에게 전해집니다."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels({tr("가구"), tr("항목"), tr("원래 값"), tr("내 값"), tr("서버 값"), tr("바꾼 사람 · 시각")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("동기화 충돌 목록"));
    layout->addWidget(m_table, 1);
    m_message->setTextFormat(Qt::PlainText);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_mine, QDialogButtonBox::ActionRole);
    buttons->addButton(m_theirs, QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_mine, &QPushButton::clicked, this, [this] { choose(Sync::Resolution::Mine); });
    connect(m_theirs, &QPushButton::clicked, this, [this] { choose(Sync::Resolution::Theirs); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const bool any = !m_table->selectedItems().isEmpty();
        m_mine->setEnabled(any);
        m_theirs->setEnabled(any);
    });
    reload();
}

void ConflictDialog::reload()
{
    m_conflicts.clear();
    if (m_controller->workspace()) {
        auto open = m_controller->conflicts().open();
        if (open)
            m_conflicts = *open;
        else
            m_message->setText(
                ErrorText::describe(tr("충돌 목록을 읽지 못했습니다."), open.error()));
    }
    m_table->setRowCount(int(m_conflicts.size()));
    for (int i = 0; i < m_conflicts.size(); ++i) {
        const Sync::Conflict &c = m_conflicts.at(i);
        const QStringList cells{c.householdAddress.isEmpty() ? c.entityId : c.householdAddress,
                                ConflictWords::field(c.entity, c.field),
                                ConflictWords::value(c.base, c.field),
                                ConflictWords::value(c.mine, c.field),
                                ConflictWords::value(c.theirs, c.field),
                                tr("%1 · %2").arg(c.theirsBy, KoreanDate::dateTime(c.detectedAt))};
        for (int col = 0; col < cells.size(); ++col)
            m_table->setItem(i, col, new QTableWidgetItem(cells.at(col)));
    }
    m_table->resizeColumnsToContents();
    m_mine->setEnabled(false);
    m_theirs->setEnabled(false);
    if (m_conflicts.isEmpty())
        m_message->setText(tr("해결할 충돌이 없습니다."));
    if (!m_conflicts.isEmpty())
        selectRow(0);
}

int ConflictDialog::count() const
{
    return int(m_conflicts.size());
}

void ConflictDialog::selectRow(int row)
{
    m_table->selectRow(row);
}

bool ConflictDialog::choose(Sync::Resolution resolution)
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return false;
    const Sync::Conflict c = m_conflicts.at(rows.first().row());
    Workspace *ws = m_controller->workspace();
    if (!ws)
        return false;
    if (auto ok = m_controller->conflicts().resolve(c.id, resolution); !ok) {
        m_message->setText(ErrorText::describe(tr("고르지 못했습니다."), ok.error()));
        return false;
    }
    m_message->setText(resolution == Sync::Resolution::Mine ? tr("내 값을 남겼습니다. 다음 동기화 때 전해집니다.")
                                                           : tr("서버 값을 남겼습니다."));
    m_controller->reloadAll();
    Q_EMIT resolved();
    const QString text = m_message->text();
    reload();
    if (!m_conflicts.isEmpty() || text.isEmpty())
        m_message->setText(text);
    return true;
}

} // namespace VisitMap::Ui
