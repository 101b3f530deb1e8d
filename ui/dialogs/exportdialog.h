// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace VisitMap::Ui {

class WorkspaceController;

// Exports households or visits to CSV. Asks why (kept in the access log); offers unmasked data only
// to a role allowed to export it.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(WorkspaceController *controller, QWidget *parent = nullptr);
    void accept() override;
    // For tests: set the target file without the file chooser.
    void setOutputPath(const QString &path);

private:
    WorkspaceController *m_controller;
    QComboBox *m_kind;
    QLineEdit *m_reason;
    QCheckBox *m_unmasked;
    QLineEdit *m_path;
    QLabel *m_message;
};

} // namespace VisitMap::Ui
