// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/facility.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace VisitMap::Ui {

class MapPlacement;
class MapWidget;
class WorkspaceController;

// 복지시설 목록: every welfare facility of the store, with or without a position, filtered by
// text and by whether it has a position. A team lead corrects a facility's details, places it by
// a click on the map, or places it at the households that share its road address; the map's
// facility layer shows it at once.
class FacilitiesDialog : public QDialog
{
    Q_OBJECT
public:
    enum class PositionFilter { All, Placed, Unplaced };

    FacilitiesDialog(WorkspaceController *controller, MapWidget *map, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *positionFilter() const { return m_position; }
    QLabel *summary() const { return m_summary; }
    QPushButton *button(const QString &objectName) const;
    MapPlacement *placement() const { return m_placement; }
    // Selects the facility's row (clearing filters that hide it); false when it is not listed.
    bool selectFacility(const QString &id);
    QString selectedId() const;

public Q_SLOTS:
    void reload();
    void editSelected();
    void placeOnMap();
    void placeByAddress();
    void showOnMap();

private:
    void applyFilter();
    void updateButtons();
    const Facility *selected() const;
    void placed(double lon, double lat);
    void placementEnded();
    void afterChange(const QString &id);

    WorkspaceController *m_controller;
    MapWidget *m_map;
    MapPlacement *m_placement;
    QList<Facility> m_facilities;
    QString m_placing; // the facility waiting for a click on the map
    QLineEdit *m_filter;
    QComboBox *m_position;
    QLabel *m_summary;
    QLabel *m_note;
    QTableWidget *m_table;
    QList<QPushButton *> m_buttons;
};

} // namespace VisitMap::Ui
