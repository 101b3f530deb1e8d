// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapexport.h"

#include "koreandate.h"
#include "export/exportservice.h"
#include "mapwidget.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace VisitMap::Ui::MapExport {

Status save(MapWidget &map, WorkspaceController &controller, const QString &path, const QString &reason)
{
    if (!controller.workspace())
        return fail(ErrorCode::Usage, QObject::tr("저장소가 열려 있지 않습니다"));
    const QString title = QObject::tr("복지방문지도 · %1 · %2")
                              .arg(KoreanDate::date(controller.today()), controller.accountName());
    const bool pdf = QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0;
    const QString tmp = path + QStringLiteral(".part");
    if (pdf) {
        QPdfWriter writer(tmp);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("VisitMap"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(10, 10, 10, 10),
                                         QPageLayout::Millimeter));
        writer.setResolution(150);
        QPainter p;
        if (!p.begin(&writer))
            return failAt(ErrorCode::Io, path, 0, QObject::tr("PDF를 만들 수 없습니다"));
        // Paint in a 96-dpi space so marks and text keep their screen proportions.
        const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
        const double scale = writer.resolution() / 96.0;
        p.scale(scale, scale);
        map.render(p, QRectF(0, 0, page.width() / scale, page.height() / scale), title);
        p.end();
    } else {
        const QImage img = map.renderImage(map.size().expandedTo(QSize(800, 600)), 2.0, title);
        if (!img.save(tmp, "PNG")) {
            QFile::remove(tmp);
            return failAt(ErrorCode::Io, path, 0, QObject::tr("그림을 쓸 수 없습니다"));
        }
    }
    const int shown = int(map.households().countsIn(map.viewport()).total());
    if (auto logged = controller.exports().logMapExport(path, shown, reason); !logged) {
        QFile::remove(tmp);
        return logged;
    }
    QFile::remove(path);
    if (!QFile::rename(tmp, path)) {
        QFile::remove(tmp);
        return failAt(ErrorCode::Io, path, 0, QObject::tr("파일을 저장할 수 없습니다"));
    }
    return {};
}

} // namespace VisitMap::Ui::MapExport
