// SPDX-License-Identifier: GPL-3.0-or-later
#include "urgentstatuslabel.h"

#include "intake/urgentescalation.h"
#include "security/permissions.h"
#include "workspace.h"
#include "workspacecontroller.h"

namespace VisitMap::Ui {

UrgentStatusLabel::UrgentStatusLabel(WorkspaceController *controller, QWidget *parent)
    : QLabel(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("urgentStatus"));
    setTextFormat(Qt::PlainText);
    setStyleSheet(QStringLiteral("color: #B1121B; font-weight: bold"));
    setAccessibleName(tr("긴급 미연락"));
    setToolTip(tr("긴급 신고·발굴 대상 중 아직 연락이 닿지 않은 건수입니다. 연결된 가구에 "
                  "방문·전화·내방이 기록되거나 "
                  "신고가 중복·종결되면 빠집니다."));
    connect(controller, &WorkspaceController::sessionChanged, this, &UrgentStatusLabel::refresh);
    connect(controller, &WorkspaceController::householdsChanged, this, &UrgentStatusLabel::refresh);
    connect(controller, &WorkspaceController::storeChanged, this, &UrgentStatusLabel::refresh);
    refresh();
}

void UrgentStatusLabel::refresh()
{
    Workspace *ws = m_controller->workspace();
    if (ws && ws->busyElsewhere())
        return; // an import holds the store; keep the last count
    m_count = 0;
    if (ws && ws->session() && m_controller->can(int(Security::Permission::AssignHouseholds))) {
        if (auto n = m_controller->escalation().urgentUncontacted())
            m_count = *n;
    }
    setText(m_count > 0 ? tr("긴급 미연락 %1건").arg(m_count) : QString());
    setVisible(m_count > 0);
}

} // namespace VisitMap::Ui
