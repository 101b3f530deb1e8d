// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/casework.h"

#include <QWidget>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QUndoStack;
class QVBoxLayout;

namespace VisitMap::Ui {

class WorkspaceController;

// One household, as a caseworker reads it before a visit: who lives there, why the household is
// at its risk tier, its case and deadlines, services, and everything that happened, newest first
// with what is new since the last meeting highlighted. The actions log what happens next.
class HouseholdPanel : public QWidget
{
    Q_OBJECT
public:
    HouseholdPanel(WorkspaceController *controller, QUndoStack *undo, QWidget *parent = nullptr);

    // Opens a household (a logged view).
    bool showHousehold(const QString &householdId);
    void clear();
    QString householdId() const { return m_view ? m_view->household.id : QString(); }
    const std::optional<HouseholdView> &view() const { return m_view; }

    QListWidget *timeline() const { return m_timeline; }
    QTableWidget *members() const { return m_members; }
    QPushButton *button(const QString &objectName) const;

public Q_SLOTS:
    void refresh(); // after an edit: reload without logging a new view

    void logVisit();
    void assessNeeds();
    void addNote();
    void linkService();
    void adjustRisk();
    void nextStage();
    void previousStage();
    void openCase();
    void toggleCheckin();
    void attachPhoto();
    void viewPhotos(); // opens the photo viewer (each photo opened is a logged reveal)
    void revealIdentifiers();
    void takeBackSelected();

private:
    void render();
    QPushButton *addAction(QLayout *layout, const QString &objectName, const QString &text,
                           void (HouseholdPanel::*slot)());
    void fail(const QString &what, const QString &error);

    WorkspaceController *m_controller;
    QUndoStack *m_undo;
    std::optional<HouseholdView> m_view;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_tier;
    QLabel *m_factors;
    QLabel *m_info;
    QTableWidget *m_members;
    QLabel *m_case;
    QLabel *m_deadlines;
    QLabel *m_services;
    QListWidget *m_timeline;
    QLabel *m_keys;
};

} // namespace VisitMap::Ui
