// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <optional>

class QLabel;
class QPushButton;

namespace VisitMap::Ui {

// Over the map's top-left corner while the list is filtered: "필터 적용 중 · N가구" and a
// 필터 해제 button, so a person always knows the map shows only part of the district and can
// show all of it again with one click.
class MapFilterBanner : public QFrame
{
    Q_OBJECT
public:
    explicit MapFilterBanner(QWidget *parent = nullptr);

    // Shows the banner with the filtered count, or hides it (nullopt: not filtered).
    void showCount(std::optional<int> households);
    QString text() const;
    QPushButton *clearButton() const { return m_clear; }

Q_SIGNALS:
    void clearRequested();

private:
    QLabel *m_label;
    QPushButton *m_clear;
};

} // namespace VisitMap::Ui
