// SPDX-License-Identifier: GPL-3.0-or-later
#include "facilityeditdialog.h"

#include "errortext.h"
#include "workspacecontroller.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace VisitMap::Ui {

FacilityEditDialog::FacilityEditDialog(WorkspaceController *controller,
                                       const Facility &facility,
                                       QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_facility(facility)
    , m_name(new QLineEdit(facility.name, this))
    , m_category(new QLineEdit(facility.category, this))
    , m_detail(new QLineEdit(facility.categoryDetail, this))
    , m_address(new QLineEdit(facility.address, this))
    , m_phone(new QLineEdit(facility.phone, this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("복지시설 정보 수정"));
    m_name->setMaxLength(FacilityDirectory::maxName + 20); // longer is refused with a reason
    m_address->setPlaceholderText(tr("도로명주소 (예: 서울특별시 서대문구 연희로 12)"));
    m_phone->setPlaceholderText(tr("예: 02-330-1234"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color:#B3261E"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("이름(&N)"), m_name);
    form->addRow(tr("종류(&K)"), m_category);
    form->addRow(tr("세부 종류(&D)"), m_detail);
    form->addRow(tr("주소(&A)"), m_address);
    form->addRow(tr("전화(&P)"), m_phone);
    const QString where
        = facility.isPlaced()
              ? tr("%1, %2 (%3)")
                    .arg(*facility.lat, 0, 'f', 5)
                    .arg(*facility.lon, 0, 'f', 5)
                    .arg(m_controller->officeName(facility.officeCode))
              : tr("위치 없음 — 목록에서 ‘지도에서 위치 지정’이나 ‘주소로 위치 지정’을 쓰세요");
    auto *position = new QLabel(where, this);
    position->setWordWrap(true);
    form->addRow(tr("위치"), position);
    if (!facility.source.isEmpty() || !facility.code.isEmpty())
        form->addRow(tr("출처"), new QLabel(QStringList{facility.source, facility.code}.join(
                                                QStringLiteral(" · ")),
                                            this));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("저장"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("취소"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FacilityEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *v = new QVBoxLayout(this);
    v->addLayout(form);
    v->addWidget(m_error);
    v->addWidget(buttons);
    resize(520, sizeHint().height());
}

QString FacilityEditDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString FacilityEditDialog::describe(FacilityDirectory::Problem problem)
{
    using P = FacilityDirectory::Problem;
    switch (problem) {
    case P::NameMissing:
        return tr("이름을 적어 주세요.");
    case P::NameTooLong:
        return tr("이름은 %1자까지 적을 수 있습니다.").arg(FacilityDirectory::maxName);
    case P::CategoryTooLong:
        return tr("종류와 세부 종류는 각각 %1자까지 적을 수 있습니다.")
            .arg(FacilityDirectory::maxCategory);
    case P::AddressTooLong:
        return tr("주소는 %1자까지 적을 수 있습니다.").arg(FacilityDirectory::maxAddress);
    case P::PhoneInvalid:
        return tr("전화번호에는 숫자와 -, 괄호, 띄어쓰기만 쓸 수 있습니다 (%1자까지).")
            .arg(FacilityDirectory::maxPhone);
    case P::PositionInvalid:
        return tr("위치가 우리나라 안의 좌표가 아닙니다.");
    }
    return {};
}

void FacilityEditDialog::accept()
{
    Facility changed = m_facility;
    changed.name = m_name->text();
    changed.category = m_category->text();
    changed.categoryDetail = m_detail->text();
    changed.address = m_address->text();
    changed.phone = m_phone->text();
    const auto problems = FacilityDirectory::check(changed);
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const auto p : problems)
            lines << describe(p);
        m_error->setText(lines.join(u'\n'));
        m_error->show();
        return;
    }
    if (auto ok = m_controller->facilityDirectory().edit(changed); !ok) {
        m_error->setText(ErrorText::describe(tr("시설 정보를 저장하지 못했습니다."), ok.error()));
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace VisitMap::Ui
