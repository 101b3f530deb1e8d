// SPDX-License-Identifier: GPL-3.0-or-later
#include "englishguard.h"

// The listener interface (TestEventListenerBase) of the single-header Catch2.
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QGroupBox>
#include <QLabel>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTextDocumentFragment>
#include <QTextStream>

#include <pwd.h>
#include <unistd.h>

namespace VisitMap::Test {

namespace {

// Names of formats, standards and products that a Korean text writes in Latin letters.
const QSet<QString> &allowList()
{
    static const QSet<QString> words{
        QStringLiteral("PDF"),      QStringLiteral("PNG"),           QStringLiteral("CSV"),
        QStringLiteral("XLSX"),     QStringLiteral("JSON"),          QStringLiteral("GeoJSON"),
        QStringLiteral("SQLite"),   QStringLiteral("PostgreSQL"),    QStringLiteral("TLS"),
        QStringLiteral("SSL"),      QStringLiteral("URL"),           QStringLiteral("GPS"),
        QStringLiteral("VisitMap"), QStringLiteral("OpenStreetMap"),
    };
    return words;
}

// This computer's and this operating-system account's names: facts a dialog may show (who holds
// a store), not English.
const QSet<QString> &environmentNames()
{
    static const QSet<QString> names = [] {
        QSet<QString> out;
        for (const char *variable : {"USER", "LOGNAME", "USERNAME"}) {
            if (const QString v = qEnvironmentVariable(variable); !v.isEmpty())
                out.insert(v);
        }
        if (const passwd *account = ::getpwuid(::getuid()))
            out.insert(QString::fromLocal8Bit(account->pw_name));
        out.insert(QSysInfo::machineHostName());
        return out;
    }();
    return names;
}

QString plain(const QString &text, Qt::TextFormat format)
{
    QString out = text;
    if (format == Qt::RichText || (format == Qt::AutoText && Qt::mightBeRichText(text)))
        out = QTextDocumentFragment::fromHtml(text).toPlainText();
    return out;
}

QString withoutMnemonic(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

QString dialogName(const QWidget *dialog)
{
    const QString title = dialog->windowTitle();
    return QStringLiteral("%1 \"%2\"")
        .arg(QString::fromLatin1(dialog->metaObject()->className()),
             title.isEmpty() ? QStringLiteral("(no title)") : title);
}

// Reports what the guard found at the end of each test case; a finding fails the run.
struct EnglishListener : Catch::TestEventListenerBase
{
    using TestEventListenerBase::TestEventListenerBase;

    void testCaseEnded(const Catch::TestCaseStats &stats) override
    {
        const QStringList found = EnglishGuard::instance().take();
        if (found.isEmpty())
            return;
        EnglishGuard::instance().countReported(int(found.size()));
        QTextStream err(stderr);
        err << "\nENGLISH IN A DIALOG during \"" << QString::fromStdString(stats.testInfo.name)
            << "\" (every text a person reads is Korean):\n";
        for (const QString &line : found)
            err << "  " << line << '\n';
        err.flush();
    }
};

} // namespace
} // namespace VisitMap::Test

using EnglishGuardListener = VisitMap::Test::EnglishListener;
CATCH_REGISTER_LISTENER(EnglishGuardListener)

namespace VisitMap::Test {

EnglishGuard &EnglishGuard::instance()
{
    static EnglishGuard *guard = new EnglishGuard; // lives as long as the application
    return *guard;
}

void EnglishGuard::install()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    qApp->installEventFilter(&instance());
}

void EnglishGuard::allow(const QString &word)
{
    s_allowedForTest.insert(word);
}

QStringList EnglishGuard::take()
{
    QStringList out;
    out.swap(m_found);
    m_seen.clear();
    s_allowedForTest.clear();
    return out;
}

QStringList EnglishGuard::englishWords(const QString &text)
{
    // A token is what stands between spaces, with quotes and punctuation around it trimmed. One
    // that holds a digit or a path, file or account character (. / \ - _ @ = :) is a name, not a
    // word: households.csv, /tmp/x, demo-lead, sslmode=require.
    static const QRegularExpression word(QStringLiteral("^[A-Za-z]{3,}$"));
    static const QRegularExpression edge(
        QStringLiteral("^[\\s\"'“”‘’()\\[\\]{}<>«»,;!?·…]+|[\\s\"'“”‘’()\\[\\]{}<>«»,;:!?.·…]+$"));
    QStringList out;
    for (QString token :
         text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        token.remove(edge);
        // A Latin word glued to Korean ("Network가") is still a word: split at script changes.
        static const QRegularExpression latinRuns(QStringLiteral("[A-Za-z0-9./\\\\_@=:'-]+"));
        auto it = latinRuns.globalMatch(token);
        while (it.hasNext()) {
            QString run = it.next().captured(0);
            run.remove(edge);
            // "can't": the apostrophe joins two English pieces.
            for (const QString &piece : run.split(u'\'', Qt::SkipEmptyParts)) {
                if (!word.match(piece).hasMatch())
                    continue;
                if (allowList().contains(piece) || s_allowedForTest.contains(piece)
                    || environmentNames().contains(piece))
                    continue;
                out << piece;
            }
        }
    }
    return out;
}

QStringList EnglishGuard::visibleTexts(const QWidget *dialog)
{
    QStringList texts{dialog->windowTitle()};
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        // A label that shows a person's or an account's data as recorded (an account name, say)
        // says so by the property "personData"; its text is a fact, not a text to translate.
        if (label->property("personData").toBool())
            continue;
        if (label->isVisibleTo(dialog))
            texts << plain(label->text(), label->textFormat());
    }
    for (const QAbstractButton *button : dialog->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(dialog))
            texts << withoutMnemonic(button->text());
    }
    for (const QGroupBox *group : dialog->findChildren<QGroupBox *>()) {
        if (group->isVisibleTo(dialog))
            texts << withoutMnemonic(group->title());
    }
    if (const auto *box = qobject_cast<const QMessageBox *>(dialog)) {
        texts << plain(box->informativeText(), box->textFormat()) << box->detailedText();
    }
    texts.removeAll(QString());
    return texts;
}

void EnglishGuard::inspect(const QWidget *dialog)
{
    for (const QString &text : visibleTexts(dialog)) {
        const QStringList words = englishWords(text);
        if (words.isEmpty())
            continue;
        const QString line = QStringLiteral("%1: %2   [English: %3]")
                                 .arg(dialogName(dialog), text.simplified(), words.join(u' '));
        if (m_seen.contains(line))
            continue;
        m_seen.insert(line);
        m_found << line;
    }
}

bool EnglishGuard::eventFilter(QObject *watched, QEvent *event)
{
    if ((event->type() == QEvent::Show || event->type() == QEvent::Hide)
        && watched->isWidgetType()) {
        const auto *widget = static_cast<QWidget *>(watched);
        if (widget->isWindow() && qobject_cast<const QDialog *>(widget))
            inspect(widget);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace VisitMap::Test
