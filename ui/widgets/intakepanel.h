// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "intake/reportintake.h"
#include "intake/roundintake.h"
#include "map/intakelayer.h"

#include <QWidget>
#include <variant>

class QLabel;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace VisitMap::Security {
class Disclosure;
}

namespace VisitMap::Ui {

class WorkspaceController;

// The intake queue: citizen crisis reports and 발굴 round entries waiting for a decision, the most
// urgent first (긴급, 우선, 일반; then the one waiting longest), each with its response deadline,
// an overdue one marked in red and in words. The list on the left; on the right the selected item
// with its candidate households side by side, their scores and the reasons, and the decisions (link
// to a household, open a new household and case, mark a duplicate). The reporter's contact is shown
// only to the team lead, on request.
class IntakePanel : public QWidget
{
    Q_OBJECT
public:
    explicit IntakePanel(WorkspaceController *controller, QWidget *parent = nullptr);

    // Reloads the queue (a logged view); keeps the selection when it is still waiting.
    void refresh();
    int waiting() const { return int(m_reports.size() + m_signals.size()); }
    // Where the waiting items are, for the map.
    QList<IntakeMark> marks() const;
    // Selects a report (its id or its id in the file) or a round entry (any of its item ids).
    bool select(const QString &id);
    QString selectedId() const;

    QTreeWidget *queueList() const { return m_list; }
    QTableWidget *candidateTable() const { return m_candidates; }
    QPushButton *button(const QString &objectName) const;
    // Imports a report JSON or round CSV; returns what happened in words (errors with lines).
    QString importFile(const QString &path, bool reports, bool *ok = nullptr);

public Q_SLOTS:
    void importReports();
    void importSignals();
    void linkSelected();
    void openNew();
    void markDuplicate();
    void showReporterContact();
    void viewPhotos(); // the selected report's photos (each opened is a logged reveal)
    void openCandidate();

Q_SIGNALS:
    void queueChanged();
    // Open this household in the household panel (and on the map).
    void householdRequested(const QString &householdId);
    // An urgent item was tied to a household nobody is assigned to and no duty worker is set:
    // the team lead is asked who takes it.
    void workerWanted(const QString &householdId);

private:
    using Item
        = std::variant<const Intake::ReportIntake::Entry *, const Intake::RoundIntake::Entry *>;
    Item current() const;
    const Security::Disclosure *disclosure() const;
    void showCurrent();
    void updateButtons();
    void fitColumns(); // tooltips with the full text, capped widths, the list's least width
    QString selectedCandidate() const;
    void afterDecision();
    void runImport(bool reports);
    void decisionFailed(const QString &what, const Error &error);
    // After an urgent item was tied to the household: asks for a worker when nobody has it.
    void askForWorker(const QString &householdId);

    WorkspaceController *m_controller;
    QList<Intake::ReportIntake::Entry> m_reports;
    QList<Intake::RoundIntake::Entry> m_signals;
    QList<Item> m_rows; // the list's rows in order: reports and round entries by urgency, then age
    QLabel *m_title;
    QTreeWidget *m_list;
    QLabel *m_detail;
    QLabel *m_candidatesTitle;
    QTableWidget *m_candidates;
    QList<QPushButton *> m_buttons;
};

} // namespace VisitMap::Ui
