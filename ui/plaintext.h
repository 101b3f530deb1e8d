// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>
#include <QString>

class QWidget;

namespace VisitMap::Ui {

// A person's data is shown as the characters it holds, never as markup: Qt renders a text that
// looks like HTML ("<font size=7 color=red>") as rich text in labels, tooltips and message boxes
// unless told otherwise. These show text that may hold such data.
namespace PlainText {
// A message box whose text is plain (titles are always plain).
void warning(QWidget *parent, const QString &title, const QString &text);
void information(QWidget *parent, const QString &title, const QString &text);
QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text);
// A tooltip that shows the text as it is (tooltips guess rich text otherwise).
QString toolTip(const QString &text);
} // namespace PlainText

} // namespace VisitMap::Ui
