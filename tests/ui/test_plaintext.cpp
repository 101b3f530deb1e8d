// SPDX-License-Identifier: GPL-3.0-or-later
// A person's data that looks like markup is shown as the characters typed, never rendered.
#include "mainwindow.h"
#include "models/householdtablemodel.h"
#include "plaintext.h"
#include "storage/database.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "widgets/householdpanel.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QLabel>
#include <QTextDocument>

using namespace VisitMap;

namespace {

const QString markup = QStringLiteral("<font size=7 color=red>홍길동</font>");

// Whether Qt would draw the label's text as rich text.
bool rendersAsHtml(const QLabel *label)
{
    switch (label->textFormat()) {
    case Qt::PlainText:
        return false;
    case Qt::RichText:
        return true;
    default:
        return Qt::mightBeRichText(label->text());
    }
}

// The text a tooltip shows: the rich text Qt would render, as plain characters.
QString shownToolTip(const QString &tip)
{
    QTextDocument doc;
    if (Qt::mightBeRichText(tip))
        doc.setHtml(tip);
    else
        doc.setPlainText(tip);
    return doc.toPlainText();
}

} // namespace

TEST_CASE("A household name written as markup shows as typed in the panel title", "[ui][plaintext]")
{
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoController(dir));
    Workspace &ws = *w.controller->workspace();
    const QString id
        = ws.db()
              .scalar(QStringLiteral("SELECT id FROM households ORDER BY rowid LIMIT 1"))
              ->toString();
    REQUIRE(ws.db().execute(QStringLiteral("UPDATE households SET head_name = ? WHERE id = ?"),
                            {markup, id}));
    REQUIRE(w.window.openHousehold(id));
    QApplication::processEvents();

    int shown = 0;
    for (const QLabel *label : w.window.householdPanel()->findChildren<QLabel *>()) {
        if (!label->text().contains(markup))
            continue;
        ++shown;
        INFO(label->text().toStdString());
        CHECK_FALSE(rendersAsHtml(label));
    }
    CHECK(shown >= 1); // the title holds the name
}

TEST_CASE("A risk override reason written as markup shows as typed in the list's tooltip",
          "[ui][plaintext]")
{
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoController(dir));
    Workspace &ws = *w.controller->workspace();
    const QString reason = QStringLiteral("<b>굵게</b> & <i>기울임</i>");
    const QString id
        = ws.db()
              .scalar(QStringLiteral("SELECT id FROM households ORDER BY rowid LIMIT 1"))
              ->toString();
    REQUIRE(ws.db().execute(
        QStringLiteral("UPDATE households SET risk_override = 'high', risk_override_reason = ? "
                       "WHERE id = ?"),
        {reason, id}));
    Ui::HouseholdTableModel *model = w.window.householdModel();
    model->reload();
    QApplication::processEvents();
    int found = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString tip = model->index(row, Ui::HouseholdTableModel::TierColumn)
                                .data(Qt::ToolTipRole)
                                .toString();
        if (!tip.contains(QStringLiteral("조정")))
            continue;
        if (!shownToolTip(tip).contains(reason))
            continue;
        ++found;
    }
    CHECK(found == 1);
}

TEST_CASE("Plain-text tooltips show markup characters as they are", "[ui][plaintext]")
{
    CHECK(shownToolTip(Ui::PlainText::toolTip(markup)) == markup);
    CHECK(Ui::PlainText::toolTip(QString()).isEmpty());
}
