// SPDX-License-Identifier: GPL-3.0-or-later
#include "importcontrol.h"

namespace VisitMap::Import {

void ImportControl::report(ImportStage stage, qint64 done, qint64 total) const
{
    if (!m_progress)
        return;
    const qint64 step = std::max<qint64>(1, total / 200);
    if (total <= 0 || done == 0 || done >= total || done % step == 0)
        m_progress(stage, done, total);
}

Status ImportControl::step(ImportStage stage, qint64 done, qint64 total) const
{
    if (cancelled())
        return fail(cancelledError());
    report(stage, done, total);
    return {};
}

Error ImportControl::cancelledError()
{
    return Error{ErrorCode::Cancelled,
                 QStringLiteral("the import was cancelled; nothing was written"),
                 {},
                 0};
}

} // namespace VisitMap::Import
