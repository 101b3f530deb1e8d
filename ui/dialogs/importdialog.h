// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importservice.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace VisitMap::Ui {

class ImportJob;
class WorkspaceController;

// 파일 › 가져오기: the person picks what kind of file it is and the file, sees its first rows read
// as the import will read them (encoding, columns) and which column fills which field, and
// imports. The import runs off the window's thread with a progress bar and 취소; a file with any
// bad row imports nothing and the problems are listed by line in Korean.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImportDialog(WorkspaceController *controller,
                          QWidget *parent = nullptr,
                          Import::ImportKind kind = Import::ImportKind::Households);
    ~ImportDialog() override;

    // What choosing a kind or a file in the dialog does (tests call them instead of the choosers).
    void setKind(Import::ImportKind kind);
    void setFile(const QString &path);
    Import::ImportKind kind() const;
    bool isImporting() const;

    void reject() override;

    static QString kindLabel(Import::ImportKind kind);

Q_SIGNALS:
    // An import ended (imported, refused with problems, failed or cancelled).
    void importFinished();

private:
    void browse();
    void kindChanged();
    void loadPreview();
    void startImport();
    void cancelImport();
    void showProgress(int stage, qint64 done, qint64 total);
    void showResult();
    void updateButtons();
    QString refusalText() const;

    WorkspaceController *m_controller;
    QComboBox *m_kind;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QComboBox *m_crs;
    QLabel *m_crsLabel;
    QLabel *m_refusal;
    QLabel *m_encoding;
    QTableWidget *m_preview;
    QTableWidget *m_mapping;
    QProgressBar *m_progress;
    QLabel *m_stage;
    QPushButton *m_cancel;
    QLabel *m_outcome;
    QListWidget *m_problems;
    QPushButton *m_import;
    QPushButton *m_close;
    ImportJob *m_job = nullptr;
    bool m_previewOk = false;
};

} // namespace VisitMap::Ui
