// SPDX-License-Identifier: GPL-3.0-or-later
#include "facilitiesdialog.h"

#include "errortext.h"
#include "facilityeditdialog.h"
#include "map/mapplacement.h"
#include "map/mapwidget.h"
#include "plaintext.h"
#include "security/permissions.h"
#include "workflow/facilitydirectory.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VisitMap::Ui {

namespace {

enum Column { Name, Kind, Address, Phone, Position, ColumnCount };
constexpr int kIdRole = Qt::UserRole;

} // namespace

FacilitiesDialog::FacilitiesDialog(WorkspaceController *controller, MapWidget *map, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_map(map)
    , m_placement(new MapPlacement(map, this))
    , m_filter(new QLineEdit(this))
    , m_position(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_note(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("복지시설 목록"));
    setAccessibleName(tr("복지시설 목록"));
    m_filter->setPlaceholderText(tr("이름·종류·주소로 찾기"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("시설 찾기"));
    m_position->addItem(tr("모든 시설"), int(PositionFilter::All));
    m_position->addItem(tr("위치 있는 시설"), int(PositionFilter::Placed));
    m_position->addItem(tr("위치 없는 시설"), int(PositionFilter::Unplaced));
    m_position->setAccessibleName(tr("위치로 거르기"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels(
        {tr("이름"), tr("종류"), tr("주소"), tr("전화"), tr("위치")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(Address, QHeaderView::Stretch);
    m_table->setColumnWidth(Name, 250);
    m_table->setColumnWidth(Kind, 190);
    m_table->setColumnWidth(Position, 150);
    m_table->setAccessibleName(tr("복지시설"));
    connect(m_filter, &QLineEdit::textChanged, this, &FacilitiesDialog::applyFilter);
    connect(m_position, &QComboBox::currentIndexChanged, this, &FacilitiesDialog::applyFilter);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &FacilitiesDialog::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &FacilitiesDialog::editSelected);
    connect(m_placement, &MapPlacement::placed, this, &FacilitiesDialog::placed);
    connect(m_placement, &MapPlacement::cancelled, this, &FacilitiesDialog::placementEnded);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_position);
    auto *actions = new QHBoxLayout;
    auto add = [&](const QString &name, const QString &text, void (FacilitiesDialog::*slot)()) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setAutoDefault(false);
        connect(b, &QPushButton::clicked, this, slot);
        actions->addWidget(b);
        m_buttons << b;
    };
    add(QStringLiteral("edit"), tr("편집(&E)…"), &FacilitiesDialog::editSelected);
    add(QStringLiteral("placeOnMap"), tr("지도에서 위치 지정(&M)"), &FacilitiesDialog::placeOnMap);
    add(QStringLiteral("placeByAddress"), tr("주소로 위치 지정(&A)…"),
        &FacilitiesDialog::placeByAddress);
    add(QStringLiteral("showOnMap"), tr("지도에서 보기(&S)"), &FacilitiesDialog::showOnMap);
    actions->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("닫기"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    actions->addWidget(close);

    auto *v = new QVBoxLayout(this);
    v->addLayout(top);
    v->addWidget(m_summary);
    v->addWidget(m_table, 1);
    v->addWidget(m_note);
    v->addLayout(actions);
    resize(980, 620);
    reload();
}

QPushButton *FacilitiesDialog::button(const QString &objectName) const
{
    for (QPushButton *b : m_buttons) {
        if (b->objectName() == objectName)
            return b;
    }
    return nullptr;
}

void FacilitiesDialog::reload()
{
    const QString keep = selectedId();
    m_facilities.clear();
    if (m_controller->workspace()) {
        auto all = m_controller->facilityDirectory().list();
        if (all)
            m_facilities = *all;
        else
            m_note->setText(ErrorText::describe(tr("시설 목록을 읽지 못했습니다."), all.error()));
    }
    const bool blocked = m_table->blockSignals(true);
    m_table->setRowCount(int(m_facilities.size()));
    int placed = 0;
    for (int r = 0; r < m_facilities.size(); ++r) {
        const Facility &f = m_facilities[r];
        placed += f.isPlaced() ? 1 : 0;
        const QString kind = f.categoryDetail.isEmpty() || f.categoryDetail == f.category
                                 ? f.category
                                 : tr("%1 · %2").arg(f.category, f.categoryDetail);
        const QString where = f.isPlaced() ? tr("%1 (%2)").arg(
                                  m_controller->officeName(f.officeCode),
                                  f.placedBy == QLatin1String("source")    ? tr("목록 좌표")
                                  : f.placedBy == QLatin1String("address") ? tr("주소로 지정")
                                                                           : tr("지도에서 지정"))
                                           : tr("위치 없음");
        const QStringList cells{f.name, kind, f.address, f.phone, where};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setData(kIdRole, f.id);
            if (c == Position && !f.isPlaced())
                item->setForeground(QColor(0x9E, 0x6A, 0x00));
            m_table->setItem(r, c, item);
        }
    }
    m_table->blockSignals(blocked);
    m_summary->setText(tr("복지시설 %L1곳 · 지도에 있음 %L2곳 · 위치 없음 %L3곳")
                           .arg(m_facilities.size())
                           .arg(placed)
                           .arg(m_facilities.size() - placed));
    const bool mayEdit = m_controller->can(int(Security::Permission::EditFacilities));
    m_note->setText(
        mayEdit ? tr(
            "위치 없는 시설은 지도에 그려지지 않습니다. 지도를 눌러 정하거나, 같은 도로명주소에 "
            "사는 가구의 위치를 쓰세요.")
                : tr("시설 정보 수정과 위치 지정은 팀장이 합니다."));
    applyFilter();
    if (!keep.isEmpty())
        selectFacility(keep);
    updateButtons();
}

void FacilitiesDialog::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    const auto mode = PositionFilter(m_position->currentData().toInt());
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const Facility &f = m_facilities[r];
        bool show = mode == PositionFilter::All || (mode == PositionFilter::Placed) == f.isPlaced();
        if (show && !text.isEmpty())
            show = f.name.contains(text, Qt::CaseInsensitive)
                   || f.category.contains(text, Qt::CaseInsensitive)
                   || f.categoryDetail.contains(text, Qt::CaseInsensitive)
                   || f.address.contains(text, Qt::CaseInsensitive);
        m_table->setRowHidden(r, !show);
    }
    updateButtons();
}

bool FacilitiesDialog::selectFacility(const QString &id)
{
    for (int r = 0; r < m_facilities.size(); ++r) {
        if (m_facilities[r].id != id)
            continue;
        if (m_table->isRowHidden(r)) {
            m_filter->clear();
            m_position->setCurrentIndex(0);
        }
        m_table->selectRow(r);
        m_table->scrollToItem(m_table->item(r, Name));
        return true;
    }
    return false;
}

const Facility *FacilitiesDialog::selected() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_facilities.size()
        || m_table->isRowHidden(rows.first().row()))
        return nullptr;
    return &m_facilities[rows.first().row()];
}

QString FacilitiesDialog::selectedId() const
{
    const Facility *f = selected();
    return f ? f->id : QString();
}

void FacilitiesDialog::updateButtons()
{
    const Facility *f = selected();
    const bool mayEdit = m_controller->can(int(Security::Permission::EditFacilities));
    button(QStringLiteral("edit"))->setEnabled(f && mayEdit);
    button(QStringLiteral("placeOnMap"))->setEnabled(f && mayEdit && m_map);
    button(QStringLiteral("placeByAddress"))->setEnabled(f && mayEdit && !f->address.isEmpty());
    button(QStringLiteral("showOnMap"))->setEnabled(f && f->isPlaced() && m_map);
    button(QStringLiteral("placeOnMap"))
        ->setText(f && f->isPlaced() ? tr("지도에서 위치 옮기기(&M)")
                                     : tr("지도에서 위치 지정(&M)"));
}

void FacilitiesDialog::editSelected()
{
    const Facility *f = selected();
    if (!f || !m_controller->can(int(Security::Permission::EditFacilities)))
        return;
    FacilityEditDialog dialog(m_controller, *f, this);
    if (dialog.exec() == QDialog::Accepted)
        afterChange(f->id);
}

void FacilitiesDialog::placeOnMap()
{
    const Facility *f = selected();
    if (!f || !m_map)
        return;
    m_placing = f->id;
    // Out of the way while the person looks for the place; back when it is set or cancelled.
    hide();
    m_placement->start(tr("「%1」의 위치를 지도에서 누르세요").arg(f->name));
}

void FacilitiesDialog::placed(double lon, double lat)
{
    const QString id = m_placing;
    m_placing.clear();
    if (id.isEmpty())
        return;
    FacilityDirectory &directory = m_controller->facilityDirectory();
    auto office = directory.officeAt(lon, lat);
    if (office && office->isEmpty()) {
        PlainText::warning(
            this, tr("위치 지정"),
            tr("누른 곳은 이 자료의 행정동 밖입니다. 관할 행정동 안을 눌러 주세요."));
    } else if (auto ok = directory.placeAt(id, lon, lat, FacilityDirectory::PlacedBy::Map); !ok) {
        PlainText::warning(this, tr("위치 지정"),
                           ErrorText::describe(tr("위치를 저장하지 못했습니다."), ok.error()));
    } else {
        afterChange(id);
    }
    placementEnded();
}

void FacilitiesDialog::placementEnded()
{
    m_placing.clear();
    show();
    raise();
}

void FacilitiesDialog::placeByAddress()
{
    const Facility *f = selected();
    if (!f)
        return;
    const QString id = f->id;
    FacilityDirectory &directory = m_controller->facilityDirectory();
    auto match = directory.addressCandidates(id);
    if (!match) {
        PlainText::warning(this, tr("주소로 위치 지정"),
                           ErrorText::describe(tr("주소를 맞춰 보지 못했습니다."), match.error()));
        return;
    }
    if (!match->addressUsable) {
        PlainText::information(
            this, tr("주소로 위치 지정"),
            tr("이 시설의 주소에서 도로명과 건물번호를 찾지 못했습니다. 주소를 고치거나 지도에서 "
               "눌러 정하세요."));
        return;
    }
    if (match->candidates.isEmpty()) {
        PlainText::information(
            this, tr("주소로 위치 지정"),
            tr("‘%1 %2’에 사는 가구가 없어 주소로는 정할 수 없습니다. 지도에서 눌러 정하세요.")
                .arg(match->road, match->number));
        return;
    }
    QStringList items;
    for (const auto &c : match->candidates)
        items << tr("%1 %2 · %3 · 가구 %4곳의 위치")
                     .arg(c.road, c.number, m_controller->officeName(c.officeCode))
                     .arg(c.households);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("주소로 위치 지정"), tr("같은 도로명주소의 가구 위치로 정합니다. 어느 곳입니까?"),
        items, 0, false, &ok);
    if (!ok)
        return;
    const auto &c = match->candidates[std::max(0, int(items.indexOf(chosen)))];
    if (auto placed = directory.placeAt(id, c.lon, c.lat, FacilityDirectory::PlacedBy::Address);
        !placed) {
        PlainText::warning(this, tr("주소로 위치 지정"),
                           ErrorText::describe(tr("위치를 저장하지 못했습니다."), placed.error()));
        return;
    }
    afterChange(id);
}

void FacilitiesDialog::showOnMap()
{
    const Facility *f = selected();
    if (!f || !f->isPlaced() || !m_map)
        return;
    m_map->setViewport(Geo::Viewport::centredOn(QGeoCoordinate(*f->lat, *f->lon),
                                                std::max(16.0, m_map->viewport().zoom()),
                                                m_map->size(), m_map->devicePixelRatioF()));
}

void FacilitiesDialog::afterChange(const QString &id)
{
    // The map reads the facilities again when the store announces the change: a placed one is
    // drawn at once.
    reload();
    selectFacility(id);
}

} // namespace VisitMap::Ui
