// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as a 복지위기 알림 report file. The parser must never crash, hang or
// read out of bounds, and must keep its promise: a file with any problem yields no reports, and
// the reports of a good file carry what the rest of intake relies on.
#include "intake/reportparser.h"

#include <cstdint>
#include <cstdlib>

using namespace VisitMap;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = Intake::ReportParser::parse(json, QStringLiteral("fuzz.json"), {});
    if (!parsed.report.ok()) {
        if (!parsed.reports.isEmpty() || !parsed.attachments.isEmpty())
            std::abort(); // a bad file must give nothing to write
        for (const Import::RowError &e : parsed.report.errors) {
            if (e.reason.isEmpty() || e.line < 0)
                std::abort(); // every problem says where and why
        }
        return 0;
    }
    if (parsed.reports.size() != parsed.attachments.size())
        std::abort();
    for (const CrisisReport &r : parsed.reports) {
        if (r.externalId.isEmpty() || r.categories.isEmpty() || !r.receivedAt.isValid())
            std::abort();
        if (r.hasLocation() && (*r.lon < -180 || *r.lon > 180 || *r.lat < -90 || *r.lat > 90))
            std::abort();
        if (!r.hasLocation() && r.addressText.isEmpty())
            std::abort(); // a report must be placeable
    }
    (void)Intake::ReportParser::elementLines(json);
    return 0;
}
