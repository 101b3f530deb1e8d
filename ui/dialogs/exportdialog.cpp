// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"

#include "export/exportservice.h"
#include "filedialogs.h"
#include "security/permissions.h"
#include "workspacecontroller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace VisitMap::Ui {

ExportDialog::ExportDialog(WorkspaceController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_kind(new QComboBox(this))
    , m_reason(new QLineEdit(this))
    , m_unmasked(new QCheckBox(tr("마스킹하지 않고 내보내기 (팀장만, 기록됨)"), this))
    , m_path(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("자료 내보내기"));
    m_kind->addItem(tr("가구 목록"), int(Export::ExportKind::Households));
    m_kind->addItem(tr("방문 기록"), int(Export::ExportKind::Visits));
    m_reason->setPlaceholderText(tr("예: 월간 사례회의 자료, 구청 보고"));
    m_reason->setAccessibleName(tr("내보내는 사유"));
    m_unmasked->setEnabled(controller->can(int(Security::Permission::ExportUnmasked)));
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_path->setText(QDir(docs).filePath(tr("가구목록.csv")));
    auto *browse = new QPushButton(tr("찾아보기…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("내보낼 자료(&K)"), m_kind);
    form->addRow(tr("사유(&R)"), m_reason);
    form->addRow(QString(), m_unmasked);
    form->addRow(tr("저장할 파일(&F)"), pathRow);
    auto *note
        = new QLabel(tr("내보낸 자료는 개인정보입니다. 마스킹하면 가명처리되어 이름·주민등록번호·"
                        "생년월일·번지·통반·전화번호·메모가 빠지고, 위치는 500m 격자 또는 "
                        "행정동 대표점(%1가구 이상이 같은 위치)으로, 나이는 연령대로 "
                        "바뀝니다. 내보내기는 사유와 함께 접속기록에 남습니다.")
                         .arg(Export::Anonymiser::minShared),
                     this);
    note->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setStyleSheet(QStringLiteral("color: #DE3412"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("내보내기"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("취소"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = FileDialogs::saveFileName(this, tr("저장할 파일"), m_path->text(),
                                                       tr("CSV 파일 (*.csv)"));
        if (!file.isEmpty())
            m_path->setText(file);
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const QFileInfo info(m_path->text());
        m_path->setText(info.dir().filePath(m_kind->currentIndex() == 0 ? tr("가구목록.csv")
                                                                        : tr("방문기록.csv")));
    });
}

void ExportDialog::setOutputPath(const QString &path)
{
    m_path->setText(path);
}

void ExportDialog::accept()
{
    Export::ExportOptions options;
    options.kind = Export::ExportKind(m_kind->currentData().toInt());
    options.outPath = m_path->text().trimmed();
    options.reason = m_reason->text().trimmed();
    options.unmasked = m_unmasked->isChecked();
    if (options.reason.size() < 2) {
        m_message->setText(tr("내보내는 사유를 적어 주세요. 사유는 접속기록에 남습니다."));
        m_reason->setFocus();
        return;
    }
    auto result = Export::ExportService(*m_controller->workspace()).run(options);
    if (!result) {
        if (result.error().code == ErrorCode::KeyUnavailable)
            m_message->setText(
                tr("이 행정동의 암호화 키를 아직 받지 못해 가명(대체 번호)을 만들 수 없습니다. "
                   "키 보유자의 로그인이나 동기화 뒤에 다시 내보내 주세요."));
        else
            m_message->setText(tr("내보내지 못했습니다: %1").arg(result.error().toString()));
        return;
    }
    QString text = tr("%L1건을 %2(으)로 내보냈습니다 (%3).")
                       .arg(result->rows)
                       .arg(options.outPath, result->masked ? tr("마스킹됨") : tr("마스킹 안 함"));
    if (result->withheld > 0)
        text += QLatin1Char('\n')
                + tr("가구가 %1가구 미만인 행정동의 %L2가구는 위치로 알아볼 수 있어 빠졌습니다.")
                      .arg(Export::Anonymiser::minShared)
                      .arg(result->withheld);
    QMessageBox done(QMessageBox::Information, windowTitle(), text, QMessageBox::Ok, this);
    done.setTextFormat(Qt::PlainText); // the path is the user's text
    done.exec();
    QDialog::accept();
}

} // namespace VisitMap::Ui
