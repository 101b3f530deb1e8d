// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QUndoStack;

namespace VisitMap::Ui {

class NeedsEditor;
class WorkspaceController;

// Logs a contact with a household: kind, when, who was there, whom they met, the outcome and
// notes; optionally the needs assessment and a counselling note taken during it. Undoable.
class VisitDialog : public QDialog
{
    Q_OBJECT
public:
    VisitDialog(WorkspaceController *controller, QUndoStack *undo, const QString &householdId,
                QWidget *parent = nullptr);
    void accept() override;

    // For tests and keyboard users alike: the fields by name.
    QComboBox *kind() const { return m_kind; }
    QComboBox *outcome() const { return m_outcome; }
    QLineEdit *metWhom() const { return m_metWhom; }
    QPlainTextEdit *notes() const { return m_notes; }
    QGroupBox *needsBox() const { return m_needsBox; }
    NeedsEditor *needs() const { return m_needs; }
    QGroupBox *noteBox() const { return m_noteBox; }
    QPlainTextEdit *counselingBody() const { return m_noteBody; }
    QString error() const;

private:
    WorkspaceController *m_controller;
    QUndoStack *m_undo;
    QString m_household;
    QComboBox *m_kind;
    QDateTimeEdit *m_when;
    QComboBox *m_outcome;
    QLineEdit *m_staff;
    QLineEdit *m_metWhom;
    QPlainTextEdit *m_notes;
    QGroupBox *m_needsBox;
    NeedsEditor *m_needs;
    QGroupBox *m_noteBox;
    QLineEdit *m_noteTopic;
    QPlainTextEdit *m_noteBody;
    QLabel *m_message;
};

} // namespace VisitMap::Ui
