// SPDX-License-Identifier: GPL-3.0-or-later
#include "crs.h"

#include <QRegularExpression>
#include <cmath>
#include <proj.h>

namespace VisitMap::Geo {

struct CrsTransform::Impl
{
    PJ_CONTEXT *ctx = nullptr;
    PJ *pj = nullptr; // null for the identity
    ~Impl()
    {
        if (pj)
            proj_destroy(pj);
        if (ctx)
            proj_context_destroy(ctx);
    }
};

CrsTransform::CrsTransform(std::unique_ptr<Impl> impl, QString name)
    : m_impl(std::move(impl)), m_name(std::move(name))
{
}
CrsTransform::CrsTransform(CrsTransform &&) noexcept = default;
CrsTransform &CrsTransform::operator=(CrsTransform &&) noexcept = default;
CrsTransform::~CrsTransform() = default;

QString CrsTransform::canonicalName(const QString &crs)
{
    const QString t = crs.trimmed();
    if (t.contains(QLatin1String("CRS84"), Qt::CaseInsensitive))
        return QStringLiteral("EPSG:4326");
    static const QRegularExpression re(QStringLiteral("^(?:(?:urn:ogc:def:crs:)?EPSG:{1,2}(?:[0-9.]*:)?)?(\\d{4,6})$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(t);
    return m.hasMatch() ? QStringLiteral("EPSG:") + m.captured(1) : QString();
}

bool CrsTransform::isWgs84(const QString &crs)
{
    return crs.trimmed().isEmpty() || canonicalName(crs) == QLatin1String("EPSG:4326");
}

bool CrsTransform::isIdentity() const
{
    return !m_impl->pj;
}

Result<CrsTransform> CrsTransform::create(const QString &crs, bool toWgs84)
{
    const QString name = canonicalName(crs);
    if (name.isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("'%1' is not a coordinate system; give it as "
                                                     "EPSG:5179, EPSG:5186, EPSG:4326 ...")
                                          .arg(crs));
    auto impl = std::make_unique<Impl>();
    if (name != QLatin1String("EPSG:4326")) {
        impl->ctx = proj_context_create();
        proj_log_level(impl->ctx, PJ_LOG_NONE);
        const QByteArray code = name.toLatin1();
        PJ *raw = proj_create_crs_to_crs(impl->ctx, toWgs84 ? code.constData() : "EPSG:4326",
                                         toWgs84 ? "EPSG:4326" : code.constData(), nullptr);
        if (!raw)
            return fail(ErrorCode::Usage,
                        QStringLiteral("the coordinate system %1 is unknown to PROJ (%2)")
                            .arg(name, QString::fromUtf8(proj_context_errno_string(
                                           impl->ctx, proj_context_errno(impl->ctx)))));
        // Longitude, latitude (east, north) order whatever the CRS's axis order says.
        impl->pj = proj_normalize_for_visualization(impl->ctx, raw);
        proj_destroy(raw);
        if (!impl->pj)
            return fail(ErrorCode::Usage, QStringLiteral("cannot transform between %1 and WGS84").arg(name));
    }
    return CrsTransform(std::move(impl), name);
}

std::optional<QPointF> CrsTransform::apply(double x, double y) const
{
    if (!std::isfinite(x) || !std::isfinite(y))
        return std::nullopt;
    if (!m_impl->pj)
        return QPointF(x, y);
    const PJ_COORD c = proj_trans(m_impl->pj, PJ_FWD, proj_coord(x, y, 0, 0));
    if (!std::isfinite(c.xy.x) || !std::isfinite(c.xy.y) || c.xy.x == HUGE_VAL)
        return std::nullopt;
    return QPointF(c.xy.x, c.xy.y);
}

} // namespace VisitMap::Geo
