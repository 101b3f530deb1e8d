// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/exportdialog.h"
#include "export/exportservice.h"
#include "mainwindow.h"
#include "models/householdtablemodel.h"
#include "storage/householdstore.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "util/csv.h"
#include "workspacecontroller.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QTableView>
#include <QTimer>

using namespace VisitMap;

namespace {

template<typename W>
W *named(QWidget &parent, const QString &accessibleName)
{
    for (W *w : parent.findChildren<W *>())
        if (w->accessibleName() == accessibleName)
            return w;
    return nullptr;
}

QAction *exportAction(QWidget &window)
{
    for (QAction *a : window.findChildren<QAction *>())
        if (a->text() == QStringLiteral("자료 내보내기(&E)…"))
            return a;
    return nullptr;
}

void selectCsv(QComboBox *format)
{
    format->setCurrentIndex(format->findData(int(Export::ExportFormat::Csv)));
}

struct SeenInDialog
{
    QString scopeText;
    int scopeIndex = -1;
    bool filteredEnabled = false;
    bool done = false;
};

// Opens the export dialog from the File menu as a person would, and in it: looks at the scope
// offered, optionally picks another, fills in a reason and the target file, and presses
// 내보내기; the confirmation box is closed.
SeenInDialog
exportFromMenu(QWidget &window, const QString &out, int pickScope = -1, bool unmasked = false)
{
    SeenInDialog seen;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<Ui::ExportDialog *>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        auto *scope = named<QComboBox>(*dialog, QStringLiteral("내보낼 가구의 범위"));
        REQUIRE(scope);
        seen.scopeIndex = scope->currentIndex();
        seen.scopeText = scope->currentText();
        if (pickScope >= 0)
            scope->setCurrentIndex(pickScope);
        selectCsv(named<QComboBox>(*dialog, QStringLiteral("파일 형식")));
        named<QLineEdit>(*dialog, QStringLiteral("내보내는 사유"))
            ->setText(QStringLiteral("구청 보고"));
        if (unmasked)
            dialog->findChild<QCheckBox *>()->setChecked(true);
        dialog->setOutputPath(out);
        QTimer::singleShot(0, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                seen.done = true;
                box->accept();
            }
        });
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        if (dialog->isVisible())
            dialog->reject(); // the export failed: do not hang the test
    });
    exportAction(window)->trigger();
    QApplication::processEvents();
    return seen;
}

} // namespace

TEST_CASE("The export follows the household list's filter when one is on", "[ui][export]")
{
    Test::TempDir dir;
    Test::DemoWindow demo(Test::demoController(dir));
    Ui::MainWindow &window = demo.window;
    // Filter the list to one 행정동 through the filter bar.
    auto *dong = named<QComboBox>(window, QStringLiteral("행정동 선택"));
    REQUIRE(dong);
    REQUIRE(dong->count() > 2);
    dong->setCurrentIndex(1);
    const QString code = dong->currentData().toString();
    QApplication::processEvents();
    const int shown = window.householdModel()->rowCount();
    REQUIRE(shown >= 5); // enough that a masked file withholds none of them
    REQUIRE(shown < Test::demoHouseholds);

    const QString out = dir.path(QStringLiteral("filtered.csv"));
    const SeenInDialog seen = exportFromMenu(window, out);
    // The dialog offered the filtered set first, with its count.
    CHECK(seen.scopeIndex == 1);
    CHECK(seen.scopeText == QStringLiteral("목록 필터에 맞는 가구 (%1가구)").arg(shown));
    REQUIRE(seen.done);
    auto table = CsvReader::readFile(out);
    REQUIRE(table);
    const int cDong = table->column({u"행정동코드"});
    REQUIRE(cDong >= 0);
    CHECK(table->rows.size() == shown);
    for (const CsvRecord &row : table->rows)
        CHECK(row.fields.at(cDong) == code);

    // Without a filter the whole area is offered first.
    dong->setCurrentIndex(0);
    QApplication::processEvents();
    const QString all = dir.path(QStringLiteral("all.csv"));
    const SeenInDialog unfiltered = exportFromMenu(window, all);
    CHECK(unfiltered.scopeIndex == 0);
    REQUIRE(unfiltered.done);
    auto whole = CsvReader::readFile(all);
    REQUIRE(whole);
    CHECK(whole->rows.size() > table->rows.size());
}

TEST_CASE("The export of the selected households holds those households and no other",
          "[ui][export]")
{
    Test::TempDir dir;
    Test::DemoWindow demo(Test::demoLeadController(dir));
    Ui::MainWindow &window = demo.window;
    auto *view = window.findChild<QTableView *>();
    REQUIRE(view);
    QSet<QString> chosen;
    view->selectRow(0);
    view->selectionModel()->select(view->model()->index(3, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(view->model()->index(5, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QApplication::processEvents();
    for (int r : {0, 3, 5})
        chosen.insert(
            window.householdModel()
                ->data(window.householdModel()->index(r, 0), Ui::HouseholdTableModel::IdRole)
                .toString());
    REQUIRE(chosen.size() == 3);

    const QString out = dir.path(QStringLiteral("selected.csv"));
    const SeenInDialog seen = exportFromMenu(window, out, 2, true);
    REQUIRE(seen.done);
    auto table = CsvReader::readFile(out);
    REQUIRE(table);
    const int cId = table->column({u"가구번호"});
    QSet<QString> ids;
    for (const CsvRecord &row : table->rows)
        ids.insert(row.fields.at(cId));
    CHECK(ids == chosen);
}

TEST_CASE("The export folder is the last one used or a VisitMap내보내기 folder made when missing",
          "[ui][export]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir);
    const QByteArray home = qgetenv("HOME"), config = qgetenv("XDG_CONFIG_HOME");
    qputenv("HOME", dir.path(QStringLiteral("home")).toUtf8());
    qunsetenv("XDG_CONFIG_HOME");
    QSettings().remove(QStringLiteral("export/folder"));
    const QString made = Ui::ExportDialog::defaultFolder();
    qputenv("HOME", home);
    if (!config.isEmpty())
        qputenv("XDG_CONFIG_HOME", config);
    CHECK(made.endsWith(QStringLiteral("/VisitMap내보내기")));
    CHECK(made.startsWith(dir.path(QStringLiteral("home"))));
    CHECK(QFileInfo(made).isDir());

    // After an export, the dialog opens in the folder it went to.
    QDir().mkpath(dir.path(QStringLiteral("reports")));
    {
        Ui::ExportDialog dialog(controller.get());
        selectCsv(named<QComboBox>(dialog, QStringLiteral("파일 형식")));
        named<QComboBox>(dialog, QStringLiteral("내보낼 자료의 종류"))->setCurrentIndex(2);
        named<QLineEdit>(dialog, QStringLiteral("내보내는 사유"))
            ->setText(QStringLiteral("구청 보고"));
        dialog.setOutputPath(dir.path(QStringLiteral("reports/dong.csv")));
        QTimer::singleShot(0, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->accept();
        });
        dialog.accept();
        CHECK(QFileInfo::exists(dir.path(QStringLiteral("reports/dong.csv"))));
    }
    Ui::ExportDialog again(controller.get());
    CHECK(QFileInfo(again.outputPath()).absolutePath()
          == QFileInfo(dir.path(QStringLiteral("reports"))).absoluteFilePath());
    CHECK(again.outputPath().endsWith(QStringLiteral(".xlsx"))); // Excel first
    QSettings().remove(QStringLiteral("export/folder"));
}

TEST_CASE("An export that cannot be written names the file in Korean", "[ui][export]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir);
    Ui::ExportDialog dialog(controller.get());
    named<QLineEdit>(dialog, QStringLiteral("내보내는 사유"))->setText(QStringLiteral("구청 보고"));
    dialog.setOutputPath(dir.path(QStringLiteral("no-such-folder/가구목록.xlsx")));
    dialog.accept();
    QStringList texts;
    for (QLabel *l : dialog.findChildren<QLabel *>())
        texts << l->text();
    const QString all = texts.join(u'\n');
    CHECK(all.contains(QStringLiteral("내보내지 못했습니다.")));
    CHECK(all.contains(QStringLiteral("가구목록.xlsx: 파일을 읽거나 쓸 수 없습니다.")));
    CHECK_FALSE(all.contains(QStringLiteral("cannot")));
    QSettings().remove(QStringLiteral("export/folder"));
}
