// SPDX-License-Identifier: GPL-3.0-or-later
#include "photoviewer.h"

#include "errortext.h"
#include "theme.h"
#include "util/clock.h"
#include "workflow/photoaccess.h"
#include "workspacecontroller.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace VisitMap::Ui {

namespace {

constexpr double kZoomStep = 1.25;
constexpr double kMinScale = 0.05;
constexpr double kMaxScale = 8;

} // namespace

PhotoViewer::PhotoViewer(WorkspaceController *controller,
                         const QList<Attachment> &photos,
                         int start,
                         QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_photos(photos)
    , m_title(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_picture(new QLabel)
    , m_message(new QLabel(this))
    , m_facts(new QLabel(this))
{
    setWindowTitle(tr("사진 보기"));
    setAccessibleName(tr("사진 보기"));
    QFont tf = Theme::uiFont(12);
    tf.setWeight(QFont::Bold);
    m_title->setFont(tf);
    m_title->setTextFormat(Qt::PlainText);
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setAccessibleName(tr("사진"));
    m_scroll->setWidget(m_picture);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setWidgetResizable(false);
    m_scroll->setMinimumSize(480, 360);
    m_scroll->setBackgroundRole(QPalette::Dark);
    // Fitting follows the room the picture has, which the layout settles after the dialog's size.
    m_scroll->viewport()->installEventFilter(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setStyleSheet(QStringLiteral("background:#FFF4E5; padding:8px; color:#8A4B00"));
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::PlainText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_facts->setAccessibleName(tr("사진 정보"));

    auto *tools = new QHBoxLayout;
    auto add = [&](const QString &name, const QString &text, const QKeySequence &key,
                   void (PhotoViewer::*slot)()) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setAutoDefault(false);
        if (!key.isEmpty()) {
            b->setShortcut(key);
            b->setToolTip(tr("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        }
        connect(b, &QPushButton::clicked, this, slot);
        tools->addWidget(b);
    };
    add(QStringLiteral("previous"), tr("◀ 이전"), QKeySequence(Qt::Key_Left),
        &PhotoViewer::previous);
    add(QStringLiteral("next"), tr("다음 ▶"), QKeySequence(Qt::Key_Right), &PhotoViewer::next);
    tools->addStretch(1);
    add(QStringLiteral("fit"), tr("창에 맞춤"), QKeySequence(Qt::Key_0), &PhotoViewer::fitToWindow);
    add(QStringLiteral("zoomOut"), tr("축소"), QKeySequence(Qt::Key_Minus), &PhotoViewer::zoomOut);
    add(QStringLiteral("zoomIn"), tr("확대"), QKeySequence(Qt::Key_Plus), &PhotoViewer::zoomIn);
    add(QStringLiteral("actual"), tr("원래 크기"), QKeySequence(Qt::Key_1),
        &PhotoViewer::actualSize);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("닫기"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *v = new QVBoxLayout(this);
    v->addWidget(m_title);
    v->addLayout(tools);
    v->addWidget(m_message);
    v->addWidget(m_scroll, 1);
    v->addWidget(m_facts);
    v->addWidget(close);
    resize(900, 760);
    showIndex(m_photos.isEmpty() ? 0 : std::clamp(start, 0, int(m_photos.size()) - 1));
}

QPushButton *PhotoViewer::button(const QString &objectName) const
{
    return findChild<QPushButton *>(objectName);
}

QString PhotoViewer::factsText() const
{
    return m_facts->text();
}

QString PhotoViewer::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString PhotoViewer::facts(const Attachment &a) const
{
    QStringList lines;
    lines << (a.consent
                  ? tr("동의 여부: 동의함 — 대상자가 이 사진의 보관과 업무상 열람에 동의했습니다.")
                  : tr("동의 여부: 동의 기록 없음"));
    const QString when = Iso::displayDateTime(a.createdAt);
    if (!a.reportId.isEmpty() && a.householdId.isEmpty())
        lines << tr("찍은 사람: 신고자 (복지위기 알림 신고에 첨부)")
              << tr("가져온 사람: %1 · %2").arg(a.createdBy, when);
    else
        lines << tr("첨부한 사람: %1 · %2").arg(a.createdBy, when);
    lines << tr("파일: %1 · %2 KB").arg(a.fileName).arg(std::max<qint64>(1, a.size / 1024));
    lines << tr(
        "이 창에서 연 사진은 접속기록에 열람으로 남습니다. 화면을 찍거나 옮겨 저장하지 마세요.");
    return lines.join(u'\n');
}

void PhotoViewer::showIndex(int index)
{
    if (m_photos.isEmpty()) {
        m_index = -1;
        m_title->setText(tr("사진이 없습니다"));
        m_message->setText(tr("이 기록에는 첨부된 사진이 없습니다."));
        m_message->show();
        m_facts->clear();
        m_image = {};
        for (QPushButton *b : findChildren<QPushButton *>())
            b->setEnabled(b->objectName().isEmpty());
        render();
        return;
    }
    if (index < 0 || index >= m_photos.size())
        return;
    m_index = index;
    const Attachment &a = m_photos[index];
    m_title->setText(tr("사진 %1/%2 · %3").arg(index + 1).arg(m_photos.size()).arg(a.fileName));
    m_facts->setText(facts(a));
    m_message->hide();
    m_image = {};
    if (!a.consent) {
        // The rule (개인정보 보호법, DESIGN §3 attachments): kept and seen only with consent.
        m_message->setText(
            tr("이 사진에는 대상자의 동의 기록이 없어 열지 않습니다. 사진은 대상자가 보관과 "
               "열람에 동의한 경우에만 보관하고 볼 수 있습니다. 동의를 받지 못했다면 이 사진은 "
               "사례 기록에서 빼야 합니다."));
        m_message->show();
    } else if (!a.mime.startsWith(QLatin1String("image/"))) {
        m_message->setText(
            tr("사진이 아닌 문서(%1)는 이 창에서 미리 볼 수 없습니다.").arg(a.fileName));
        m_message->show();
    } else if (auto it = m_opened.constFind(a.id); it != m_opened.constEnd()) {
        m_image = *it;
    } else {
        auto bytes = m_controller->photos().open(a.id);
        if (!bytes) {
            m_message->setText(ErrorText::describe(tr("사진을 열지 못했습니다."), bytes.error()));
            m_message->show();
        } else {
            m_image = QImage::fromData(*bytes);
            if (m_image.isNull()) {
                m_message->setText(a.mime == QLatin1String("image/heic")
                                       ? tr("HEIC 형식의 사진은 이 컴퓨터에서 미리 볼 수 없습니다. "
                                            "휴대전화에서 JPEG로 "
                                            "바꿔 다시 첨부해 주세요.")
                                       : tr("사진 파일이 손상되어 보여 줄 수 없습니다."));
                m_message->show();
            } else {
                m_opened.insert(a.id, m_image);
            }
        }
    }
    button(QStringLiteral("previous"))->setEnabled(index > 0);
    button(QStringLiteral("next"))->setEnabled(index + 1 < m_photos.size());
    for (const char *name : {"fit", "zoomIn", "zoomOut", "actual"})
        button(QString::fromLatin1(name))->setEnabled(!m_image.isNull());
    m_fit = true;
    render();
}

void PhotoViewer::zoomIn()
{
    m_fit = false;
    m_scale = std::min(kMaxScale, m_scale * kZoomStep);
    render();
}

void PhotoViewer::zoomOut()
{
    m_fit = false;
    m_scale = std::max(kMinScale, m_scale / kZoomStep);
    render();
}

void PhotoViewer::actualSize()
{
    m_fit = false;
    m_scale = 1;
    render();
}

void PhotoViewer::fitToWindow()
{
    m_fit = true;
    render();
}

void PhotoViewer::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    if (m_fit)
        render();
}

bool PhotoViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize && m_fit
        && !m_image.isNull()) {
        const QSize room = m_scroll->viewport()->size() - QSize(4, 4);
        // Only when the fitted size changes (the picture's own scroll bars resize the viewport
        // too).
        const double want = std::min({1.0, double(room.width()) / m_image.width(),
                                      double(room.height()) / m_image.height()});
        if (std::abs(want - m_scale) > 1e-6)
            render();
    }
    return QDialog::eventFilter(watched, event);
}

void PhotoViewer::render()
{
    if (m_image.isNull()) {
        m_shown = {};
        m_picture->clear();
        m_picture->resize(m_scroll->viewport()->size());
        return;
    }
    if (m_fit) {
        const QSize room = m_scroll->viewport()->size() - QSize(4, 4);
        m_scale = std::min({1.0, double(room.width()) / m_image.width(),
                            double(room.height()) / m_image.height()});
        m_scale = std::max(m_scale, kMinScale);
    }
    const QSize size(std::max(1, int(m_image.width() * m_scale)),
                     std::max(1, int(m_image.height() * m_scale)));
    m_shown = m_image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    m_picture->setPixmap(QPixmap::fromImage(m_shown));
    m_picture->resize(m_shown.size());
    m_picture->setAccessibleDescription(tr("%1 × %2 픽셀, %3%로 보는 중")
                                            .arg(m_image.width())
                                            .arg(m_image.height())
                                            .arg(qRound(m_scale * 100)));
}

} // namespace VisitMap::Ui
