// SPDX-License-Identifier: GPL-3.0-or-later
// The map follows the list: whatever narrows the list narrows the map to the same households.
#include "geo/clusterindex.h"
#include "map/mapfilterbanner.h"
#include "map/maphouseholds.h"
#include "map/mapwidget.h"
#include "models/householdtablemodel.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "widgets/householdfilterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace VisitMap;

namespace {

struct FilterWindow : Test::DemoWindow
{
    Ui::MapWidget *map;
    Ui::HouseholdTableModel *model;
    FilterWindow(std::unique_ptr<Ui::WorkspaceController> c)
        : Test::DemoWindow(std::move(c))
    {
        map = window.map();
        model = window.householdModel();
        map->waitForIndex();
    }
    template<typename T>
    T *byName(const QString &accessibleName)
    {
        for (T *w : window.findChildren<T *>()) {
            if (w->accessibleName() == accessibleName)
                return w;
        }
        FAIL("no widget " << accessibleName.toStdString());
        return nullptr;
    }
    QCheckBox *box(const QString &text)
    {
        for (QCheckBox *c : window.findChildren<QCheckBox *>()) {
            if (c->text() == text)
                return c;
        }
        FAIL("no check box " << text.toStdString());
        return nullptr;
    }
    void settle()
    {
        QTest::qWait(250); // the search waits for typing to pause
        map->waitForIndex();
    }
    // Households in the clusters of the most zoomed-out level: what the badges add up to.
    std::size_t clusteredHouseholds() const
    {
        const auto &index = map->households().index();
        std::size_t n = 0;
        const int level = index->options().minZoom;
        for (std::uint32_t i = 0; i < index->itemCount(level); ++i)
            n += index->item(level, i).count;
        return n;
    }
    // The map shows exactly the list's households.
    void requireSameAsList()
    {
        const std::vector<qint64> listed = model->sortedRowIds();
        REQUIRE(map->households().size() == listed.size());
        std::vector<qint64> shown;
        const auto &index = map->households().index();
        for (std::uint32_t p = 0; p < index->pointCount(); ++p)
            shown.push_back(index->key(p));
        std::sort(shown.begin(), shown.end());
        CHECK(shown == listed);
        CHECK(clusteredHouseholds() == listed.size());
    }
};

} // namespace

TEST_CASE(
    "Each filter of the list narrows the map and its clusters and counts to the same households",
    "[ui][map]")
{
    Test::TempDir dir;
    FilterWindow w(Test::demoLeadController(dir));
    REQUIRE(w.map->households().size() == std::size_t(w.model->rowCount()));
    REQUIRE_FALSE(w.map->isFiltered());
    CHECK_FALSE(w.map->filterBanner()->isVisible());
    const auto fullIndex = w.map->households().index();

    auto requireFiltered = [&] {
        w.settle();
        REQUIRE(w.map->isFiltered());
        REQUIRE(w.model->rowCount() < Test::demoHouseholds);
        w.requireSameAsList();
        CHECK(w.map->filterBanner()->isVisible());
        CHECK(w.map->filterBanner()->text()
              == QStringLiteral("필터 적용 중 · %1가구").arg(w.model->rowCount()));
    };
    auto clearWithBanner = [&] {
        QTest::mouseClick(w.map->filterBanner()->clearButton(), Qt::LeftButton);
        w.settle();
        REQUIRE(w.model->rowCount() == Test::demoHouseholds);
        CHECK_FALSE(w.map->isFiltered());
        CHECK_FALSE(w.map->filterBanner()->isVisible());
        // The whole district's index comes back as it was: clearing rebuilds nothing.
        CHECK(w.map->households().index() == fullIndex);
        CHECK(w.map->households().size() == std::size_t(Test::demoHouseholds));
    };

    SECTION("방문 지남")
    {
        w.box(QStringLiteral("방문 지남"))->setChecked(true);
        requireFiltered();
        clearWithBanner();
        CHECK_FALSE(w.box(QStringLiteral("방문 지남"))->isChecked());
    }
    SECTION("행정동")
    {
        auto *dong = w.byName<QComboBox>(QStringLiteral("행정동 선택"));
        REQUIRE(dong->count() > 2);
        dong->setCurrentIndex(1);
        requireFiltered();
        dong->setCurrentIndex(2);
        requireFiltered();
        clearWithBanner();
        CHECK(dong->currentIndex() == 0);
    }
    SECTION("위험도")
    {
        auto *tier = w.byName<QComboBox>(QStringLiteral("위험도 선택"));
        tier->setCurrentIndex(1); // 고위험
        requireFiltered();
        clearWithBanner();
    }
    SECTION("사례관리 단계")
    {
        auto *stage = w.byName<QComboBox>(QStringLiteral("사례관리 단계 선택"));
        stage->setCurrentIndex(1);
        requireFiltered();
        clearWithBanner();
    }
    SECTION("담당자")
    {
        auto *worker = w.byName<QComboBox>(QStringLiteral("담당자 선택"));
        REQUIRE(worker->count() > 1);
        worker->setCurrentIndex(1); // (담당자 없음)
        requireFiltered();
        clearWithBanner();
    }
    SECTION("검색")
    {
        auto all = Storage::HouseholdStore(w.controller->workspace()->db()).list({});
        REQUIRE(all);
        auto *search = w.window.findChild<QLineEdit *>(QStringLiteral("householdSearch"));
        search->setText(all->at(3).roadAddress.section(u' ', -2, -2));
        requireFiltered();
        clearWithBanner();
        CHECK(search->text().isEmpty());
    }
    SECTION("두 조건을 함께")
    {
        w.box(QStringLiteral("방문 지남"))->setChecked(true);
        w.byName<QComboBox>(QStringLiteral("위험도 선택"))->setCurrentIndex(1);
        requireFiltered();
        clearWithBanner();
    }
}

TEST_CASE("Sorting a filtered list keeps the map's filtered index and a filter nothing matches "
          "empties the map",
          "[ui][map]")
{
    Test::TempDir dir;
    FilterWindow w(Test::demoLeadController(dir));
    w.box(QStringLiteral("방문 지남"))->setChecked(true);
    w.settle();
    REQUIRE(w.map->isFiltered());
    const auto filtered = w.map->households().index();
    w.model->sort(Ui::HouseholdTableModel::AddressColumn, Qt::DescendingOrder);
    w.settle();
    CHECK(w.map->households().index() == filtered); // the same households: nothing rebuilt
    w.requireSameAsList();

    auto *search = w.window.findChild<QLineEdit *>(QStringLiteral("householdSearch"));
    search->setText(QStringLiteral("없는주소없는주소"));
    w.settle();
    REQUIRE(w.model->rowCount() == 0);
    CHECK(w.map->households().size() == 0);
    CHECK(w.map->filterBanner()->text() == QStringLiteral("필터 적용 중 · 0가구"));
}

TEST_CASE("Picking the filter's households out of the district is a merge of two ascending lists",
          "[ui][map]")
{
    Ui::MapHouseholds::Points all;
    for (qint64 id : {1, 2, 4, 7, 9, 12})
        all.push_back({127.0, 37.5, id, RiskTier::Low, false, false});
    const auto picked = Ui::MapHouseholds::select(all, {2, 3, 7, 12, 13});
    std::vector<qint64> ids;
    for (const auto &p : picked)
        ids.push_back(p.rowId);
    CHECK(ids == std::vector<qint64>{2, 7, 12});
    CHECK(Ui::MapHouseholds::select(all, {}).empty());
}
