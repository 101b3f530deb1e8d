// SPDX-License-Identifier: GPL-3.0-or-later
#include "translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

namespace VisitMap::Ui {

bool Translation::installKorean()
{
    const QLocale korean(QLocale::Korean, QLocale::SouthKorea);
    QLocale::setDefault(korean);
    // Owned by the application: it stays installed for the program's life.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (!qt->load(korean, QStringLiteral("qtbase"), QStringLiteral("_"), qtTranslationsPath())) {
        QTextStream(stderr) << "warning: Qt's Korean translations (qtbase_ko.qm) are not in "
                            << qtTranslationsPath() << "; install qt6-translations-l10n"
                            << Qt::endl;
        delete qt;
        return false;
    }
    return QCoreApplication::installTranslator(qt);
}

QString Translation::qtTranslationsPath()
{
    return QLibraryInfo::path(QLibraryInfo::TranslationsPath);
}

} // namespace VisitMap::Ui
