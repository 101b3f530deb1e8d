// SPDX-License-Identifier: GPL-3.0-or-later
// The test executables' main: a Qt application (offscreen for the UI suite), then Catch2.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "security/crypto.h"

#ifdef VISITMAP_TEST_GUI
#include "support/englishguard.h"
#include "translation.h"

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
#ifdef VISITMAP_TEST_GUI
    // The tests see what a person sees: Qt's own buttons in Korean, and no English in a dialog
    // (a dialog with English fails the run, naming the test case, the dialog and the text).
    VisitMap::Ui::Translation::installKorean();
    VisitMap::Test::EnglishGuard::install();
    const int result = Catch::Session().run(argc, argv);
    return result != 0 ? result : (VisitMap::Test::EnglishGuard::instance().reported() > 0 ? 3 : 0);
#else
    return Catch::Session().run(argc, argv);
#endif
}
