// SPDX-License-Identifier: GPL-3.0-or-later
#include "householdfilterbar.h"

#include "workspacecontroller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace VisitMap::Ui {

HouseholdFilterBar::HouseholdFilterBar(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_search(new QLineEdit(this))
    , m_dong(new QComboBox(this))
    , m_tier(new QComboBox(this))
    , m_overdue(new QCheckBox(tr("방문 지남"), this))
    , m_new(new QCheckBox(tr("신규 발굴"), this))
    , m_tong(new QSpinBox(this))
    , m_ban(new QSpinBox(this))
    , m_stage(new QComboBox(this))
    , m_worker(new QComboBox(this))
    , m_debounce(new QTimer(this))
{
    m_tong->setRange(0, 99);
    m_tong->setSpecialValueText(tr("모든 통"));
    m_tong->setSuffix(tr("통"));
    m_tong->setAccessibleName(tr("통 선택"));
    // A 반 is numbered within its 통, so it only narrows once a 통 is chosen.
    m_ban->setRange(0, 99);
    m_ban->setSpecialValueText(tr("모든 반"));
    m_ban->setSuffix(tr("반"));
    m_ban->setAccessibleName(tr("반 선택"));
    m_ban->setEnabled(false);
    m_stage->addItem(tr("모든 사례 단계"), -1);
    for (int i = 0; i < caseStageCount; ++i)
        m_stage->addItem(label(CaseStage(i)), i);
    m_stage->setAccessibleName(tr("사례관리 단계 선택"));
    m_worker->setAccessibleName(tr("담당자 선택"));
    m_search->setObjectName(QStringLiteral("householdSearch"));
    m_search->setPlaceholderText(tr("이름·주소·전화번호 검색"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("가구 검색"));
    m_dong->setAccessibleName(tr("행정동 선택"));
    m_tier->setAccessibleName(tr("위험도 선택"));
    m_tier->addItem(tr("모든 위험도"), -1);
    for (RiskTier t : {RiskTier::High, RiskTier::Medium, RiskTier::Low})
        m_tier->addItem(label(t), int(t));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    auto *row = new QHBoxLayout;
    row->addWidget(m_dong, 2);
    row->addWidget(m_tier, 1);
    row->addWidget(m_overdue);
    row->addWidget(m_new);
    layout->addLayout(row);
    auto *row2 = new QHBoxLayout;
    row2->addWidget(m_tong, 1);
    row2->addWidget(m_ban, 1);
    row2->addWidget(m_stage, 2);
    row2->addWidget(m_worker, 2);
    layout->addLayout(row2);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(180);
    connect(m_debounce, &QTimer::timeout, this, &HouseholdFilterBar::queryChanged);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    for (QComboBox *c : {m_dong, m_tier, m_stage, m_worker})
        connect(c, &QComboBox::currentIndexChanged, this, &HouseholdFilterBar::queryChanged);
    connect(m_tong, &QSpinBox::valueChanged, this, [this](int tong) {
        m_ban->setEnabled(tong > 0);
        if (tong == 0) {
            const QSignalBlocker block(m_ban);
            m_ban->setValue(0);
        }
        Q_EMIT queryChanged();
    });
    connect(m_ban, &QSpinBox::valueChanged, this, &HouseholdFilterBar::queryChanged);
    for (QCheckBox *c : {m_overdue, m_new})
        connect(c, &QCheckBox::toggled, this, &HouseholdFilterBar::queryChanged);
    connect(controller, &WorkspaceController::sessionChanged, this, &HouseholdFilterBar::reloadOffices);
    reloadOffices();
}

void HouseholdFilterBar::reloadOffices()
{
    const QSignalBlocker block(m_dong);
    m_dong->clear();
    m_dong->addItem(tr("모든 행정동"), QString());
    for (const Office &o : m_controller->offices())
        m_dong->addItem(o.name, o.code);
    const QSignalBlocker blockWorker(m_worker);
    m_worker->clear();
    m_worker->addItem(tr("모든 담당자"), QString());
    m_worker->addItem(tr("(담당자 없음)"), QStringLiteral("-"));
    for (const QString &w : m_controller->workers())
        m_worker->addItem(w, w);
}

bool HouseholdFilterBar::isActive() const
{
    return !m_search->text().trimmed().isEmpty() || m_dong->currentIndex() > 0
           || m_tier->currentIndex() > 0 || m_overdue->isChecked() || m_new->isChecked()
           || m_tong->value() > 0 || m_stage->currentIndex() > 0 || m_worker->currentIndex() > 0;
}

void HouseholdFilterBar::clear()
{
    narrowTo({});
}

void HouseholdFilterBar::narrowTo(const Narrowing &n)
{
    {
        const QSignalBlocker blocks[]
            = {QSignalBlocker(m_search),  QSignalBlocker(m_dong),  QSignalBlocker(m_tier),
               QSignalBlocker(m_overdue), QSignalBlocker(m_new),   QSignalBlocker(m_tong),
               QSignalBlocker(m_ban),     QSignalBlocker(m_stage), QSignalBlocker(m_worker)};
        m_search->clear();
        m_stage->setCurrentIndex(0);
        m_dong->setCurrentIndex(std::max(0, m_dong->findData(n.office)));
        m_tier->setCurrentIndex(std::max(0, m_tier->findData(n.tier ? int(*n.tier) : -1)));
        m_worker->setCurrentIndex(std::max(0, m_worker->findData(n.worker)));
        m_overdue->setChecked(n.overdueOnly);
        m_new->setChecked(false);
        m_tong->setValue(0);
        m_ban->setValue(0);
        m_ban->setEnabled(false);
    }
    m_debounce->stop();
    Q_EMIT queryChanged();
}

Storage::HouseholdQuery HouseholdFilterBar::query() const
{
    Storage::HouseholdQuery q = m_controller->baseQuery();
    const QString dong = m_dong->currentData().toString();
    if (!dong.isEmpty())
        q.offices = {dong};
    const int tier = m_tier->currentData().toInt();
    if (tier >= 0)
        q.tier = RiskTier(tier);
    q.overdueOnly = m_overdue->isChecked();
    q.newOnly = m_new->isChecked();
    q.text = m_search->text().trimmed();
    q.tong = m_tong->value();
    q.ban = q.tong > 0 ? m_ban->value() : 0;
    if (const int stage = m_stage->currentData().toInt(); stage >= 0)
        q.caseStage = CaseStage(stage);
    q.worker = m_worker->currentData().toString();
    return q;
}

} // namespace VisitMap::Ui
