// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyring.h"

#include "crypto.h"

namespace VisitMap::Security {

const SecretBytes *Keyring::key(const QString &officeCode) const
{
    auto it = m_keys.constFind(officeCode);
    return it == m_keys.constEnd() ? nullptr : &it.value();
}

Result<QByteArray> Keyring::encrypt(const QString &officeCode, const QString &plaintext,
                                    const QString &aad) const
{
    const SecretBytes *k = key(officeCode);
    if (!k)
        return fail(ErrorCode::KeyUnavailable,
                    QStringLiteral("waiting for the office key of %1").arg(officeCode));
    return FieldCipher::encrypt(*k, plaintext.toUtf8(), aad.toUtf8());
}

Result<QString> Keyring::decrypt(const QString &officeCode, const QByteArray &blob,
                                 const QString &aad) const
{
    const SecretBytes *k = key(officeCode);
    if (!k)
        return fail(ErrorCode::KeyUnavailable,
                    QStringLiteral("waiting for the office key of %1").arg(officeCode));
    auto plain = FieldCipher::decrypt(*k, blob, aad.toUtf8());
    if (!plain)
        return fail(plain.error());
    return QString::fromUtf8(*plain);
}

} // namespace VisitMap::Security
