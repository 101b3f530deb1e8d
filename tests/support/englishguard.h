// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>

class QWidget;

namespace VisitMap::Test {

// Every text a person reads is Korean. Installed on the UI test application, the guard looks at
// every dialog (message boxes, progress dialogs, the program's own dialogs) when it is shown and
// when it closes, and records each visible text (window title, labels, buttons, group titles, a
// message box's informative and detailed text) that holds an English word: a run of three or more
// Latin letters standing as a word, not part of a file name, path or account name, and not on the
// short allow-list (PDF, CSV, PostgreSQL …). At the end of each test case the record is reported
// and the run fails (see englishguard.cpp).
class EnglishGuard : public QObject
{
public:
    static EnglishGuard &instance();
    // Installs the guard as an application-wide event filter (once).
    static void install();
    // A word the current test case chose itself (a file name stem, say); forgotten at its end.
    static void allow(const QString &word);

    // How many English texts the test cases reported so far; the test main fails the run on any.
    int reported() const { return m_reported; }
    void countReported(int n) { m_reported += n; }

    // What was found since the last take, one line each: "dialog title: text".
    QStringList take();
    // The English words in a text ([A-Za-z]{3,} standing as a word, not allowed).
    static QStringList englishWords(const QString &text);
    // The texts a person sees in a dialog (labels marked with the property "personData" show
    // recorded data, such as an account name, and are left out).
    static QStringList visibleTexts(const QWidget *dialog);
    // Looks at a dialog now (the filter does it on show and on close).
    void inspect(const QWidget *dialog);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    EnglishGuard() = default;
    QStringList m_found;
    int m_reported = 0;
    QSet<QString> m_seen;
    static inline QSet<QString> s_allowedForTest;
};

} // namespace VisitMap::Test
