// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretbytes.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace VisitMap::Security {

// Must run once before any other call (libsodium's initialisation); safe to call again.
bool initialiseCrypto();

// Passwords: one-way Argon2id (libsodium crypto_pwhash_str), never stored or logged in the clear.
namespace Password {
QString hash(const QString &password);
bool verify(const QString &hash, const QString &password);
// The rule from the 개인정보 안전성 확보조치 기준 해설서: at least 8 characters of 2 or more kinds
// (upper case, lower case, digits, symbols), or at least 10 of one kind; not the account name.
// Returns the reason it is refused, or an empty string.
QString policyViolation(const QString &password, const QString &accountName);
} // namespace Password

// An account's key pair (X25519, libsodium crypto_box). The secret half rests wrapped by a key
// derived from the account's password (Argon2id + XSalsa20-Poly1305).
struct WrappedKeyPair
{
    QByteArray publicKey;
    QByteArray wrappedSecretKey;
    QByteArray salt;
};

namespace AccountKeys {
WrappedKeyPair create(const QString &password);
Result<SecretBytes> unwrap(const WrappedKeyPair &keys, const QString &password);
// Re-wraps an opened secret key under a new password (password change or reset by the holder).
WrappedKeyPair rewrap(const QByteArray &publicKey, const SecretBytes &secretKey,
                      const QString &newPassword);
} // namespace AccountKeys

// Office data keys: 32 random bytes, sealed to each member's public key.
namespace DataKey {
constexpr int size = 32;
SecretBytes create();
QByteArray seal(const SecretBytes &dataKey, const QByteArray &recipientPublicKey);
Result<SecretBytes> open(const QByteArray &sealed, const QByteArray &publicKey,
                         const SecretBytes &secretKey);
// A value stored beside a key that proves an opened key is the right one.
QByteArray check(const SecretBytes &dataKey);
} // namespace DataKey

// Field encryption at rest: AES-256-GCM (a KISA-listed algorithm, through OpenSSL). Blob layout:
// version byte 0x01 | 12-byte nonce | ciphertext | 16-byte tag. The associated data binds a
// ciphertext to its row and column, so it cannot be moved to another record.
namespace FieldCipher {
QByteArray encrypt(const SecretBytes &key, const QByteArray &plaintext, const QByteArray &aad);
Result<QByteArray> decrypt(const SecretBytes &key, const QByteArray &blob, const QByteArray &aad);
} // namespace FieldCipher

QByteArray sha256Hex(const QByteArray &data);

} // namespace VisitMap::Security
