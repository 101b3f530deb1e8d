// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"

#include "storage/storelock.h"
#include "workspace.h"

#include <QFileInfo>
#include <cstdio>
#if defined(Q_OS_WIN)
#include <conio.h>
#include <io.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace VisitMap::Cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int report(const Error &error)
{
    err() << "error: " << error.toString() << Qt::endl;
    return error.code == ErrorCode::Usage ? UsageError : UserError;
}

int usage(const QString &message, const QCommandLineParser &parser)
{
    Q_UNUSED(parser);
    err() << "usage error: " << message << " (see --help)" << Qt::endl;
    return UsageError;
}

Command::Command(const QString &n, const QString &s) : name(n), synopsis(s)
{
    parser.setApplicationDescription(s);
    parser.addHelpOption();
}

void Command::addDb()
{
    parser.addOption({QStringLiteral("db"), QStringLiteral("The local store file."), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("wait"),
         QStringLiteral("When another program has the store open, wait up to this long "
                        "for it (0: give up at once; default %1).")
             .arg(defaultStoreWaitSeconds),
         QStringLiteral("SECONDS"), QString::number(defaultStoreWaitSeconds)});
    hasDb = true;
}

namespace {

// One process owns a store at a time: a second one waits for the owner (saying once who it is)
// for up to --wait seconds, then gives up naming it.
bool setStoreWait(const QCommandLineParser &parser, int *exitCode)
{
    bool ok = false;
    const int seconds = parser.value(QStringLiteral("wait")).toInt(&ok);
    if (!ok || seconds < 0 || seconds > 86400) {
        *exitCode = usage(QStringLiteral("--wait must be 0 to 86400 seconds"), parser);
        return false;
    }
    Storage::StoreLock::WaitPolicy wait;
    wait.timeoutMs = seconds * 1000;
    wait.waiting = [seconds](const QString &store, const Storage::StoreLock::Holder &holder) {
        err() << "visitmap-cli: " << store << " is open in another program: " << holder.describe()
              << "; waiting up to " << seconds << " s for it (--wait SECONDS)" << Qt::endl;
    };
    Storage::StoreLock::setDefaultWait(wait);
    return true;
}

} // namespace

void Command::addUser()
{
    parser.addOption({QStringLiteral("user"),
                      QStringLiteral("Act as this account (password from $VISITMAP_PASSWORD or a "
                                     "prompt). On a demo store it may be left out."),
                      QStringLiteral("NAME")});
}

QString Command::helpText() const
{
    QString text = parser.helpText();
    text.replace(QLatin1String("visitmap-cli [options]"),
                 QStringLiteral("visitmap-cli %1 [options]").arg(name));
    return text;
}

bool Command::parse(const QStringList &args, int *exitCode)
{
    QStringList full = args;
    full.prepend(QStringLiteral("visitmap-cli"));
    if (!parser.parse(full)) {
        *exitCode = usage(parser.errorText(), parser);
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << helpText();
        out().flush();
        *exitCode = Ok;
        return false;
    }
    if (hasDb && !setStoreWait(parser, exitCode))
        return false;
    return true;
}

bool terminalAttached()
{
#if defined(Q_OS_WIN)
    return _isatty(_fileno(stdin));
#else
    return isatty(STDIN_FILENO);
#endif
}

QString promptHidden(const QString &prompt)
{
    err() << prompt;
    err().flush();
    QString line;
#if defined(Q_OS_WIN)
    for (int c = _getch(); c != '\r' && c != '\n' && c != EOF; c = _getch())
        line += QChar(c);
#else
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios hidden = old;
    hidden.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &hidden);
    QTextStream in(stdin);
    line = in.readLine();
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
#endif
    err() << Qt::endl;
    return line;
}

Result<QString> actingPassword(const QString &account)
{
    const QByteArray env = qgetenv("VISITMAP_PASSWORD");
    if (!env.isEmpty())
        return QString::fromUtf8(env);
    if (terminalAttached())
        return promptHidden(QStringLiteral("Password for %1: ").arg(account));
    return fail(ErrorCode::AuthFailed,
                QStringLiteral("no password for '%1': set $VISITMAP_PASSWORD or run from a "
                               "terminal")
                    .arg(account));
}

Result<QString> newPassword(const QString &account)
{
    const QByteArray env = qgetenv("VISITMAP_NEW_PASSWORD");
    if (!env.isEmpty())
        return QString::fromUtf8(env);
    if (terminalAttached()) {
        const QString a = promptHidden(QStringLiteral("New password for %1: ").arg(account));
        const QString b = promptHidden(QStringLiteral("Repeat the new password: "));
        if (a != b)
            return fail(ErrorCode::Validation, QStringLiteral("the two passwords differ"));
        return a;
    }
    return fail(ErrorCode::Validation,
                QStringLiteral("no new password for '%1': set $VISITMAP_NEW_PASSWORD or run from "
                               "a terminal")
                    .arg(account));
}

Result<std::unique_ptr<Workspace>> openStore(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("--db FILE is required"));
    return Workspace::open(path, Workspace::OpenMode::ExistingOnly);
}

Status signIn(Workspace &ws, const QCommandLineParser &parser)
{
    const QString user = parser.value(QStringLiteral("user"));
    if (user.isEmpty()) {
        if (!ws.isDemo())
            return fail(ErrorCode::AuthFailed,
                        QStringLiteral("this store needs an account: --user NAME (password from "
                                       "$VISITMAP_PASSWORD)"));
        auto s = ws.signInDemo();
        if (!s)
            return fail(s.error());
        return {};
    }
    auto password = actingPassword(user);
    if (!password)
        return fail(password.error());
    auto s = ws.signIn(user, *password);
    if (!s)
        return fail(s.error());
    return {};
}

} // namespace VisitMap::Cli
