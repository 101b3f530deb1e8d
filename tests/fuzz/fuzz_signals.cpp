// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as a 발굴 round CSV, through the same path a file takes (text
// decoding with UTF-8 / BOM / CP949 detection, the CSV reader, the round parser against a
// crisis-item table). Nothing may crash; a file with a problem yields no rows; every row of a good
// file names a round, an item of the table with the value it needs, and someone to match.
#include "intake/signalparser.h"
#include "util/csv.h"
#include "util/textdecoder.h"

#include <cstdint>
#include <cstdlib>

using namespace VisitMap;

namespace {

Intake::SignalParser::ItemTable items()
{
    Intake::SignalParser::ItemTable t;
    auto add = [&t](const char *code, const char *unit) {
        CrisisItem i;
        i.version = QStringLiteral("2024-11");
        i.code = QString::fromLatin1(code);
        i.name = i.code;
        i.unit = QString::fromLatin1(unit);
        i.weight = 5;
        t[i.version].insert(i.code, i);
    };
    add("E01", "flag");
    add("E04", "months");
    add("E07", "amount");
    add("F01", "months");
    add("F03", "amount");
    return t;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Intake::SignalParser::ItemTable table = items();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto text = decodeText(bytes, QStringLiteral("fuzz.csv"));
    if (!text)
        return 0;
    auto csv = CsvReader::parse(text->text, QStringLiteral("fuzz.csv"));
    if (!csv)
        return 0;
    const auto parsed = Intake::SignalParser::parse(*csv, QStringLiteral("fuzz.csv"), table, QStringLiteral("2024-11"),
                                                    QDate(2026, 11, 23));
    if (!parsed.report.ok()) {
        if (!parsed.rows.isEmpty())
            std::abort();
        return 0;
    }
    for (const Intake::SignalRow &r : parsed.rows) {
        if (Intake::SignalParser::normaliseRound(r.roundId) != r.roundId)
            std::abort();
        const auto version = table.constFind(r.itemVersion);
        if (version == table.constEnd() || !version->contains(r.itemCode))
            std::abort();
        const CrisisItem &item = (*version)[r.itemCode];
        if ((item.unit == QLatin1String("months") && !r.months) || (item.unit == QLatin1String("amount") && !r.amount))
            std::abort();
        if (r.householdId.isEmpty() && (r.name.isEmpty() || !r.birth.isValid()))
            std::abort();
        if (r.received > QDate(2026, 11, 23))
            std::abort();
    }
    return 0;
}
