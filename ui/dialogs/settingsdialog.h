// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QSpinBox;

namespace VisitMap::Ui {

class WorkspaceController;

// Store-wide settings an admin sets: the idle-lock time and the visit cycle of each tier.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(WorkspaceController *controller, QWidget *parent = nullptr);
    void accept() override;

private:
    WorkspaceController *m_controller;
    QSpinBox *m_idle;
    QSpinBox *m_high;
    QSpinBox *m_medium;
    QSpinBox *m_low;
    QLabel *m_message;
};

} // namespace VisitMap::Ui
