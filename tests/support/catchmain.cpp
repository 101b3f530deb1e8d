// SPDX-License-Identifier: GPL-3.0-or-later
// The test executables' main: a Qt application (offscreen for the UI suite), then Catch2.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "security/crypto.h"

#ifdef VISITMAP_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char *argv[])
{
#ifdef VISITMAP_TEST_GUI
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    TestApplication app(argc, argv);
    TestApplication::setOrganizationName(QStringLiteral("VisitMapTests"));
    TestApplication::setApplicationName(QStringLiteral("visitmap-tests"));
    VisitMap::Security::initialiseCrypto();
    return Catch::Session().run(argc, argv);
}
