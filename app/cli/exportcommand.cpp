// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "export/exportservice.h"
#include "workspace.h"

#include <array>
#include <utility>

namespace VisitMap::Cli {

namespace {
const std::array<std::pair<const char *, Export::ExportKind>, 5> kinds{
    {{"households", Export::ExportKind::Households},
     {"visits", Export::ExportKind::Visits},
     {"dong-risk", Export::ExportKind::DongTierSummary},
     {"type-risk", Export::ExportKind::TypeTierSummary},
     {"overdue-by-worker", Export::ExportKind::OverdueByWorker}}};
}

int runExport(const QStringList &args)
{
    Command cmd(
        QStringLiteral("export"),
        QStringLiteral("Export households or visits, or a summary of counts, to CSV (UTF-8 with "
                       "BOM) or an Excel workbook (.xlsx). The columns are the machine ones (id, "
                       "adm_cd, lon, lat, risk as high|medium|low, ISO dates) unless "
                       "--korean-headers asks for the app's Korean table (위험도 고위험, "
                       "상태 관리중, dates 2026.12.02). Unless "
                       "--unmasked is given by an account allowed to, the file is "
                       "pseudonymised: keyed pseudonyms instead of ids; no names, "
                       "주민등록번호, birth dates (age bands instead), house "
                       "numbers, 통/반, free text or phone digits; each position is a 500 m "
                       "cell or the 행정동's point shared by at least 5 households, and a "
                       "행정동 with fewer is left out. Cells that would run as spreadsheet "
                       "formulas are written as text. The summaries (dong-risk: 행정동 x 위험도; "
                       "type-risk: 가구유형 x 위험도; overdue-by-worker: households, overdue "
                       "and the oldest overdue days per worker) hold counts only. The reason is "
                       "kept in the access log."));
    cmd.addDb();
    cmd.addUser();
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("kind"),
                 QStringLiteral("households, visits, dong-risk, type-risk or overdue-by-worker."),
                 QStringLiteral("KIND")});
    p.addOption({QStringLiteral("out"), QStringLiteral("The file to write (.csv or .xlsx)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("format"),
                 QStringLiteral("csv or xlsx (default: from the file name)."),
                 QStringLiteral("FORMAT")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Why the data is exported (required)."),
                 QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("unmasked"), QStringLiteral("Do not mask (team lead only).")});
    p.addOption(
        {QStringLiteral("korean-headers"),
         QStringLiteral("Korean headers and values, as the app exports, instead of the machine "
                        "columns and codes.")});
    p.addOption({QStringLiteral("dong"),
                 QStringLiteral("Only the households of this 행정동 (adm_cd)."),
                 QStringLiteral("CODE")});
    p.addOption({QStringLiteral("tier"), QStringLiteral("Only households of this risk tier."),
                 QStringLiteral("high|medium|low")});
    p.addOption(
        {QStringLiteral("overdue"), QStringLiteral("Only households past their visit date.")});
    p.addOption({QStringLiteral("worker"),
                 QStringLiteral("Only the households of this worker ('-': unassigned)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("households"),
                 QStringLiteral("Only these households (ids, comma separated)."),
                 QStringLiteral("ID,...")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    Export::ExportOptions opt;
    const QString kind = p.value(QStringLiteral("kind"));
    bool known = false;
    for (const auto &[name, k] : kinds)
        if (kind == QLatin1String(name)) {
            opt.kind = k;
            known = true;
        }
    if (!known)
        return usage(kind.isEmpty()
                         ? QStringLiteral("--kind is required")
                         : QStringLiteral("--kind '%1' is not households, visits, dong-risk, "
                                          "type-risk or overdue-by-worker")
                               .arg(kind),
                     p);
    opt.outPath = p.value(QStringLiteral("out"));
    if (opt.outPath.isEmpty())
        return usage(QStringLiteral("--out FILE is required"), p);
    opt.format = Export::ExportTableWriter::formatFor(opt.outPath);
    if (p.isSet(QStringLiteral("format"))) {
        const QString format = p.value(QStringLiteral("format"));
        if (format == QLatin1String("csv"))
            opt.format = Export::ExportFormat::Csv;
        else if (format == QLatin1String("xlsx"))
            opt.format = Export::ExportFormat::Xlsx;
        else
            return usage(QStringLiteral("--format '%1' is not csv or xlsx").arg(format), p);
    }
    if (!p.isSet(QStringLiteral("reason")))
        return usage(QStringLiteral("--reason TEXT is required: every export is logged with why"), p);
    opt.reason = p.value(QStringLiteral("reason"));
    opt.unmasked = p.isSet(QStringLiteral("unmasked"));
    opt.englishHeaders = !p.isSet(QStringLiteral("korean-headers"));

    // The same filter as the household list's, or chosen households.
    Storage::HouseholdQuery filter;
    bool filtered = false;
    if (p.isSet(QStringLiteral("dong"))) {
        filter.offices = {p.value(QStringLiteral("dong"))};
        filtered = true;
    }
    if (p.isSet(QStringLiteral("tier"))) {
        filter.tier = riskTierFromCode(p.value(QStringLiteral("tier")));
        if (!filter.tier)
            return usage(QStringLiteral("--tier '%1' is not high, medium or low")
                             .arg(p.value(QStringLiteral("tier"))),
                         p);
        filtered = true;
    }
    if (p.isSet(QStringLiteral("overdue")))
        filter.overdueOnly = filtered = true;
    if (p.isSet(QStringLiteral("worker"))) {
        filter.worker = p.value(QStringLiteral("worker"));
        filtered = true;
    }
    if (p.isSet(QStringLiteral("households"))) {
        if (filtered)
            return usage(QStringLiteral("--households does not go with --dong, --tier, --overdue "
                                        "or --worker"),
                         p);
        opt.scope = Export::ExportScope::households(
            p.value(QStringLiteral("households")).split(u',', Qt::SkipEmptyParts));
    } else if (filtered) {
        opt.scope = Export::ExportScope::matching(filter);
    }

    auto ws = openStore(p);
    if (!ws)
        return report(ws.error());
    if (auto ok = signIn(**ws, p); !ok)
        return report(ok.error());
    auto result = Export::ExportService(**ws).run(opt);
    if (!result)
        return report(result.error());
    out() << "exported " << result->rows << " " << kind << " to " << opt.outPath
          << (Export::ExportService::isSummary(opt.kind) ? " (counts only)"
              : result->masked                           ? " (masked)"
                                                         : " (unmasked)")
          << Qt::endl;
    if (result->withheld > 0)
        out() << "withheld " << result->withheld << " households: their 행정동 has fewer than "
              << Export::Anonymiser::minShared << " households, so a position would single them out"
              << Qt::endl;
    return Ok;
}

} // namespace VisitMap::Cli
