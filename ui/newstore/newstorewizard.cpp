// SPDX-License-Identifier: GPL-3.0-or-later
#include "newstorewizard.h"

#include "errortext.h"
#include "filedialogs.h"
#include "geo/boundarycatalog.h"
#include "newaccountpage.h"
#include "workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace VisitMap::Ui {

namespace {

// Where the store file goes: a .visitmap name that is not there yet.
class FileChoicePage : public QWizardPage
{
public:
    explicit FileChoicePage(QWidget *parent)
        : QWizardPage(parent)
        , m_path(new QLineEdit(this))
        , m_message(new QLabel(this))
    {
        setTitle(NewStoreWizard::tr("저장소 파일"));
        setSubTitle(NewStoreWizard::tr("새 저장소를 둘 파일을 정하세요. 이미 있는 파일은 덮어쓰지 "
                                       "않습니다."));
        m_path->setObjectName(QStringLiteral("storePath"));
        m_path->setAccessibleName(NewStoreWizard::tr("저장소 파일"));
        m_message->setObjectName(QStringLiteral("storePathMessage"));
        m_message->setWordWrap(true);
        m_message->setStyleSheet(QStringLiteral("color: #DE3412"));
        auto *browse = new QPushButton(NewStoreWizard::tr("찾아보기(&B)…"), this);
        auto *row = new QHBoxLayout;
        row->addWidget(m_path, 1);
        row->addWidget(browse);
        auto *layout = new QFormLayout(this);
        auto *label = new QLabel(NewStoreWizard::tr("파일(&F)"), this);
        label->setBuddy(m_path); // a row of a layout gets no buddy of its own
        layout->addRow(label, row);
        layout->addRow(m_message);
        auto *note
            = new QLabel(NewStoreWizard::tr("저장소에는 가구와 개인정보가 들어갑니다. 디스크가 "
                                            "암호화된 업무용 컴퓨터에 두세요."),
                         this);
        note->setWordWrap(true);
        layout->addRow(note);
        m_path->setText(suggestedPath());
        connect(m_path, &QLineEdit::textChanged, this, [this] {
            m_message->setText(problem());
            Q_EMIT completeChanged();
        });
        connect(browse, &QPushButton::clicked, this, [this] {
            const QString start = QFileInfo(path()).absolutePath();
            QDir().mkpath(start); // the default folder is made when it is first needed
            const QString chosen = FileDialogs::saveStoreFileName(
                this, NewStoreWizard::tr("새 저장소 파일"), path());
            if (!chosen.isEmpty())
                m_path->setText(QDir::toNativeSeparators(chosen));
        });
    }

    QString path() const
    {
        QString p = QDir::fromNativeSeparators(m_path->text().trimmed());
        if (!p.isEmpty() && !p.endsWith(QLatin1String(".visitmap"), Qt::CaseInsensitive))
            p += QStringLiteral(".visitmap");
        return p.isEmpty() ? p : QFileInfo(p).absoluteFilePath();
    }

    QString problem() const
    {
        const QString p = path();
        if (p.isEmpty())
            return NewStoreWizard::tr("저장소 파일의 이름을 입력하세요.");
        for (const QString &f : StoreSetup::storeFiles(p)) {
            if (QFileInfo::exists(f))
                return NewStoreWizard::tr(
                           "%1이(가) 이미 있습니다. 새 저장소는 있는 파일을 덮어쓰지 "
                           "않으니 다른 이름을 정하세요.")
                    .arg(QFileInfo(f).fileName());
        }
        const QFileInfo folder(QFileInfo(p).absolutePath());
        if (folder.exists() && !folder.isDir())
            return NewStoreWizard::tr("%1은(는) 폴더가 아닙니다.").arg(folder.fileName());
        return {};
    }

    bool isComplete() const override { return problem().isEmpty(); }
    bool validatePage() override
    {
        m_message->setText(problem());
        return problem().isEmpty();
    }

private:
    static QString suggestedPath()
    {
        const QDir folder(NewStoreWizard::defaultFolder());
        QString name = QStringLiteral("복지방문지도.visitmap");
        for (int n = 2; QFileInfo::exists(folder.filePath(name)); ++n)
            name = QStringLiteral("복지방문지도-%1.visitmap").arg(n);
        return QDir::toNativeSeparators(folder.filePath(name));
    }

    QLineEdit *m_path;
    QLabel *m_message;
};

// Which office: 시·도, 시군구 (from the bundled boundaries) and the 행정동 it serves (all by
// default).
class OfficeChoicePage : public QWizardPage
{
public:
    explicit OfficeChoicePage(QWidget *parent)
        : QWizardPage(parent)
        , m_sido(new QComboBox(this))
        , m_sgg(new QComboBox(this))
        , m_dongs(new QListWidget(this))
        , m_message(new QLabel(this))
    {
        setTitle(NewStoreWizard::tr("사무소"));
        setSubTitle(NewStoreWizard::tr("이 저장소를 쓰는 사무소의 시군구와 담당 행정동을 고르세요. "
                                       "지도에는 시군구 전체의 행정동 경계가 들어갑니다."));
        m_sido->setObjectName(QStringLiteral("sido"));
        m_sgg->setObjectName(QStringLiteral("sigungu"));
        m_dongs->setObjectName(QStringLiteral("dongList"));
        m_sido->setAccessibleName(NewStoreWizard::tr("시·도"));
        m_sgg->setAccessibleName(NewStoreWizard::tr("시군구"));
        m_dongs->setAccessibleName(NewStoreWizard::tr("담당 행정동"));
        m_message->setStyleSheet(QStringLiteral("color: #DE3412"));
        auto *all = new QPushButton(NewStoreWizard::tr("모두 선택"), this);
        auto *none = new QPushButton(NewStoreWizard::tr("모두 해제"), this);
        auto *buttons = new QHBoxLayout;
        buttons->addWidget(all);
        buttons->addWidget(none);
        buttons->addStretch(1);
        auto *layout = new QFormLayout(this);
        layout->addRow(NewStoreWizard::tr("시·도(&S)"), m_sido);
        layout->addRow(NewStoreWizard::tr("시군구(&G)"), m_sgg);
        layout->addRow(NewStoreWizard::tr("담당 행정동(&D)"), m_dongs);
        layout->addRow(QString(), buttons);
        layout->addRow(m_message);

        QStringList sidos;
        for (const Office &o : Geo::BoundaryCatalog::bundled().all()) {
            if (!sidos.contains(o.sidoName))
                sidos << o.sidoName;
        }
        m_sido->addItems(sidos);
        connect(m_sido, &QComboBox::currentTextChanged, this, &OfficeChoicePage::fillDistricts);
        connect(m_sgg, &QComboBox::currentIndexChanged, this, &OfficeChoicePage::fillDongs);
        connect(m_dongs, &QListWidget::itemChanged, this, [this] {
            m_message->setText(chosen().isEmpty()
                                   ? NewStoreWizard::tr("담당 행정동을 하나 이상 고르세요.")
                                   : QString());
            Q_EMIT completeChanged();
        });
        connect(all, &QPushButton::clicked, this, [this] { checkAll(Qt::Checked); });
        connect(none, &QPushButton::clicked, this, [this] { checkAll(Qt::Unchecked); });
        fillDistricts(m_sido->currentText());
    }

    QString sggCode() const { return m_sgg->currentData().toString(); }
    QString sggName() const { return m_sido->currentText() + u' ' + m_sgg->currentText(); }
    int dongCount() const { return m_dongs->count(); }
    QStringList chosen() const
    {
        QStringList codes;
        for (int i = 0; i < m_dongs->count(); ++i) {
            if (m_dongs->item(i)->checkState() == Qt::Checked)
                codes << m_dongs->item(i)->data(Qt::UserRole).toString();
        }
        return codes;
    }
    QStringList chosenNames() const
    {
        QStringList names;
        for (int i = 0; i < m_dongs->count(); ++i) {
            if (m_dongs->item(i)->checkState() == Qt::Checked)
                names << m_dongs->item(i)->text();
        }
        return names;
    }
    bool isComplete() const override { return !sggCode().isEmpty() && !chosen().isEmpty(); }

private:
    void fillDistricts(const QString &sido)
    {
        m_sgg->clear();
        QStringList seen;
        for (const Office &o : Geo::BoundaryCatalog::bundled().all()) {
            if (o.sidoName == sido && !seen.contains(o.sggCode)) {
                seen << o.sggCode;
                m_sgg->addItem(o.sggName, o.sggCode);
            }
        }
    }
    void fillDongs()
    {
        const QSignalBlocker block(m_dongs);
        m_dongs->clear();
        for (const Office &o : Geo::BoundaryCatalog::bundled().district(sggCode())) {
            auto *item = new QListWidgetItem(o.name, m_dongs);
            item->setData(Qt::UserRole, o.code);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
        m_message->clear();
        Q_EMIT completeChanged();
    }
    void checkAll(Qt::CheckState state)
    {
        {
            const QSignalBlocker block(m_dongs);
            for (int i = 0; i < m_dongs->count(); ++i)
                m_dongs->item(i)->setCheckState(state);
        }
        Q_EMIT m_dongs->itemChanged(nullptr);
    }

    QComboBox *m_sido;
    QComboBox *m_sgg;
    QListWidget *m_dongs;
    QLabel *m_message;
};

} // namespace

NewStoreWizard::NewStoreWizard(QWidget *parent)
    : QWizard(parent)
{
    setPage(WherePage, new FileChoicePage(this));
    build();
}

NewStoreWizard::NewStoreWizard(Workspace *existing, QWidget *parent)
    : QWizard(parent)
    , m_existing(existing)
{
    build();
}

NewStoreWizard::~NewStoreWizard() = default;

void NewStoreWizard::build()
{
    setObjectName(QStringLiteral("newStoreWizard"));
    setWindowTitle(m_existing ? tr("저장소 준비 — 첫 계정 만들기") : tr("새 저장소"));
    // Room for a 구's 행정동 list and the whole file path without scrolling.
    setMinimumSize(720, 560);
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::NextButton, tr("다음(&N) >"));
    setButtonText(QWizard::BackButton, tr("< 이전(&B)"));
    setButtonText(QWizard::FinishButton,
                  m_existing ? tr("계정 만들기(&F)") : tr("저장소 만들기(&F)"));
    setButtonText(QWizard::CancelButton, tr("취소"));
    setPage(OfficePage, new OfficeChoicePage(this));
    m_admin = new NewAccountPage(
        QStringLiteral("admin"), tr("첫 관리자"),
        tr("계정과 설정을 관리하는 관리자입니다. 관리자는 가구 자료를 보지 않습니다."), {}, this);
    setPage(AdminPage, m_admin);
    m_lead = new NewAccountPage(
        QStringLiteral("lead"), tr("팀장"),
        tr("고른 행정동의 가구를 맡는 맞춤형복지팀장입니다. 다른 직원의 계정은 나중에 관리자가 "
           "관리 › 계정 관리에서 만듭니다."),
        [this] { return m_admin->account().name; }, this);
    setPage(LeadPage, m_lead);
    auto *summary = new QWizardPage(this);
    summary->setTitle(tr("확인"));
    summary->setSubTitle(m_existing ? tr("아래 내용으로 계정을 만듭니다.")
                                    : tr("아래 내용으로 새 저장소를 만듭니다."));
    auto *text = new QLabel(summary);
    text->setObjectName(QStringLiteral("summary"));
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    (new QVBoxLayout(summary))->addWidget(text);
    setPage(SummaryPage, summary);
    setStartId(m_existing ? int(OfficePage) : int(WherePage));
    connect(this, &QWizard::currentIdChanged, this, [this, text](int id) {
        if (id != SummaryPage)
            return;
        const auto *office = static_cast<const OfficeChoicePage *>(page(OfficePage));
        const StoreSetup::Plan p = plan();
        const QStringList grants = StoreSetup::leadGrants(p);
        QStringList lines;
        if (!m_existing)
            lines << tr("저장소 파일: %1").arg(QDir::toNativeSeparators(storePath()));
        lines << tr("사무소: %1 (행정동 경계 %2곳)").arg(office->sggName()).arg(office->dongCount())
              << tr("담당 행정동: %1")
                     .arg(grants.size() == 1 && grants.first().size() == 5
                              ? tr("시군구 전체 (%1곳)").arg(office->dongCount())
                              : office->chosenNames().join(tr(", ")))
              << tr("관리자: %1 (%2)").arg(p.admin.name, p.admin.displayName)
              << tr("팀장: %1 (%2)").arg(p.lead.name, p.lead.displayName) << QString()
              << tr("비밀번호는 되돌릴 수 없는 방식으로만 저장되고, 이 컴퓨터의 설정에는 남지 "
                    "않습니다. 만든 뒤에는 팀장 계정으로 로그인합니다.");
        text->setText(lines.join(u'\n'));
    });
}

QString NewStoreWizard::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .filePath(QStringLiteral("VisitMap"));
}

QString NewStoreWizard::storePath() const
{
    if (m_existing)
        return m_existing->path();
    if (const auto *where = static_cast<const FileChoicePage *>(page(WherePage)))
        return where->path();
    return {};
}

QString NewStoreWizard::leadName() const
{
    return m_lead->account().name;
}

StoreSetup::Plan NewStoreWizard::plan() const
{
    const auto *office = static_cast<const OfficeChoicePage *>(page(OfficePage));
    StoreSetup::Plan p;
    p.sggCode = office->sggCode();
    p.dongCodes = office->chosen();
    p.admin = m_admin->account();
    p.lead = m_lead->account();
    return p;
}

std::unique_ptr<Workspace> NewStoreWizard::takeWorkspace()
{
    return std::move(m_made);
}

QString NewStoreWizard::failureText(const Error &error) const
{
    const QString lead = m_existing ? tr("계정을 만들지 못했습니다. 저장소는 그대로입니다.")
                                    : tr("새 저장소를 만들지 못했습니다. 만들던 파일은 남기지 "
                                         "않았습니다.");
    switch (error.code) {
    case ErrorCode::Cancelled:
        return m_existing ? tr("계정 만들기를 취소했습니다. 저장소는 그대로입니다.")
                          : tr("새 저장소 만들기를 취소했습니다. 만들던 파일은 남기지 않았습니다.");
    case ErrorCode::AlreadyExists:
        if (error.reason == int(StoreSetup::Problem::FileExists))
            return tr("같은 이름의 파일이 이미 있어 새 저장소를 만들지 않았습니다. 있는 파일은 "
                      "그대로 두고 덮어쓰지 않으니 다른 이름을 정하세요.");
        break;
    case ErrorCode::Validation:
        return tr("%1 입력한 값 가운데 쓸 수 없는 것이 있습니다. 이전 단계로 돌아가 확인하세요.")
            .arg(lead);
    default:
        break;
    }
    return ErrorText::describe(lead, error);
}

void NewStoreWizard::accept()
{
    const StoreSetup::Plan p = plan();
    QProgressDialog progress(m_existing ? tr("계정을 만드는 중…") : tr("새 저장소를 만드는 중…"),
                             tr("취소"), 0, StoreSetup::stepCount, this);
    progress.setObjectName(QStringLiteral("newStoreProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    const auto step = [&](StoreSetup::Step s) {
        static const char *const words[]
            = {QT_TR_NOOP("입력을 확인하는 중…"),      QT_TR_NOOP("저장소 파일을 만드는 중…"),
               QT_TR_NOOP("관리자 계정을 만드는 중…"), QT_TR_NOOP("행정동 경계를 넣는 중…"),
               QT_TR_NOOP("팀장 계정을 만드는 중…"),   QT_TR_NOOP("마무리하는 중…")};
        progress.setLabelText(tr(words[int(s)]));
        progress.setValue(int(s));
        QCoreApplication::processEvents();
        if (m_stepHook && !m_stepHook(s))
            return false;
        return !progress.wasCanceled();
    };
    QApplication::setOverrideCursor(Qt::WaitCursor);
    Status done;
    if (m_existing) {
        done = StoreSetup::setUp(*m_existing, p, step);
    } else {
        auto made = StoreSetup::create(storePath(), p, step);
        if (made)
            m_made = std::move(*made);
        else
            done = fail(made.error());
    }
    QApplication::restoreOverrideCursor();
    progress.close();
    if (!done) {
        QMessageBox box(QMessageBox::Warning, windowTitle(), failureText(done.error()),
                        QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("newStoreFailed"));
        box.button(QMessageBox::Ok)->setText(tr("확인"));
        box.exec();
        if (auto *where = page(WherePage))
            Q_EMIT where->completeChanged(); // the file may be there now
        return;
    }
    QWizard::accept();
}

} // namespace VisitMap::Ui
