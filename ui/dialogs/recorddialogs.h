// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/enums.h"

#include <QDialog>
#include <optional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QUndoStack;

namespace VisitMap::Ui {

class NeedsEditor;
class WorkspaceController;

// The smaller records of a household, each undoable: a needs assessment, a counselling note, a
// service linked from the resource directory, the caseworker's risk tier.
class NeedsDialog : public QDialog
{
    Q_OBJECT
public:
    NeedsDialog(WorkspaceController *controller, QUndoStack *undo, const QString &householdId,
                QWidget *parent = nullptr);
    void accept() override;
    NeedsEditor *editor() const { return m_editor; }

private:
    WorkspaceController *m_controller;
    QUndoStack *m_undo;
    QString m_household;
    NeedsEditor *m_editor;
    QLabel *m_message;
};

class NoteDialog : public QDialog
{
    Q_OBJECT
public:
    NoteDialog(WorkspaceController *controller, QUndoStack *undo, const QString &householdId,
               QWidget *parent = nullptr);
    void accept() override;
    QLineEdit *topic() const { return m_topic; }
    QPlainTextEdit *body() const { return m_body; }

private:
    WorkspaceController *m_controller;
    QUndoStack *m_undo;
    QString m_household;
    QLineEdit *m_topic;
    QPlainTextEdit *m_body;
    QLabel *m_message;
};

class ServiceLinkDialog : public QDialog
{
    Q_OBJECT
public:
    ServiceLinkDialog(WorkspaceController *controller, QUndoStack *undo, const QString &householdId,
                      QWidget *parent = nullptr);
    void accept() override;
    QTableWidget *resources() const { return m_table; }
    QLineEdit *search() const { return m_search; }
    void refresh();

private:
    WorkspaceController *m_controller;
    QUndoStack *m_undo;
    QString m_household;
    QLineEdit *m_search;
    QComboBox *m_lifeCycle;
    QComboBox *m_situation;
    QComboBox *m_theme;
    QTableWidget *m_table;
    QComboBox *m_status;
    QLineEdit *m_note;
    QLabel *m_message;
};

class RiskDialog : public QDialog
{
    Q_OBJECT
public:
    // current: the caseworker's tier now (nullopt: the computed one is in force).
    RiskDialog(WorkspaceController *controller, QUndoStack *undo, const QString &householdId,
               RiskTier computed, std::optional<RiskTier> current, const QString &currentReason,
               QWidget *parent = nullptr);
    void accept() override;
    // -1: back to the computed tier; else a RiskTier.
    void choose(int option);
    QPlainTextEdit *reason() const { return m_reason; }

private:
    WorkspaceController *m_controller;
    QUndoStack *m_undo;
    QString m_household;
    std::optional<RiskTier> m_current;
    QString m_currentReason;
    QButtonGroup *m_choice;
    QPlainTextEdit *m_reason;
    QLabel *m_message;
};

} // namespace VisitMap::Ui
