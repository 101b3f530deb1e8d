// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "export/exportservice.h"
#include "workspace.h"

namespace VisitMap::Cli {

int runExport(const QStringList &args)
{
    Command cmd(
        QStringLiteral("export"),
        QStringLiteral("Export households or visits to CSV (UTF-8 with BOM). Unless "
                       "--unmasked is given by an account allowed to, the file is "
                       "pseudonymised: keyed pseudonyms instead of ids; no names, "
                       "주민등록번호, birth dates (age bands instead), house "
                       "numbers, 통/반, free text or phone digits; each position is a 500 m "
                       "cell or the 행정동's point shared by at least 5 households, and a "
                       "행정동 with fewer is left out. Cells that would run as spreadsheet "
                       "formulas are written as text. The reason is kept in the access "
                       "log."));
    cmd.addDb();
    cmd.addUser();
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("kind"), QStringLiteral("households or visits."), QStringLiteral("KIND")});
    p.addOption({QStringLiteral("out"), QStringLiteral("The CSV file to write."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Why the data is exported (required)."),
                 QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("unmasked"), QStringLiteral("Do not mask (team lead only).")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    Export::ExportOptions opt;
    const QString kind = p.value(QStringLiteral("kind"));
    if (kind == QLatin1String("households"))
        opt.kind = Export::ExportKind::Households;
    else if (kind == QLatin1String("visits"))
        opt.kind = Export::ExportKind::Visits;
    else
        return usage(kind.isEmpty() ? QStringLiteral("--kind is required")
                                    : QStringLiteral("--kind '%1' is not households or visits").arg(kind),
                     p);
    opt.outPath = p.value(QStringLiteral("out"));
    if (opt.outPath.isEmpty())
        return usage(QStringLiteral("--out FILE is required"), p);
    if (!p.isSet(QStringLiteral("reason")))
        return usage(QStringLiteral("--reason TEXT is required: every export is logged with why"), p);
    opt.reason = p.value(QStringLiteral("reason"));
    opt.unmasked = p.isSet(QStringLiteral("unmasked"));

    auto ws = openStore(p);
    if (!ws)
        return report(ws.error());
    if (auto ok = signIn(**ws, p); !ok)
        return report(ok.error());
    auto result = Export::ExportService(**ws).run(opt);
    if (!result)
        return report(result.error());
    out() << "exported " << result->rows << " " << kind << " to " << opt.outPath
          << (result->masked ? " (masked)" : " (unmasked)") << Qt::endl;
    if (result->withheld > 0)
        out() << "withheld " << result->withheld << " households: their 행정동 has fewer than "
              << Export::Anonymiser::minShared << " households, so a position would single them out"
              << Qt::endl;
    return Ok;
}

} // namespace VisitMap::Cli
