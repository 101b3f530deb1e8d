// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include "errortext.h"
#include "filedialogs.h"
#include "import/importpreview.h"
#include "importjob.h"
#include "importproblemtext.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VisitMap::Ui {

using Import::ImportKind;

namespace {

constexpr ImportKind kinds[]
    = {ImportKind::Households, ImportKind::Boundaries, ImportKind::Facilities,
       ImportKind::Visits,     ImportKind::Reports,    ImportKind::Signals};

} // namespace

QString ImportDialog::kindLabel(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Households:
        return tr("가구 명단");
    case ImportKind::Boundaries:
        return tr("행정동 경계");
    case ImportKind::Facilities:
        return tr("복지시설");
    case ImportKind::Visits:
        return tr("종이 방문기록");
    case ImportKind::Reports:
        return tr("복지위기 알림 신고");
    case ImportKind::Signals:
        return tr("발굴 대상자 명단");
    }
    return {};
}

namespace {

QString fileFilter(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Boundaries:
        return ImportDialog::tr("GeoJSON 파일 (*.geojson *.json);;모든 파일 (*)");
    case ImportKind::Reports:
        return ImportDialog::tr("JSON 파일 (*.json);;모든 파일 (*)");
    default:
        return ImportDialog::tr("CSV 파일 (*.csv *.txt);;모든 파일 (*)");
    }
}

QString encodingLabel(TextEncoding e)
{
    switch (e) {
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Utf8Bom:
        return ImportDialog::tr("UTF-8 (BOM)");
    case TextEncoding::Utf16:
        return QStringLiteral("UTF-16");
    case TextEncoding::Cp949:
        return ImportDialog::tr("CP949 (한글 엑셀)");
    }
    return {};
}

// An importer's field, by its canonical column name, in Korean.
QString fieldLabel(const QString &key)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("id"), QT_TRANSLATE_NOOP("ImportDialog", "가구 ID")},
        {QStringLiteral("adm_cd"), QT_TRANSLATE_NOOP("ImportDialog", "행정동 코드")},
        {QStringLiteral("address"), QT_TRANSLATE_NOOP("ImportDialog", "주소")},
        {QStringLiteral("address_detail"), QT_TRANSLATE_NOOP("ImportDialog", "상세주소")},
        {QStringLiteral("tong"), QT_TRANSLATE_NOOP("ImportDialog", "통")},
        {QStringLiteral("ban"), QT_TRANSLATE_NOOP("ImportDialog", "반")},
        {QStringLiteral("lon"), QT_TRANSLATE_NOOP("ImportDialog", "경도 (x)")},
        {QStringLiteral("lat"), QT_TRANSLATE_NOOP("ImportDialog", "위도 (y)")},
        {QStringLiteral("household_type"), QT_TRANSLATE_NOOP("ImportDialog", "가구 유형")},
        {QStringLiteral("housing"), QT_TRANSLATE_NOOP("ImportDialog", "주거 형태")},
        {QStringLiteral("phone"), QT_TRANSLATE_NOOP("ImportDialog", "전화번호")},
        {QStringLiteral("head_name"), QT_TRANSLATE_NOOP("ImportDialog", "세대주 이름")},
        {QStringLiteral("head_rrn"), QT_TRANSLATE_NOOP("ImportDialog", "세대주 주민등록번호")},
        {QStringLiteral("head_birth"), QT_TRANSLATE_NOOP("ImportDialog", "세대주 생년월일")},
        {QStringLiteral("head_sex"), QT_TRANSLATE_NOOP("ImportDialog", "세대주 성별")},
        {QStringLiteral("members"), QT_TRANSLATE_NOOP("ImportDialog", "가구원 수")},
        {QStringLiteral("risk"), QT_TRANSLATE_NOOP("ImportDialog", "위험도")},
        {QStringLiteral("worker"), QT_TRANSLATE_NOOP("ImportDialog", "담당자")},
        {QStringLiteral("last_visit"), QT_TRANSLATE_NOOP("ImportDialog", "최근 방문일")},
        {QStringLiteral("next_visit_due"), QT_TRANSLATE_NOOP("ImportDialog", "다음 방문 예정일")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("ImportDialog", "상태")},
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("ImportDialog", "시설명")},
        {QStringLiteral("code"), QT_TRANSLATE_NOOP("ImportDialog", "시설 코드")},
        {QStringLiteral("category"), QT_TRANSLATE_NOOP("ImportDialog", "시설 유형")},
        {QStringLiteral("category_detail"), QT_TRANSLATE_NOOP("ImportDialog", "시설 종류")},
        {QStringLiteral("sgg_code"), QT_TRANSLATE_NOOP("ImportDialog", "시군구 코드")},
        {QStringLiteral("household"), QT_TRANSLATE_NOOP("ImportDialog", "가구 ID")},
        {QStringLiteral("kind"), QT_TRANSLATE_NOOP("ImportDialog", "구분 (방문·전화 …)")},
        {QStringLiteral("outcome"), QT_TRANSLATE_NOOP("ImportDialog", "결과")},
        {QStringLiteral("at"), QT_TRANSLATE_NOOP("ImportDialog", "일시")},
        {QStringLiteral("met_whom"), QT_TRANSLATE_NOOP("ImportDialog", "만난 사람")},
        {QStringLiteral("staff"), QT_TRANSLATE_NOOP("ImportDialog", "방문자")},
        {QStringLiteral("note"), QT_TRANSLATE_NOOP("ImportDialog", "내용")},
    };
    const auto it = labels.constFind(key);
    return it == labels.constEnd() ? key : ImportDialog::tr(*it);
}

} // namespace

ImportDialog::ImportDialog(WorkspaceController *controller, QWidget *parent, ImportKind kind)
    : QDialog(parent)
    , m_controller(controller)
    , m_kind(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("파일 선택(&F)…"), this))
    , m_crs(new QComboBox(this))
    , m_crsLabel(new QLabel(tr("좌표계(&C)"), this))
    , m_refusal(new QLabel(this))
    , m_encoding(new QLabel(this))
    , m_preview(new QTableWidget(this))
    , m_mapping(new QTableWidget(this))
    , m_progress(new QProgressBar(this))
    , m_stage(new QLabel(this))
    , m_cancel(new QPushButton(tr("취소(&X)"), this))
    , m_outcome(new QLabel(this))
    , m_problems(new QListWidget(this))
    , m_import(new QPushButton(tr("가져오기(&I)"), this))
    , m_close(new QPushButton(tr("닫기"), this))
{
    setWindowTitle(tr("가져오기"));
    resize(860, 640);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_path->setObjectName(QStringLiteral("path"));
    m_browse->setObjectName(QStringLiteral("browse"));
    m_crs->setObjectName(QStringLiteral("crs"));
    m_refusal->setObjectName(QStringLiteral("refusal"));
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_preview->setObjectName(QStringLiteral("preview"));
    m_mapping->setObjectName(QStringLiteral("mapping"));
    m_progress->setObjectName(QStringLiteral("progress"));
    m_stage->setObjectName(QStringLiteral("stage"));
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_outcome->setObjectName(QStringLiteral("outcome"));
    m_problems->setObjectName(QStringLiteral("problems"));
    m_import->setObjectName(QStringLiteral("import"));

    for (ImportKind k : kinds)
        m_kind->addItem(kindLabel(k), int(k));
    m_path->setReadOnly(true);
    m_path->setPlaceholderText(tr("가져올 파일을 고르세요"));
    m_crs->addItem(tr("경위도 (WGS84, 십진수 도)"), QString());
    m_crs->addItem(tr("UTM-K (EPSG:5179, 미터)"), QStringLiteral("EPSG:5179"));
    m_crs->addItem(tr("중부원점 (EPSG:5186, 미터)"), QStringLiteral("EPSG:5186"));
    m_crs->addItem(tr("중부원점 옛 좌표 (EPSG:5181, 미터)"), QStringLiteral("EPSG:5181"));
    m_crsLabel->setBuddy(m_crs);
    for (QLabel *l : {m_refusal, m_encoding, m_outcome, m_stage}) {
        l->setTextFormat(Qt::PlainText);
        l->setWordWrap(true);
    }
    m_refusal->setStyleSheet(QStringLiteral("color: #b00020;"));
    for (QTableWidget *t : {m_preview, m_mapping}) {
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setAlternatingRowColors(true);
        t->verticalHeader()->setDefaultSectionSize(22);
    }
    m_preview->setAccessibleName(tr("파일의 처음 행"));
    m_mapping->setAccessibleName(tr("열 대응"));
    m_mapping->setColumnCount(2);
    m_mapping->setHorizontalHeaderLabels({tr("가져올 항목"), tr("파일의 열")});
    m_mapping->horizontalHeader()->setStretchLastSection(true);
    m_mapping->verticalHeader()->hide();
    m_problems->setAccessibleName(tr("가져올 수 없는 행"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);

    auto *form = new QFormLayout;
    form->addRow(tr("종류(&K)"), m_kind);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_browse);
    form->addRow(tr("파일"), fileRow);
    form->addRow(m_crsLabel, m_crs);

    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_preview, tr("미리 보기"));
    tabs->addTab(m_mapping, tr("열 대응"));

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_import, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);

    auto *root = new QVBoxLayout(this);
    root->addLayout(form);
    root->addWidget(m_refusal);
    root->addWidget(m_encoding);
    root->addWidget(tabs, 3);
    root->addWidget(m_stage);
    root->addLayout(progressRow);
    root->addWidget(m_outcome);
    root->addWidget(m_problems, 2);
    root->addWidget(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ImportDialog::kindChanged);
    connect(m_browse, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancel, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    connect(m_close, &QPushButton::clicked, this, &ImportDialog::reject);

    setKind(kind);
    kindChanged();
}

ImportDialog::~ImportDialog() = default;

ImportKind ImportDialog::kind() const
{
    return ImportKind(m_kind->currentData().toInt());
}

bool ImportDialog::isImporting() const
{
    return m_job && m_job->isRunning();
}

void ImportDialog::setKind(ImportKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

void ImportDialog::setFile(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
    m_path->setProperty("file", path);
    loadPreview();
}

void ImportDialog::browse()
{
    const QString current = m_path->property("file").toString();
    const QString dir = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    const QString file = FileDialogs::openFileName(
        this, tr("가져올 %1 파일").arg(kindLabel(kind())), dir, fileFilter(kind()));
    if (!file.isEmpty())
        setFile(file);
}

QString ImportDialog::refusalText() const
{
    Workspace *ws = m_controller->workspace();
    if (!ws)
        return tr("열린 저장소가 없습니다.");
    switch (Import::ImportService(*ws).refusal(kind())) {
    case Import::ImportRefusal::None:
        return {};
    case Import::ImportRefusal::NotSignedIn:
        return tr("로그인한 뒤에 가져올 수 있습니다.");
    case Import::ImportRefusal::DemoStore:
        return tr("이 저장소는 연습용 합성 자료(데모)라서 실제 가구 명단을 넣지 않습니다. "
                  "파일 › 새 저장소…로 우리 동의 저장소를 만든 뒤 그 저장소에 가져오세요.");
    case Import::ImportRefusal::NoRight:
        break;
    }
    return tr("이 계정(%1)에는 %2을(를) 가져올 권한이 없습니다. 팀장이나 관리자에게 문의하세요.")
        .arg(m_controller->roleLabel(), kindLabel(kind()));
}

void ImportDialog::kindChanged()
{
    const bool households = kind() == ImportKind::Households;
    m_crs->setVisible(households);
    m_crsLabel->setVisible(households);
    m_refusal->setText(refusalText());
    m_refusal->setVisible(!m_refusal->text().isEmpty());
    m_outcome->clear();
    m_problems->clear();
    if (!m_path->property("file").toString().isEmpty())
        loadPreview();
    updateButtons();
}

void ImportDialog::loadPreview()
{
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    m_mapping->setRowCount(0);
    m_outcome->clear();
    m_problems->clear();
    m_previewOk = false;
    const QString path = m_path->property("file").toString();
    if (path.isEmpty()) {
        m_encoding->clear();
        updateButtons();
        return;
    }
    auto preview = Import::ImportPreview::read(kind(), path);
    if (!preview) {
        m_encoding->setText(ErrorText::describe(
            tr("%1 파일로 읽을 수 없습니다.").arg(kindLabel(kind())), preview.error()));
        updateButtons();
        return;
    }
    m_previewOk = true;
    const bool json = kind() == ImportKind::Boundaries || kind() == ImportKind::Reports;
    m_encoding->setText(json ? tr("전체 %L1건 · 처음 %L2건을 보여 줍니다")
                                   .arg(preview->totalRows)
                                   .arg(preview->rows.size())
                             : tr("인코딩 %1 · 전체 %L2행 · 처음 %L3행을 보여 줍니다")
                                   .arg(encodingLabel(preview->encoding))
                                   .arg(preview->totalRows)
                                   .arg(preview->rows.size()));
    m_preview->setColumnCount(int(preview->header.size()));
    m_preview->setHorizontalHeaderLabels(preview->header);
    m_preview->setRowCount(int(preview->rows.size()));
    for (int r = 0; r < preview->rows.size(); ++r) {
        const QStringList &row = preview->rows.at(r);
        for (int c = 0; c < row.size() && c < preview->header.size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(row.at(c)));
    }
    m_preview->resizeColumnsToContents();
    m_mapping->setRowCount(int(preview->columns.size()));
    for (int i = 0; i < preview->columns.size(); ++i) {
        const auto &use = preview->columns.at(i);
        m_mapping->setItem(i, 0, new QTableWidgetItem(fieldLabel(use.names.value(0))));
        const QString column
            = use.column < 0
                  ? tr("(없음)")
                  : tr("%1열 · %2").arg(use.column + 1).arg(preview->header.value(use.column));
        auto *item = new QTableWidgetItem(column);
        item->setToolTip(tr("받는 열 이름: %1").arg(use.names.join(QStringLiteral(", "))));
        m_mapping->setItem(i, 1, item);
    }
    m_mapping->resizeColumnToContents(0);
    updateButtons();
}

void ImportDialog::updateButtons()
{
    const bool running = isImporting();
    m_kind->setEnabled(!running);
    m_browse->setEnabled(!running);
    m_crs->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_import->setEnabled(!running && m_previewOk && refusalText().isEmpty());
    m_close->setEnabled(!running);
}

void ImportDialog::startImport()
{
    Workspace *ws = m_controller->workspace();
    if (!ws || isImporting())
        return;
    Import::ImportOptions options;
    if (kind() == ImportKind::Households)
        options.crs = m_crs->currentData().toString();
    delete m_job;
    m_job = new ImportJob(*ws, kind(), m_path->property("file").toString(), options, this);
    connect(m_job, &ImportJob::progressed, this, &ImportDialog::showProgress);
    connect(m_job, &ImportJob::finished, this, &ImportDialog::showResult);
    m_outcome->clear();
    m_problems->clear();
    m_progress->setRange(0, 0);
    m_stage->setText(tr("파일을 읽는 중…"));
    m_job->start();
    updateButtons();
}

void ImportDialog::cancelImport()
{
    if (!isImporting())
        return;
    m_job->cancel();
    m_cancel->setEnabled(false);
    m_stage->setText(tr("취소하는 중… 지금까지 한 일은 되돌립니다."));
}

void ImportDialog::showProgress(int stage, qint64 done, qint64 total)
{
    if (!m_cancel->isEnabled())
        return; // cancelling: the words say so
    if (total <= 0) {
        m_progress->setRange(0, 0);
    } else {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(1000 * done / total));
    }
    switch (Import::ImportStage(stage)) {
    case Import::ImportStage::Reading:
        m_stage->setText(tr("파일을 읽는 중…"));
        break;
    case Import::ImportStage::Checking:
        m_stage->setText(total > 0 ? tr("검사하는 중… %L1 / %L2").arg(done).arg(total)
                                   : tr("검사하는 중…"));
        break;
    case Import::ImportStage::Writing:
        m_stage->setText(total > 1 ? tr("저장하는 중… %L1 / %L2").arg(done).arg(total)
                                   : tr("저장하는 중…"));
        break;
    }
}

void ImportDialog::showResult()
{
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_stage->clear();
    const Result<Import::ImportReport> &result = m_job->result();
    if (!result) {
        if (result.error().code == ErrorCode::Cancelled)
            m_outcome->setText(tr("가져오기를 취소했습니다. 아무것도 가져오지 않았습니다."));
        else
            m_outcome->setText(ErrorText::describe(
                tr("가져오지 못했습니다. 아무것도 바뀌지 않았습니다."), result.error()));
    } else if (!result->ok()) {
        const auto &errors = result->errors;
        for (int i = 0; i < errors.size() && i < Import::ImportReport::maxErrorsListed; ++i)
            m_problems->addItem(ImportProblemText::line(errors.at(i)));
        if (errors.size() > Import::ImportReport::maxErrorsListed)
            m_problems->addItem(
                tr("… 그 밖에 %L1건").arg(errors.size() - Import::ImportReport::maxErrorsListed));
        m_outcome->setText(tr("문제 %L1건이 있어 아무것도 가져오지 않았습니다. 파일을 고친 뒤 다시 "
                              "가져오세요.")
                               .arg(errors.size()));
    } else {
        QString text = tr("%1 %L2건을 가져왔습니다.").arg(kindLabel(kind())).arg(result->imported);
        if (result->skipped > 0)
            text += QLatin1Char(' ')
                    + tr("이미 있던 %L1건은 그대로 두었습니다.").arg(result->skipped);
        m_outcome->setText(text);
        m_progress->setValue(m_progress->maximum()); // done: a full bar, not an empty one
        // An import writes by the thousand on a worker (its announcements were not read then),
        // households and 행정동 with offices the views must learn: everything is read again.
        m_controller->reloadAll();
    }
    updateButtons();
    Q_EMIT importFinished();
}

void ImportDialog::reject()
{
    if (isImporting()) {
        cancelImport();
        return;
    }
    QDialog::reject();
}

} // namespace VisitMap::Ui
