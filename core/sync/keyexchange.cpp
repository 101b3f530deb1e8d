// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyexchange.h"

#include "centralstore.h"
#include "security/crypto.h"
#include "security/permissions.h"
#include "storage/accountstore.h"
#include "storage/database.h"
#include "storage/entitymap.h"
#include "storage/keystore.h"
#include "syncreport.h"
#include "util/clock.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonObject>

namespace VisitMap::Sync {

Result<KeyExchange::Outcome>
KeyExchange::run(const QStringList &areas, bool replacePair, SyncReport &report)
{
    Outcome out;
    const auto *session = m_ws.session();
    if (!Security::holdsOfficeKeys(session->role()))
        return out;
    // 1. The account's own key pair, wrapped, so its other workstations can open what is sealed to
    // it.
    auto account = m_ws.accounts().find(session->name());
    if (!account)
        return fail(account.error());
    CentralStore central(m_c);
    auto set = central.setAccountKeys(account->keys.publicKey, account->keys.wrappedSecretKey,
                                      account->keys.salt, replacePair);
    if (!set)
        return fail(set.error());
    // Whether what is sealed to the account on the server is sealed to this store's key pair.
    const bool samePair = !(set->next() && !set->value(0).toBool());
    if (!samePair)
        report.notices << QStringLiteral(
                              "the central store holds another key pair for '%1'; office keys are "
                              "taken from this store's own grants")
                              .arg(session->name());
    out.pairStored = samePair;

    // 2. Office keys sealed to this account that this store lacks.
    auto mine = central.keysSealedToMe();
    if (!mine)
        return fail(mine.error());
    Security::KeyStore keys(m_ws.db(), m_ws.clock());
    bool received = false;
    QHash<QString, QByteArray> serverChecks;
    // Read to the end first: a key given back below is another statement on this connection.
    struct Sealed
    {
        QString office;
        QByteArray sealed, check;
    };
    QList<Sealed> sealedToMe;
    while (mine->next())
        sealedToMe.append({mine->value(0).toString(), mine->value(1).toByteArray(),
                           mine->value(2).toByteArray()});
    mine->finish();
    for (const auto &[office, sealed, check] : sealedToMe) {
        serverChecks.insert(office, check);
        if (session->keyring.has(office))
            continue;
        auto local = keys.keyCheck(office);
        if (!local)
            return fail(local.error());
        if (!local->isNull() && local->toByteArray() != check)
            continue; // this store holds another key for the office: refused below, when it is
                      // offered
        auto opened = Security::DataKey::open(sealed, account->keys.publicKey, session->secretKey);
        if (!opened || Security::DataKey::check(*opened) != check) {
            if (!samePair)
                continue; // sealed to the server's other key pair, not to this store's
            // Not the office's key, or not sealed to this account: given back, so that a colleague
            // who holds the key seals it again at their next sync.
            if (auto back = central.returnKey(office); !back)
                return fail(back.error());
            ++report.keysReturned;
            report.notices
                << QStringLiteral(
                       "the key of office %1 sealed to '%2' does not open (%3): asked for it "
                       "again; a colleague who holds it seals it at their next sync")
                       .arg(office, session->name(),
                            opened ? QStringLiteral("not the office's key")
                                   : QStringLiteral("not sealed to this account's key pair"));
            continue;
        }
        if (auto ok
            = keys.storeSealed(office, check, *account, sealed, QStringLiteral("central store"));
            !ok)
            return fail(ok.error());
        received = true;
        ++report.keysReceived;
    }
    // Offices that have a key on the central store but none sealed to this account yet: noted, so
    // that this store waits for it instead of making a key of its own.
    auto known = central.officeKeys();
    if (!known)
        return fail(known.error());
    while (known->next()) {
        if (auto ok = keys.noteKey(known->value(0).toString(), known->value(1).toByteArray(),
                                   QStringLiteral("central store"));
            !ok)
            return fail(ok.error());
    }
    if (received) {
        if (auto ok = m_ws.reloadKeys(); !ok)
            return fail(ok.error());
    }

    // 3. The keys this store holds: offered as the office's key (the first offered wins) and sealed
    // to every colleague who has none yet.
    QStringList offices;
    for (const QString &office : m_ws.session()->keyring.offices()) {
        if (areasCover(areas, office))
            offices << office;
    }
    if (offices.isEmpty())
        return out;
    auto keyless = central.keyless(offices);
    if (!keyless)
        return fail(keyless.error());
    QHash<QString, QJsonArray> grants;
    while (keyless->next()) {
        const QString office = keyless->value(0).toString();
        const Security::SecretBytes *key = m_ws.session()->keyring.key(office);
        if (!key)
            continue;
        const QByteArray sealed = Security::DataKey::seal(*key, keyless->value(2).toByteArray());
        grants[office].append(
            QJsonObject{{QStringLiteral("role_name"), keyless->value(1).toString()},
                        {QStringLiteral("sealed_key"), QString::fromLatin1(sealed.toBase64())}});
    }
    for (const QString &office : offices) {
        const QByteArray check = Security::DataKey::check(*m_ws.session()->keyring.key(office));
        if (serverChecks.contains(office) && serverChecks.value(office) == check
            && !grants.contains(office))
            continue;
        auto put = central.putKeys(office, check, jsonText(grants.value(office)));
        if (!put) {
            if (put.error().message.contains(QLatin1String("another data key"))) {
                out.refusedOffices << office;
                report.notices
                    << QStringLiteral(
                           "office %1 has another data key on the central store: this store's "
                           "records of it are not published (their encrypted fields would not "
                           "open elsewhere)")
                           .arg(office);
                continue;
            }
            return fail(put.error());
        }
        if (put->next())
            report.keysSealed += put->value(0).toInt();
    }
    return out;
}

} // namespace VisitMap::Sync
