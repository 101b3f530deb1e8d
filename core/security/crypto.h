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
// The form a password is hashed and compared in: Unicode NFC, so the same word typed as composed
// (Windows, most input methods) or decomposed (macOS) Hangul is one password. Refuses text that
// came from invalid bytes (U+FFFD), unpaired surrogates and control characters: two different
// invalid byte strings must never become the same password.
Result<QString> normalise(const QString &password);
QString hash(const QString &password);
// False for a password that does not normalise. A hash made from an unnormalised password before
// normalisation existed still verifies with the password as typed then.
bool verify(const QString &hash, const QString &password);
// Costs what verify() of a wrong password costs, for an account that does not exist (so the
// answer's timing does not tell which account names exist).
void verifyNothing(const QString &password);
// The password rule is PasswordPolicy (passwordpolicy.h).
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

// The access log's key: 32 random bytes per store, held by each account boxed from the account
// that granted it (crypto_box, X25519 + XSalsa20-Poly1305: only a holder of a real account's
// secret key can make a box that opens), never in the clear in the store.
namespace AuditKey {
constexpr int size = 32;
SecretBytes create();
QByteArray box(const SecretBytes &auditKey,
               const QByteArray &recipientPublicKey,
               const SecretBytes &granterSecretKey);
Result<SecretBytes> open(const QByteArray &boxed,
                         const QByteArray &granterPublicKey,
                         const SecretBytes &recipientSecretKey);
// HMAC-SHA-256 of data under the key, as 64 hex digits.
QString mac(const SecretBytes &auditKey, const QByteArray &data);
} // namespace AuditKey

QByteArray sha256Hex(const QByteArray &data);

} // namespace VisitMap::Security
