// SPDX-License-Identifier: GPL-3.0-or-later
#include "routesheetpdf.h"

#include "map/routelayer.h"
#include "theme.h"
#include "util/clock.h"

#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QSaveFile>

namespace VisitMap::Ui::RouteSheetPdf {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RouteSheetPdf", text);
}

QFont bodyFont()
{
    return Theme::uiFont(8);
}

QFont boldFont()
{
    QFont f = bodyFont();
    f.setWeight(QFont::Bold);
    return f;
}

// The table's columns: no, time, address / who, phone, tier / purpose, last visit / notes.
struct Columns
{
    double no = 0, time = 0, addr = 0, who = 0, why = 0, note = 0, right = 0;
    explicit Columns(double width)
    {
        const double rest = width - 22 - 42;
        time = 22;
        addr = time + 42;
        who = addr + rest * 0.30;
        why = who + rest * 0.27;
        note = why + rest * 0.25;
        right = width;
    }
};

constexpr double notesHeight = 44; // the least a row takes: two lines to write on

} // namespace

QString purpose(const Routing::SheetHousehold &h)
{
    QStringList why;
    if (h.overdueDays >= 0)
        why << tr("방문 주기 지남 (%1일)").arg(h.overdueDays);
    if (h.isNew)
        why << tr("신규 발굴 확인");
    if (why.isEmpty())
        why << (h.high ? tr("고위험 정기 방문") : tr("정기 방문"));
    return why.join(QStringLiteral(", "));
}

QList<Row> layoutRows(QPainter &p, const Routing::SheetTeam &team, double width)
{
    const Columns c(width);
    const int wrap = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop;
    QList<Row> rows;
    double y = 0;
    for (const Routing::SheetStop &s : team.stops) {
        QStringList who, why;
        for (const Routing::SheetHousehold &h : s.households) {
            const QString door = h.detail.isEmpty() ? QString() : h.detail + QStringLiteral(" ");
            who << tr("%1%2 (%3) %4")
                       .arg(door, h.name, h.tier, h.phone.isEmpty() ? tr("전화 없음") : h.phone);
            why << tr("%1%2 · 최근 %3")
                       .arg(s.households.size() > 1 ? door : QString(), purpose(h),
                            h.lastVisit.isValid() ? Iso::displayDate(h.lastVisit)
                                                  : tr("방문 기록 없음"));
        }
        // Each text gets the height it needs wrapped in its column: nothing is clipped or elided.
        Row row;
        double height = notesHeight;
        auto add = [&](double x, double top, double w, const QString &text, const QFont &font,
                       int flags) {
            p.setFont(font);
            const QRectF needed = p.boundingRect(QRectF(x, top, w, 1e6), flags, text);
            row.cells << Cell{QRectF(x, top, w, std::ceil(needed.height()) + 1), text, font, flags};
            height = std::max(height, row.cells.last().rect.bottom() + 4);
        };
        const int line = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop;
        add(c.time + 2, 3, c.addr - c.time - 4, s.eta, boldFont(), line);
        if (s.households.size() > 1)
            add(c.time + 2, row.cells.last().rect.bottom() + 1, c.addr - c.time - 4,
                tr("%1가구").arg(s.households.size()), bodyFont(), line);
        add(c.addr + 3, 3, c.who - c.addr - 6, s.address, bodyFont(), wrap);
        add(c.who + 3, 3, c.why - c.who - 6, who.join(u'\n'), bodyFont(), wrap);
        add(c.why + 3, 3, c.note - c.why - 6, why.join(u'\n'), bodyFont(), wrap);
        for (Cell &cell : row.cells)
            cell.rect.translate(0, y);
        row.rect = QRectF(0, y, width, height);
        rows << row;
        y += height;
    }
    return rows;
}

void render(QPagedPaintDevice &device, const Routing::RouteSheetData &data, const Excerpt &excerpt)
{
    QPainter p(&device);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    const QRectF page(QPointF(0, 0), QSizeF(device.width(), device.height()));
    const QFont title = [] {
        QFont f = Theme::uiFont(15);
        f.setWeight(QFont::Bold);
        return f;
    }();
    const QFont body = bodyFont();
    const QFont bold = boldFont();
    const QFont small = Theme::uiFont(7);
    const Columns c(page.width());
    bool first = true;
    for (const Routing::SheetTeam &team : data.teams) {
        if (team.stops.isEmpty())
            continue;
        if (!first)
            device.newPage();
        first = false;
        double y = 0;
        const QColor colour = RouteLayer::teamColour(team.team);
        auto footer = [&] {
            p.setPen(Theme::mutedText());
            p.setFont(small);
            p.drawText(QRectF(0, page.height() - 14, page.width(), 14),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       tr("개인정보가 담긴 문서입니다. 방문 후 파쇄하고, 출력 사실은 접속기록에 "
                          "남습니다."));
        };
        auto header = [&](bool continued) {
            p.setPen(colour);
            p.setFont(title);
            p.drawText(QRectF(0, y, page.width(), 26), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("방문 경로표 · %1팀%2")
                           .arg(team.team)
                           .arg(continued ? tr(" (계속)") : QString()));
            p.setPen(Theme::text());
            p.setFont(body);
            p.drawText(
                QRectF(0, y, page.width(), 26), Qt::AlignRight | Qt::AlignVCenter,
                tr("%1 · %2 주민센터 · 팀원 ______________")
                    .arg(data.date.toString(QStringLiteral("yyyy년 M월 d일")), data.officeName));
            y += 28;
            p.setPen(Theme::mutedText());
            p.setFont(small);
            p.drawText(QRectF(0, y, page.width(), 14), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("출발 %1 · 복귀 예정 %2 · %3곳 · %4 km · %5 · 작성 %6%7")
                           .arg(team.leave, team.back)
                           .arg(team.stops.size())
                           .arg(team.km, 0, 'f', 1)
                           .arg(data.travel, data.preparedBy,
                                data.unmasked ? QString() : tr(" · 이름·전화번호 일부 가림")));
            y += 18;
        };
        header(false);
        if (excerpt) {
            const QSize size(int(page.width()), int(page.height() * 0.36));
            const QImage img = excerpt(team, size);
            if (!img.isNull()) {
                p.drawImage(QRectF(0, y, size.width(), size.height()), img);
                p.setPen(QPen(Theme::border(), 1));
                p.setBrush(Qt::NoBrush);
                p.drawRect(QRectF(0, y, size.width(), size.height()));
                y += size.height() + 10;
            }
        }
        auto tableHead = [&] {
            p.setFont(bold);
            p.setPen(Theme::text());
            p.fillRect(QRectF(0, y, page.width(), 16), QColor(0xF1, 0xF3, 0xF5));
            const QStringList heads{
                tr("순"),  tr("도착"), tr("주소"), tr("대상 · 연락처"), tr("방문 목적 · 최근 방문"),
                tr("메모")};
            const double xs[] = {c.no, c.time, c.addr, c.who, c.why, c.note, c.right};
            for (int i = 0; i < 6; ++i)
                p.drawText(QRectF(xs[i] + 3, y, xs[i + 1] - xs[i] - 6, 16),
                           Qt::AlignLeft | Qt::AlignVCenter, heads[i]);
            y += 16;
        };
        tableHead();
        const QList<Row> rows = layoutRows(p, team, page.width());
        const double bottom = page.height() - 16; // above the footer
        for (int i = 0; i < rows.size(); ++i) {
            const Row &row = rows[i];
            double dy = y - row.rect.top();
            if (y + row.rect.height() > bottom && y > 120) {
                footer();
                device.newPage();
                y = 0;
                header(true);
                tableHead();
                dy = y - row.rect.top();
            }
            const QRectF at = row.rect.translated(0, dy);
            p.setPen(QPen(Theme::border(), 0.8));
            p.drawLine(QPointF(0, at.bottom()), QPointF(page.width(), at.bottom()));
            RouteLayer::drawStop(p, QPointF(c.no + 11, at.top() + 12), team.stops[i].order, colour,
                                 false, 16);
            p.setPen(Theme::text());
            for (const Cell &cell : row.cells) {
                p.setFont(cell.font);
                p.drawText(cell.rect.translated(0, dy), cell.flags, cell.text);
            }
            // Lines to write on.
            p.setPen(QPen(QColor(0xCC, 0xCC, 0xCC), 0.6, Qt::DotLine));
            for (double line = at.top() + 18; line < at.bottom() - 4; line += 14)
                p.drawLine(QPointF(c.note + 4, line), QPointF(page.width() - 4, line));
            y += at.height();
        }
        footer();
    }
    if (first) {
        p.setFont(body);
        p.drawText(page, Qt::AlignCenter, tr("방문할 곳이 없습니다."));
    }
}

Status write(const QString &path, const Routing::RouteSheetData &data, const Excerpt &excerpt)
{
    // Written to a temporary file and moved into place: no half sheet is left behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failAt(ErrorCode::Io, path, 0, QStringLiteral("cannot write: %1").arg(file.errorString()));
    {
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        pdf.setResolution(96);
        pdf.setTitle(tr("방문 경로표 %1").arg(data.date.toString(Qt::ISODate)));
        pdf.setCreator(tr("복지방문지도"));
        render(pdf, data, excerpt);
    }
    if (!file.commit())
        return failAt(ErrorCode::Io, path, 0, QStringLiteral("cannot write: %1").arg(file.errorString()));
    return {};
}

Status print(QPrinter &printer, const Routing::RouteSheetData &data, const Excerpt &excerpt)
{
    if (!printer.isValid())
        return fail(ErrorCode::Io,
                    QStringLiteral("the printer %1 cannot be used").arg(printer.printerName()));
    // The sheet is laid out at 96 dots per inch, as the PDF is.
    printer.setResolution(96);
    printer.setDocName(tr("방문 경로표 %1").arg(data.date.toString(Qt::ISODate)));
    render(printer, data, excerpt);
    if (printer.printerState() == QPrinter::Error)
        return fail(ErrorCode::Io,
                    QStringLiteral("the printer %1 reported an error").arg(printer.printerName()));
    return {};
}

} // namespace VisitMap::Ui::RouteSheetPdf
