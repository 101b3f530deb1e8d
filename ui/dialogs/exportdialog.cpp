// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"

#include "errortext.h"
#include "export/exportservice.h"
#include "filedialogs.h"
#include "security/permissions.h"
#include "workspacecontroller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace VisitMap::Ui {

namespace {
const QString folderKey = QStringLiteral("export/folder");

using Export::ExportKind;
using Export::ExportScope;

void setItemEnabled(QComboBox *box, int index, bool enabled)
{
    if (auto *model = qobject_cast<QStandardItemModel *>(box->model()))
        model->item(index)->setEnabled(enabled);
}
} // namespace

ExportDialog::ExportDialog(WorkspaceController *controller, QWidget *parent)
    : ExportDialog(controller, controller->baseQuery(), {}, parent)
{
}

ExportDialog::ExportDialog(WorkspaceController *controller,
                           const Storage::HouseholdQuery &listFilter,
                           const QStringList &selectedIds,
                           QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_listFilter(listFilter)
    , m_selected(selectedIds)
    , m_kind(new QComboBox(this))
    , m_scope(new QComboBox(this))
    , m_format(new QComboBox(this))
    , m_reason(new QLineEdit(this))
    , m_unmasked(new QCheckBox(tr("마스킹하지 않고 내보내기 (팀장만, 기록됨)"), this))
    , m_path(new QLineEdit(this))
    , m_note(new QLabel(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("자료 내보내기"));
    m_kind->addItem(tr("가구 목록"), int(ExportKind::Households));
    m_kind->addItem(tr("방문 기록"), int(ExportKind::Visits));
    m_kind->addItem(tr("동별 위험도 집계 (행정동 × 위험도)"), int(ExportKind::DongTierSummary));
    m_kind->addItem(tr("가구유형별 위험도 집계"), int(ExportKind::TypeTierSummary));
    m_kind->addItem(tr("담당자별 방문 지연 집계"), int(ExportKind::OverdueByWorker));
    m_kind->setAccessibleName(tr("내보낼 자료의 종류"));

    // Which households: the numbers are what the export covers for this account.
    Export::ExportService &service = controller->exports();
    const auto count = [&](const ExportScope &scope) {
        return service.householdCount(scope).value_or(0);
    };
    const bool filterOn = ExportScope::narrows(listFilter, controller->baseQuery().offices);
    m_scope->addItem(tr("전체 (%L1가구)").arg(count(ExportScope::all())),
                     int(ExportScope::Kind::All));
    m_scope->addItem(tr("목록 필터에 맞는 가구 (%L1가구)")
                         .arg(filterOn ? count(ExportScope::matching(listFilter)) : 0),
                     int(ExportScope::Kind::Filter));
    m_scope->addItem(
        tr("선택한 가구 (%L1가구)")
            .arg(selectedIds.isEmpty() ? 0 : count(ExportScope::households(selectedIds))),
        int(ExportScope::Kind::Households));
    setItemEnabled(m_scope, 1, filterOn);
    setItemEnabled(m_scope, 2, !selectedIds.isEmpty());
    m_scope->setCurrentIndex(filterOn ? 1 : 0);
    m_scope->setAccessibleName(tr("내보낼 가구의 범위"));

    m_format->addItem(tr("Excel 통합 문서 (.xlsx)"), int(Export::ExportFormat::Xlsx));
    m_format->addItem(tr("CSV (.csv, UTF-8)"), int(Export::ExportFormat::Csv));
    m_format->setAccessibleName(tr("파일 형식"));

    m_reason->setPlaceholderText(tr("예: 월간 사례회의 자료, 구청 보고"));
    m_reason->setAccessibleName(tr("내보내는 사유"));
    m_unmasked->setEnabled(controller->can(int(Security::Permission::ExportUnmasked)));
    m_path->setAccessibleName(tr("저장할 파일"));
    auto *browse = new QPushButton(tr("찾아보기…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("내보낼 자료(&K)"), m_kind);
    form->addRow(tr("범위(&S)"), m_scope);
    form->addRow(tr("형식(&T)"), m_format);
    form->addRow(tr("사유(&R)"), m_reason);
    form->addRow(QString(), m_unmasked);
    form->addRow(tr("저장할 파일(&F)"), pathRow);
    m_note->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setStyleSheet(QStringLiteral("color: #DE3412"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("내보내기"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("취소"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    m_path->setText(QDir(defaultFolder()).filePath(QStringLiteral("x")));
    updateKind();
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const bool xlsx = m_format->currentData().toInt() == int(Export::ExportFormat::Xlsx);
        const QString file = FileDialogs::saveFileName(this, tr("저장할 파일"), m_path->text(),
                                                       xlsx ? tr("Excel 통합 문서 (*.xlsx)")
                                                            : tr("CSV 파일 (*.csv)"));
        if (!file.isEmpty())
            m_path->setText(file);
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ExportDialog::updateKind);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateFileName);
}

QString ExportDialog::defaultFolder()
{
    const QString last = QSettings().value(folderKey).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString folder = QDir(docs).filePath(QStringLiteral("VisitMap내보내기"));
    QDir().mkpath(folder); // when it cannot be made, writing there fails and says so
    return folder;
}

void ExportDialog::updateKind()
{
    const auto kind = ExportKind(m_kind->currentData().toInt());
    const bool summary = Export::ExportService::isSummary(kind);
    // Counts hold nothing to unmask.
    m_unmasked->setEnabled(!summary
                           && m_controller->can(int(Security::Permission::ExportUnmasked)));
    if (summary)
        m_unmasked->setChecked(false);
    m_note->setText(
        summary ? tr("집계는 가구 수만 담습니다 (개인정보 없음). 내보내기는 사유와 함께 접속기록에 "
                     "남습니다.")
                : tr("내보낸 자료는 개인정보입니다. 마스킹하면 가명처리되어 이름·주민등록번호·"
                     "생년월일·번지·통반·전화번호·메모가 빠지고, 위치는 500m 격자 또는 "
                     "행정동 대표점(%1가구 이상이 같은 위치)으로, 나이는 연령대로 "
                     "바뀝니다. 내보내기는 사유와 함께 접속기록에 남습니다.")
                      .arg(Export::Anonymiser::minShared));
    updateFileName();
}

void ExportDialog::updateFileName()
{
    QString base;
    switch (ExportKind(m_kind->currentData().toInt())) {
    case ExportKind::Households:
        base = tr("가구목록");
        break;
    case ExportKind::Visits:
        base = tr("방문기록");
        break;
    case ExportKind::DongTierSummary:
        base = tr("동별위험도집계");
        break;
    case ExportKind::TypeTierSummary:
        base = tr("가구유형별위험도집계");
        break;
    case ExportKind::OverdueByWorker:
        base = tr("담당자별방문지연");
        break;
    }
    const bool xlsx = m_format->currentData().toInt() == int(Export::ExportFormat::Xlsx);
    const QString name = QStringLiteral("%1_%2.%3")
                             .arg(base, m_controller->today().toString(QStringLiteral("yyyyMMdd")),
                                  xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv"));
    m_path->setText(QFileInfo(m_path->text()).dir().filePath(name));
}

void ExportDialog::setOutputPath(const QString &path)
{
    m_path->setText(path);
}

QString ExportDialog::outputPath() const
{
    return m_path->text();
}

void ExportDialog::accept()
{
    Export::ExportOptions options;
    options.kind = ExportKind(m_kind->currentData().toInt());
    options.outPath = m_path->text().trimmed();
    options.reason = m_reason->text().trimmed();
    options.unmasked = m_unmasked->isEnabled() && m_unmasked->isChecked();
    options.format = Export::ExportFormat(m_format->currentData().toInt());
    switch (ExportScope::Kind(m_scope->currentData().toInt())) {
    case ExportScope::Kind::All:
        options.scope = ExportScope::all();
        break;
    case ExportScope::Kind::Filter:
        options.scope = ExportScope::matching(m_listFilter);
        break;
    case ExportScope::Kind::Households:
        options.scope = ExportScope::households(m_selected);
        break;
    }
    if (options.reason.size() < 2) {
        m_message->setText(tr("내보내는 사유를 적어 주세요. 사유는 접속기록에 남습니다."));
        m_reason->setFocus();
        return;
    }
    auto result = m_controller->exports().run(options);
    if (!result) {
        if (result.error().code == ErrorCode::KeyUnavailable)
            m_message->setText(
                tr("이 행정동의 암호화 키를 아직 받지 못해 가명(대체 번호)을 만들 수 없습니다. "
                   "키 보유자의 로그인이나 동기화 뒤에 다시 내보내 주세요."));
        else
            m_message->setText(ErrorText::describe(tr("내보내지 못했습니다."), result.error()));
        return;
    }
    QSettings().setValue(folderKey, QFileInfo(options.outPath).absolutePath());
    QString text;
    if (Export::ExportService::isSummary(options.kind))
        text = tr("집계 %L1행을 %2(으)로 내보냈습니다 (가구 수만, 개인정보 없음).")
                   .arg(result->rows)
                   .arg(options.outPath);
    else
        text = tr("%L1건을 %2(으)로 내보냈습니다 (%3).")
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
