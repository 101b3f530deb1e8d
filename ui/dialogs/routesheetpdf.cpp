// SPDX-License-Identifier: GPL-3.0-or-later
#include "routesheetpdf.h"

#include "map/routelayer.h"
#include "theme.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace VisitMap::Ui::RouteSheetPdf {

Status write(const QString &path, const Routing::RouteSheetData &data,
             const std::function<QImage(const Routing::SheetTeam &, QSize)> &excerpt)
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
        pdf.setTitle(QStringLiteral("방문 경로표 %1").arg(data.date.toString(Qt::ISODate)));
        pdf.setCreator(QStringLiteral("복지방문지도"));
        QPainter p(&pdf);
        const QRectF page(QPointF(0, 0), QSizeF(pdf.width(), pdf.height()));
        const QFont title = [] {
            QFont f = Theme::uiFont(15);
            f.setWeight(QFont::Bold);
            return f;
        }();
        const QFont body = Theme::uiFont(8);
        QFont bold = body;
        bold.setWeight(QFont::Bold);
        const QFont small = Theme::uiFont(7);
        bool first = true;
        for (const Routing::SheetTeam &team : data.teams) {
            if (team.stops.isEmpty())
                continue;
            if (!first)
                pdf.newPage();
            first = false;
            double y = 0;
            const QColor colour = RouteLayer::teamColour(team.team);
            auto header = [&](bool continued) {
                p.setPen(colour);
                p.setFont(title);
                p.drawText(QRectF(0, y, page.width(), 26), Qt::AlignLeft | Qt::AlignVCenter,
                           QStringLiteral("방문 경로표 · %1팀%2").arg(team.team).arg(continued ? QStringLiteral(" (계속)") : QString()));
                p.setPen(Theme::text());
                p.setFont(body);
                p.drawText(QRectF(0, y, page.width(), 26), Qt::AlignRight | Qt::AlignVCenter,
                           QStringLiteral("%1 · %2 주민센터 · 팀원 ______________").arg(data.date.toString(QStringLiteral("yyyy년 M월 d일")), data.officeName));
                y += 28;
                p.setPen(Theme::mutedText());
                p.setFont(small);
                p.drawText(QRectF(0, y, page.width(), 14), Qt::AlignLeft | Qt::AlignVCenter,
                           QStringLiteral("출발 %1 · 복귀 예정 %2 · %3곳 · %4 km · %5 · 작성 %6%7")
                               .arg(team.leave, team.back)
                               .arg(team.stops.size())
                               .arg(team.km, 0, 'f', 1)
                               .arg(data.travel, data.preparedBy,
                                    data.unmasked ? QString() : QStringLiteral(" · 이름·전화번호 일부 가림")));
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
            // The table: no, time, address / who, phone, tier / last visit, purpose, notes.
            const double cols[] = {22, 42, 0.40, 0.22, 0.18}; // fixed points, then fractions of the rest
            const double rest = page.width() - cols[0] - cols[1];
            const double xNo = 0, xTime = cols[0], xAddr = xTime + cols[1], xWho = xAddr + rest * cols[2],
                         xWhy = xWho + rest * cols[3], xNote = xWhy + rest * cols[4];
            auto tableHead = [&] {
                p.setFont(bold);
                p.setPen(Theme::text());
                p.fillRect(QRectF(0, y, page.width(), 16), QColor(0xF1, 0xF3, 0xF5));
                const QStringList heads{QStringLiteral("순"), QStringLiteral("도착"), QStringLiteral("주소"), QStringLiteral("대상 · 연락처"),
                                        QStringLiteral("방문 목적 · 최근 방문"), QStringLiteral("메모")};
                const double xs[] = {xNo, xTime, xAddr, xWho, xWhy, xNote, page.width()};
                for (int i = 0; i < 6; ++i)
                    p.drawText(QRectF(xs[i] + 3, y, xs[i + 1] - xs[i] - 6, 16), Qt::AlignLeft | Qt::AlignVCenter, heads[i]);
                y += 16;
            };
            tableHead();
            const double rowH = 44;
            for (const Routing::SheetStop &s : team.stops) {
                if (y + rowH > page.height()) {
                    pdf.newPage();
                    y = 0;
                    header(true);
                    tableHead();
                }
                p.setPen(QPen(Theme::border(), 0.8));
                p.drawLine(QPointF(0, y + rowH), QPointF(page.width(), y + rowH));
                RouteLayer::drawStop(p, QPointF(xNo + 11, y + 12), s.order, colour, false, 16);
                p.setPen(Theme::text());
                p.setFont(bold);
                p.drawText(QRectF(xTime + 2, y + 3, cols[1] - 4, 14), Qt::AlignLeft | Qt::AlignVCenter, s.eta);
                p.setFont(body);
                p.drawText(QRectF(xAddr + 3, y + 3, xWho - xAddr - 6, rowH - 6), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, s.address);
                p.drawText(QRectF(xWho + 3, y + 3, xWhy - xWho - 6, rowH - 6), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                           QStringLiteral("%1 (%2)\n%3").arg(s.name, s.tier, s.phone.isEmpty() ? QStringLiteral("전화 없음") : s.phone));
                p.drawText(QRectF(xWhy + 3, y + 3, xNote - xWhy - 6, rowH - 6), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                           QStringLiteral("%1\n최근 %2").arg(s.purpose, s.lastVisit));
                // Lines to write on.
                p.setPen(QPen(QColor(0xCC, 0xCC, 0xCC), 0.6, Qt::DotLine));
                for (int k = 1; k <= 2; ++k)
                    p.drawLine(QPointF(xNote + 4, y + k * rowH / 3 + 4), QPointF(page.width() - 4, y + k * rowH / 3 + 4));
                y += rowH;
            }
            p.setPen(Theme::mutedText());
            p.setFont(small);
            p.drawText(QRectF(0, page.height() - 14, page.width(), 14), Qt::AlignLeft | Qt::AlignVCenter,
                       QStringLiteral("개인정보가 담긴 문서입니다. 방문 후 파쇄하고, 출력 사실은 접속기록에 남습니다."));
        }
        if (first) {
            p.setFont(body);
            p.drawText(page, Qt::AlignCenter, QStringLiteral("방문할 곳이 없습니다."));
        }
    }
    if (!file.commit())
        return failAt(ErrorCode::Io, path, 0, QStringLiteral("cannot write: %1").arg(file.errorString()));
    return {};
}

} // namespace VisitMap::Ui::RouteSheetPdf
