// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace VisitMap::Test {

// A throwaway PostgreSQL 15 on loopback for the central-store tests: initdb into a temporary
// folder (as the postgres user when running as root, since initdb refuses root), a free port,
// the socket in the folder, password (SCRAM) authentication for every role, stopped and removed
// when the object goes. available() is false, with the reason, where PostgreSQL is not installed.
class PgServer
{
public:
    PgServer();
    ~PgServer();
    bool available() const { return m_running; }
    QString why() const { return m_why; }
    // For the administrator (the superuser "postgres").
    QString adminConninfo() const;
    // For a staff role (its own password).
    QString conninfo() const;
    int port() const { return m_port; }
    static constexpr const char *adminPassword = "central-admin-test";

    // One server for a whole test run (started on first use).
    static PgServer &shared();

private:
    bool run(const QStringList &command, QString *output = nullptr);
    QTemporaryDir m_dir;
    int m_port = 0;
    bool m_running = false;
    bool m_asPostgres = false;
    QString m_why;
    PgServer *m_self = nullptr;
};

} // namespace VisitMap::Test
