// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace VisitMap::Ui {

// The program speaks Korean: Korean as the default locale (numbers, day and month names) and
// Qt's own translations, so the buttons and dialogs Qt draws (확인/취소, the file dialog) read
// Korean like the program's own texts. The program's texts go through tr(), so a second language
// can be added later as one more translator.
class Translation
{
public:
    // Installs the Korean locale and Qt's Korean translations into the running application.
    // Returns false (and says why on stderr) when Qt's translations are not installed
    // (Debian: qt6-translations-l10n); the program still runs, with Qt's buttons in English.
    static bool installKorean();
    // Where Qt's translations are looked for.
    static QString qtTranslationsPath();
};

} // namespace VisitMap::Ui
