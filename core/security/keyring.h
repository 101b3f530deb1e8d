// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretbytes.h"
#include "util/result.h"

#include <QHash>
#include <QString>

namespace VisitMap::Security {

// The office data keys the signed-in account has opened, in memory for the session only.
class Keyring
{
public:
    void add(const QString &officeCode, SecretBytes key) { m_keys.insert(officeCode, std::move(key)); }
    bool has(const QString &officeCode) const { return m_keys.contains(officeCode); }
    const SecretBytes *key(const QString &officeCode) const;
    QStringList offices() const { return m_keys.keys(); }
    void clear() { m_keys.clear(); }
    bool isEmpty() const { return m_keys.isEmpty(); }

    // Encrypts a field of a record of the given office. aad: "table.column:rowid".
    Result<QByteArray> encrypt(const QString &officeCode, const QString &plaintext,
                               const QString &aad) const;
    Result<QString> decrypt(const QString &officeCode, const QByteArray &blob,
                            const QString &aad) const;

    static QString aad(const char *table, const char *column, const QString &rowId)
    {
        return QString::fromLatin1(table) + QLatin1Char('.') + QString::fromLatin1(column)
               + QLatin1Char(':') + rowId;
    }

private:
    QHash<QString, SecretBytes> m_keys;
};

} // namespace VisitMap::Security
