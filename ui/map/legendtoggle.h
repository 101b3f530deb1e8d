// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QToolButton>

namespace VisitMap::Ui {

// The map legend's 접기/펼치기 control: a button over the map (clicked, or Tab to it and press
// Space; G on the map does the same) that collapses the legend to this one button in the top-right
// corner and expands it again. The choice is remembered (map/legendCollapsed) for the next start.
class LegendToggle : public QToolButton
{
    Q_OBJECT
public:
    explicit LegendToggle(QWidget *parent = nullptr);

    bool isCollapsed() const { return m_collapsed; }
    void setCollapsed(bool collapsed);
    // Places the button for a map of this area: in the expanded legend's second row, or alone in
    // the corner when collapsed.
    void place(const QRectF &area);

Q_SIGNALS:
    void collapsedChanged(bool collapsed);

private:
    void updateText();

    bool m_collapsed = false;
};

} // namespace VisitMap::Ui
