// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "storage/database.h"
#include "storage/metastore.h"
#include "storage/migrator.h"
#include "storage/stores.h"
#include "workspace.h"

namespace VisitMap::Cli {

int runInit(const QStringList &args)
{
    Command cmd(QStringLiteral("init"),
                QStringLiteral("Create a local store, or migrate an existing one to this "
                               "program's schema."));
    cmd.addDb();
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    const QString path = cmd.parser.value(QStringLiteral("db"));
    if (path.isEmpty())
        return usage(QStringLiteral("--db FILE is required"), cmd.parser);
    auto ws = Workspace::open(path);
    if (!ws)
        return report(ws.error());
    out() << "store " << path << " schema " << (*ws)->schemaVersion() << " id "
          << (*ws)->stores().meta().storeId() << Qt::endl;
    return Ok;
}

} // namespace VisitMap::Cli
