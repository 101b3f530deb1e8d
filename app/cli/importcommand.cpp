// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "import/importservice.h"
#include "intake/reportintake.h"
#include "intake/roundintake.h"
#include "workspace.h"

namespace VisitMap::Cli {

int runImport(const QStringList &args)
{
    Command cmd(QStringLiteral("import"),
                QStringLiteral("Import a file into the store, all or nothing: a file with any bad "
                               "row imports nothing and every bad row is reported with its line."));
    cmd.addDb();
    cmd.addUser();
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("kind"),
                 QStringLiteral("households (CSV), signals (발굴 round CSV), reports (복지위기 알림 JSON), "
                                "boundaries (GeoJSON) or facilities (CSV)."),
                 QStringLiteral("KIND")});
    p.addOption({QStringLiteral("crs"),
                 QStringLiteral("Coordinate system of a households CSV's x/y (lon/lat) columns when "
                                "they are not WGS84 degrees: EPSG:5179 (UTM-K), EPSG:5186, EPSG:5181 ..."),
                 QStringLiteral("CRS")});
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The file to import."));
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    const QString kindText = p.value(QStringLiteral("kind"));
    Import::ImportKind kind = Import::ImportKind::Households;
    const bool reports = kindText == QLatin1String("reports");
    const bool signals_ = kindText == QLatin1String("signals");
    if (reports || signals_)
        ;
    else if (kindText == QLatin1String("households"))
        kind = Import::ImportKind::Households;
    else if (kindText == QLatin1String("boundaries"))
        kind = Import::ImportKind::Boundaries;
    else if (kindText == QLatin1String("facilities"))
        kind = Import::ImportKind::Facilities;
    else if (kindText.isEmpty())
        return usage(QStringLiteral("--kind is required"), p);
    else
        return usage(QStringLiteral("--kind '%1' is not households, signals, reports, boundaries or facilities").arg(kindText), p);
    if (p.positionalArguments().size() != 1)
        return usage(QStringLiteral("give exactly one FILE to import"), p);
    const QString file = p.positionalArguments().first();

    auto ws = openStore(p);
    if (!ws)
        return report(ws.error());
    if (auto ok = signIn(**ws, p); !ok)
        return report(ok.error());
    if (p.isSet(QStringLiteral("crs")) && (reports || signals_ || kind != Import::ImportKind::Households))
        return usage(QStringLiteral("--crs applies to households; a GeoJSON file names its own CRS"), p);
    Import::ImportOptions options;
    options.crs = p.value(QStringLiteral("crs"));
    auto result = reports    ? Intake::ReportIntake(**ws).importReports(file)
                  : signals_ ? Intake::RoundIntake(**ws).importSignals(file)
                             : Import::ImportService(**ws).run(kind, file, options);
    if (!result)
        return report(result.error());
    if (!result->ok()) {
        int listed = 0;
        for (const Import::RowError &e : result->errors) {
            if (++listed > Import::ImportReport::maxErrorsListed) {
                err() << "error: ... and " << result->errors.size() - listed + 1 << " more bad rows" << Qt::endl;
                break;
            }
            err() << "error: " << e.toString() << Qt::endl;
        }
        err() << "nothing was imported (" << result->errors.size() << " problems)" << Qt::endl;
        return UserError;
    }
    for (const QString &n : result->notes)
        out() << "note: " << n << Qt::endl;
    out() << "imported " << result->imported << " " << kindText;
    if (result->skipped > 0)
        out() << " (skipped " << result->skipped << " already present)";
    out() << Qt::endl;
    return Ok;
}

} // namespace VisitMap::Cli
