// SPDX-License-Identifier: GPL-3.0-or-later
#include "pgserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <unistd.h>

namespace VisitMap::Test {

namespace {
const QString bin = QStringLiteral("/usr/lib/postgresql/15/bin/");
}

bool PgServer::run(const QStringList &command, QString *output)
{
    QProcess p;
    QStringList args = command;
    QString program = args.takeFirst();
    if (m_asPostgres) {
        args.prepend(program);
        args.prepend(QStringLiteral("--"));
        args.prepend(QStringLiteral("postgres"));
        args.prepend(QStringLiteral("-u"));
        program = QStringLiteral("runuser");
    }
    p.start(program, args);
    if (!p.waitForFinished(120000)) {
        m_why = QStringLiteral("%1 did not finish").arg(command.first());
        return false;
    }
    const QString out = QString::fromLocal8Bit(p.readAllStandardOutput() + p.readAllStandardError());
    if (output)
        *output = out;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_why = QStringLiteral("%1 failed: %2").arg(command.first(), out.trimmed().right(400));
        return false;
    }
    return true;
}

PgServer::PgServer()
{
    if (!QFile::exists(bin + QStringLiteral("initdb"))) {
        m_why = QStringLiteral("PostgreSQL 15 is not installed (apt-get install postgresql)");
        return;
    }
    m_asPostgres = ::geteuid() == 0;
    const QString data = m_dir.path() + QStringLiteral("/data");
    if (m_asPostgres) {
        // The postgres user must reach and own the folder.
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                | QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup
                                                | QFileDevice::ExeGroup);
        QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postgres"), m_dir.path()});
    }
    const QString pwfile = m_dir.path() + QStringLiteral("/pw");
    {
        QFile f(pwfile);
        if (!f.open(QIODevice::WriteOnly))
            return;
        f.write(adminPassword);
    }
    if (m_asPostgres)
        QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postgres"), pwfile});
    if (!run({bin + QStringLiteral("initdb"), QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"),
              QStringLiteral("--pwfile=") + pwfile, QStringLiteral("-A"), QStringLiteral("scram-sha-256"),
              QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-locale")}))
        return;
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    m_port = probe.serverPort();
    probe.close();
    if (!run({bin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), data, QStringLiteral("-l"), m_dir.path() + QStringLiteral("/log"),
              QStringLiteral("-w"), QStringLiteral("-o"),
              QStringLiteral("-h 127.0.0.1 -p %1 -k %2 -c fsync=off -c max_connections=200").arg(m_port).arg(m_dir.path()),
              QStringLiteral("start")}))
        return;
    m_running = true;
}

PgServer::~PgServer()
{
    if (m_running)
        run({bin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), m_dir.path() + QStringLiteral("/data"), QStringLiteral("-m"),
             QStringLiteral("immediate"), QStringLiteral("stop")});
}

QString PgServer::adminConninfo() const
{
    return QStringLiteral("host=127.0.0.1 port=%1 dbname=postgres user=postgres password=%2").arg(m_port).arg(QLatin1String(adminPassword));
}

QString PgServer::conninfo() const
{
    return QStringLiteral("host=127.0.0.1 port=%1 dbname=postgres").arg(m_port);
}

PgServer &PgServer::shared()
{
    // Stopped while the application still exists (QProcess needs it), not at static teardown.
    static PgServer *server = [] {
        auto *s = new PgServer;
        qAddPostRoutine([] { delete PgServer::shared().m_self; });
        s->m_self = s;
        return s;
    }();
    return *server;
}

} // namespace VisitMap::Test
