// SPDX-License-Identifier: GPL-3.0-or-later
// Test helper: logs visits to one household in a loop through the product's own path, printing
// "ack <id>" after each returns (after its commit). The durability test kills it with SIGKILL
// at a random moment and checks that every acknowledged visit survived.
#include "security/crypto.h"
#include "util/clock.h"
#include "workflow/casework.h"
#include "workspace.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    VisitMap::Security::initialiseCrypto();
    if (argc < 3) {
        std::fprintf(stderr, "usage: visitloop STORE HOUSEHOLD_ID\n");
        return 2;
    }
    auto ws = VisitMap::Workspace::open(QString::fromLocal8Bit(argv[1]), VisitMap::Workspace::OpenMode::ExistingOnly);
    if (!ws || !(*ws)->signInDemo()) {
        std::fprintf(stderr, "cannot open the store\n");
        return 1;
    }
    VisitMap::CaseWork work(**ws);
    for (int i = 0;; ++i) {
        VisitMap::Visit v;
        v.householdId = QString::fromLocal8Bit(argv[2]);
        v.kind = i % 2 ? VisitMap::VisitKind::Phone : VisitMap::VisitKind::Visit;
        v.outcome = i % 3 ? VisitMap::VisitOutcome::Met : VisitMap::VisitOutcome::Absent;
        v.at = (*ws)->clock().now().addSecs(-60);
        v.notes = QStringLiteral("durability %1").arg(i);
        auto logged = work.logVisit(v);
        if (!logged) {
            std::fprintf(stderr, "%s\n", qPrintable(logged.error().message));
            return 1;
        }
        std::printf("ack %s\n", qPrintable(logged->id));
        std::fflush(stdout);
    }
}
