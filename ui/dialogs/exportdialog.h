// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/householdstore.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace VisitMap::Ui {

class WorkspaceController;

// Exports households or visits, or a summary of counts (동 × 위험도, 가구유형별, 담당자별 방문
// 지연), as an Excel workbook or CSV with Korean headers and values. Asks which households (all,
// those the list's filter shows, or the selected ones; the filtered set when a filter is on) and
// why (kept in the access log); offers unmasked data only to a role allowed to export it. The
// file goes to the folder used last, or a VisitMap내보내기 folder in the documents folder, made
// when missing.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(WorkspaceController *controller, QWidget *parent = nullptr);
    // With the household list's filter (read as it is) and the households selected on the map or
    // in the list.
    ExportDialog(WorkspaceController *controller,
                 const Storage::HouseholdQuery &listFilter,
                 const QStringList &selectedIds,
                 QWidget *parent = nullptr);
    void accept() override;
    // For tests: set the target file without the file chooser.
    void setOutputPath(const QString &path);
    QString outputPath() const;

    // The folder an export goes to first: the last one used, or the default (made when missing).
    static QString defaultFolder();

private:
    void updateFileName();
    void updateKind();

    WorkspaceController *m_controller;
    Storage::HouseholdQuery m_listFilter;
    QStringList m_selected;
    QComboBox *m_kind;
    QComboBox *m_scope;
    QComboBox *m_format;
    QLineEdit *m_reason;
    QCheckBox *m_unmasked;
    QLineEdit *m_path;
    QLabel *m_note;
    QLabel *m_message;
};

} // namespace VisitMap::Ui
