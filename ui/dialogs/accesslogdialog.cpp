// SPDX-License-Identifier: GPL-3.0-or-later
#include "accesslogdialog.h"

#include "accesslogdetailwords.h"
#include "accesslogwords.h"
#include "koreandate.h"
#include "security/auditdetail.h"
#include "storage/auditlog.h"
#include "access/auditreview.h"
#include "util/clock.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VisitMap::Ui {

namespace {
constexpr int DetailColumn = 6;

QString flagWords(const QList<Security::AuditFlag> &flags)
{
    QStringList out;
    for (const Security::AuditFlag &f : flags)
        out << AccessLogDetailWords::flag(f);
    return out.join(QStringLiteral(" · "));
}

constexpr Security::AuditAction kActions[]
    = {Security::AuditAction::View,          Security::AuditAction::Create,
       Security::AuditAction::Update,        Security::AuditAction::Delete,
       Security::AuditAction::Print,         Security::AuditAction::Download,
       Security::AuditAction::Reveal,        Security::AuditAction::Login,
       Security::AuditAction::LoginFailed,   Security::AuditAction::Logout,
       Security::AuditAction::Lock,          Security::AuditAction::Unlock,
       Security::AuditAction::AccountChange, Security::AuditAction::Purge};
}

AccessLogDialog::AccessLogDialog(WorkspaceController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_since(new QDateEdit(this))
    , m_until(new QDateEdit(this))
    , m_account(new QComboBox(this))
    , m_action(new QComboBox(this))
    , m_subject(new QLineEdit(this))
    , m_days(new QTableWidget(this))
    , m_entries(new QTableWidget(this))
    , m_chain(new QLabel(this))
{
    setWindowTitle(tr("접속기록 점검"));
    resize(1100, 720);
    const QDate today = controller->today();
    for (QDateEdit *d : {m_since, m_until}) {
        d->setDisplayFormat(QStringLiteral("yyyy.MM.dd (ddd)")); // 2026.12.02 (수), Korean locale
        d->setCalendarPopup(true);
    }
    m_since->setDate(today.addMonths(-1));
    m_until->setDate(today);
    m_account->addItem(tr("모든 계정"), QString());
    m_action->addItem(tr("모든 업무"), QString());
    for (Security::AuditAction a : kActions)
        m_action->addItem(AccessLogWords::action(Security::toCode(a)), Security::toCode(a));
    m_subject->setPlaceholderText(tr("정보주체(가구 ID)"));
    m_since->setAccessibleName(tr("시작일"));
    m_until->setAccessibleName(tr("종료일"));
    m_account->setAccessibleName(tr("계정"));
    m_action->setAccessibleName(tr("수행업무"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("기간"), this));
    filters->addWidget(m_since);
    filters->addWidget(new QLabel(QStringLiteral("~"), this));
    filters->addWidget(m_until);
    filters->addWidget(m_account);
    filters->addWidget(m_action);
    filters->addWidget(m_subject, 1);
    auto *apply = new QPushButton(tr("조회"), this);
    filters->addWidget(apply);

    m_days->setColumnCount(8);
    m_days->setHorizontalHeaderLabels({tr("날짜"), tr("계정"), tr("조회"), tr("입력·변경"), tr("내려받기·출력"),
                                       tr("식별정보 열람"), tr("로그인 실패"), tr("점검할 점")});
    m_days->horizontalHeader()->setStretchLastSection(true);
    m_days->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_days->setAccessibleName(tr("계정별 일자 요약"));
    m_entries->setColumnCount(8);
    m_entries->setHorizontalHeaderLabels({tr("일시"), tr("계정"), tr("접속지"), tr("수행업무"), tr("대상"),
                                          tr("정보주체"), tr("내용"), tr("사유")});
    m_entries->horizontalHeader()->setStretchLastSection(true);
    m_entries->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_entries->setAccessibleName(tr("접속기록"));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_days);
    split->addWidget(m_entries);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_chain, 1);
    auto *check = new QPushButton(tr("위·변조 검사"), this);
    bottom->addWidget(check);
    auto *close = new QPushButton(tr("닫기"), this);
    bottom->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);
    connect(apply, &QPushButton::clicked, this, &AccessLogDialog::refresh);
    connect(check, &QPushButton::clicked, this, &AccessLogDialog::verify);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    refresh();
}

void AccessLogDialog::refresh()
{
    Security::AuditFilter filter;
    filter.since = m_since->date();
    filter.until = m_until->date();
    filter.account = m_account->currentData().toString();
    filter.action = m_action->currentData().toString();
    filter.subject = m_subject->text().trimmed();
    const Security::Session *session = m_controller->workspace()->session();
    if (!session->can(Security::Permission::ReviewAccessLog))
        filter.account = session->name(); // everyone may read their own entries
    auto entries = m_controller->workspace()->auditLog().list(filter);
    if (!entries)
        return;
    // Accounts seen, for the filter.
    const QString chosen = m_account->currentData().toString();
    QSet<QString> accounts;
    for (const auto &e : *entries)
        accounts.insert(e.account);
    for (int i = 1; i < m_account->count(); ++i)
        accounts.insert(m_account->itemData(i).toString());
    {
        const QSignalBlocker block(m_account);
        QStringList sorted(accounts.begin(), accounts.end());
        sorted.sort();
        m_account->clear();
        m_account->addItem(tr("모든 계정"), QString());
        for (const QString &a : sorted)
            m_account->addItem(a, a);
        m_account->setCurrentIndex(std::max(0, m_account->findData(chosen)));
    }

    const auto days = Security::AuditReview::summarise(*entries);
    m_days->setRowCount(int(days.size()));
    for (int r = 0; r < days.size(); ++r) {
        const auto &d = days[r];
        const QStringList cells{KoreanDate::date(d.day),         d.account,
                                QString::number(d.views),        QString::number(d.changes),
                                QString::number(d.downloads),    QString::number(d.reveals),
                                QString::number(d.failedLogins), flagWords(d.flags)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (!d.flags.isEmpty()) {
                item->setBackground(QColor(0xFF, 0xF1, 0xE6));
                item->setForeground(QColor(0x8A, 0x2A, 0x00));
            }
            m_days->setItem(r, c, item);
        }
    }
    m_days->resizeColumnsToContents();
    m_entries->setRowCount(int(entries->size()));
    for (int r = 0; r < entries->size(); ++r) {
        const auto &e = (*entries)[entries->size() - 1 - r]; // newest first
        const QStringList cells{KoreanDate::dateTime(e.at),
                                e.account,
                                e.machine,
                                AccessLogWords::action(e.action),
                                AccessLogWords::subjectKind(e.subjectKind),
                                e.subject,
                                AccessLogWords::detail(e.detail),
                                AccessLogWords::reason(e.action, e.reason)};
        for (int c = 0; c < cells.size(); ++c)
            m_entries->setItem(r, c, new QTableWidgetItem(cells[c]));
        if (Security::AuditDetail::decode(e.detail).code() == Security::AuditDetailCode::Legacy)
            m_entries->item(r, DetailColumn)
                ->setToolTip(tr("이전 형식으로 기록된 내용: %1").arg(e.detail));
    }
    m_entries->resizeColumnsToContents();
    m_chain->setText(tr("%L1건 · 점검할 날 %L2일").arg(entries->size()).arg(flaggedDays()));
}

int AccessLogDialog::entryCount() const
{
    return m_entries->rowCount();
}

int AccessLogDialog::flaggedDays() const
{
    int n = 0;
    for (int r = 0; r < m_days->rowCount(); ++r)
        n += m_days->item(r, 7) && !m_days->item(r, 7)->text().isEmpty();
    return n;
}

namespace {

// How the chain is broken, in the reviewer's words.
QString breakWords(Security::ChainBreak kind)
{
    using Security::ChainBreak;
    switch (kind) {
    case ChainBreak::None:
        break;
    case ChainBreak::Missing:
        return AccessLogDialog::tr("승인된 삭제 없이 중간 또는 처음의 기록이 없어졌습니다");
    case ChainBreak::OutOfOrder:
        return AccessLogDialog::tr("기록의 순서가 바뀌었습니다");
    case ChainBreak::Unlinked:
        return AccessLogDialog::tr("앞 기록과 이어지지 않습니다");
    case ChainBreak::Changed:
        return AccessLogDialog::tr("기록 내용이 바뀌었습니다");
    case ChainBreak::Rewritten:
        return AccessLogDialog::tr("기록이 바뀐 뒤 해시가 다시 계산되었습니다 (접속기록 키로 확인)");
    case ChainBreak::MacRemoved:
        return AccessLogDialog::tr("키로 봉인된 기록의 봉인이 지워졌습니다");
    case ChainBreak::Truncated:
        return AccessLogDialog::tr("마지막 기록들이 잘려 나갔습니다");
    case ChainBreak::HeadForged:
        return AccessLogDialog::tr("접속기록의 봉인 정보가 위조되었거나 없어졌습니다");
    case ChainBreak::CountMismatch:
        return AccessLogDialog::tr("봉인된 기록 수와 남은 기록 수가 다릅니다");
    }
    return AccessLogDialog::tr("알 수 없는 손상");
}

} // namespace

void AccessLogDialog::verify()
{
    auto report = m_controller->workspace()->auditLog().verify();
    if (!report) {
        m_chain->setText(tr("접속기록을 읽지 못해 검사하지 못했습니다."));
        return;
    }
    m_chain->setText(report->intact
                         ? tr("위·변조 없음: %L1건 모두 이어짐").arg(report->checked)
                         : tr("위·변조 의심: %1번째 기록 — %2").arg(report->firstBadSeq).arg(breakWords(report->kind)));
    m_chain->setStyleSheet(report->intact ? QStringLiteral("color:#228738") : QStringLiteral("color:#DE3412; font-weight:bold"));
}

} // namespace VisitMap::Ui
