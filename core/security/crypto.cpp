// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto.h"

#include <QCoreApplication>
#include <openssl/evp.h>
#include <sodium.h>

namespace VisitMap::Security {

bool initialiseCrypto()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

namespace {

// Argon2id costs: libsodium's "interactive" level (64 MiB, 2 passes), about 0.1 s here; chosen
// because a caseworker signs in many times a day and the lock-out limits guessing.
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

// The bytes a password is hashed as: its NFC form, or (for text that does not normalise, which
// verify refuses before this) the text as given.
QByteArray passwordBytes(const QString &password)
{
    auto normal = Password::normalise(password);
    return (normal ? *normal : password).toUtf8();
}

SecretBytes deriveKekBytes(const QByteArray &pw, const QByteArray &salt)
{
    QByteArray kek(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    if (crypto_pwhash(reinterpret_cast<unsigned char *>(kek.data()), size_t(kek.size()),
                      pw.constData(), size_t(pw.size()),
                      reinterpret_cast<const unsigned char *>(salt.constData()), kOpsLimit,
                      kMemLimit, crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        qFatal("out of memory deriving a key");
    }
    return SecretBytes(std::move(kek));
}

SecretBytes deriveKek(const QString &password, const QByteArray &salt)
{
    return deriveKekBytes(passwordBytes(password), salt);
}

// A password hash made by this build with nothing behind it: what an unknown account's sign-in
// is checked against.
constexpr const char *kNobodyHash = "$argon2id$v=19$m=65536,t=2,p=1$oTUZM2uQepdPc8tDpnpA6w$/"
                                    "ORBcPsiZ1vVwKwQBJLrIA7zWMbl92aXI6QxUNqcA4k";

QByteArray secretboxWrap(const SecretBytes &key, const SecretBytes &plain)
{
    QByteArray out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(),
                   Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, plain.data(),
                          size_t(plain.size()), nonce, key.data());
    return out;
}

} // namespace

namespace Password {

Result<QString> normalise(const QString &password)
{
    for (qsizetype i = 0; i < password.size(); ++i) {
        const QChar c = password.at(i);
        if (c.unicode() == 0xfffd)
            return fail(ErrorCode::Validation,
                        QStringLiteral("the password is not valid UTF-8 text (it holds bytes that "
                                       "are not UTF-8)"));
        if (c.isHighSurrogate() && i + 1 < password.size() && password.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            return fail(
                ErrorCode::Validation,
                QStringLiteral("the password holds an unpaired surrogate (not valid text)"));
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return fail(ErrorCode::Validation,
                        QStringLiteral("the password holds a control character"));
    }
    return password.normalized(QString::NormalizationForm_C);
}

QString hash(const QString &password)
{
    initialiseCrypto();
    const QByteArray pw = passwordBytes(password);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pw.constData(), size_t(pw.size()), kOpsLimit, kMemLimit) != 0)
        qFatal("out of memory hashing a password");
    return QString::fromLatin1(out);
}

bool verify(const QString &hash, const QString &password)
{
    initialiseCrypto();
    auto normal = normalise(password);
    const QByteArray h = hash.toLatin1();
    if (!normal || h.isEmpty()) {
        verifyNothing(password);
        return false;
    }
    auto check = [&h](const QByteArray &pw) {
        return crypto_pwhash_str_verify(h.constData(), pw.constData(), size_t(pw.size())) == 0;
    };
    if (check(normal->toUtf8()))
        return true;
    // A hash made from the decomposed form before passwords were normalised.
    return *normal != password && check(password.toUtf8());
}

void verifyNothing(const QString &password)
{
    initialiseCrypto();
    const QByteArray pw = password.toUtf8();
    // Never true: the hash is of 32 random bytes nobody kept.
    [[maybe_unused]] const int never
        = crypto_pwhash_str_verify(kNobodyHash, pw.constData(), size_t(pw.size()));
}

} // namespace Password

namespace AccountKeys {

WrappedKeyPair create(const QString &password)
{
    initialiseCrypto();
    QByteArray pk(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized);
    QByteArray sk(crypto_box_SECRETKEYBYTES, Qt::Uninitialized);
    crypto_box_keypair(reinterpret_cast<unsigned char *>(pk.data()),
                       reinterpret_cast<unsigned char *>(sk.data()));
    return rewrap(pk, SecretBytes(std::move(sk)), password);
}

WrappedKeyPair rewrap(const QByteArray &publicKey, const SecretBytes &secretKey,
                      const QString &newPassword)
{
    initialiseCrypto();
    WrappedKeyPair keys;
    keys.publicKey = publicKey;
    keys.salt = QByteArray(crypto_pwhash_SALTBYTES, Qt::Uninitialized);
    randombytes_buf(keys.salt.data(), size_t(keys.salt.size()));
    const SecretBytes kek = deriveKek(newPassword, keys.salt);
    keys.wrappedSecretKey = secretboxWrap(kek, secretKey);
    return keys;
}

Result<SecretBytes> unwrap(const WrappedKeyPair &keys, const QString &password)
{
    initialiseCrypto();
    const QByteArray &w = keys.wrappedSecretKey;
    if (keys.salt.size() != crypto_pwhash_SALTBYTES
        || w.size() != int(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES
                           + crypto_box_SECRETKEYBYTES))
        return fail(ErrorCode::Crypto, QStringLiteral("the account's key record is damaged"));
    QByteArray sk(crypto_box_SECRETKEYBYTES, Qt::Uninitialized);
    const auto *nonce = reinterpret_cast<const unsigned char *>(w.constData());
    auto opens = [&](const QByteArray &pw) {
        const SecretBytes kek = deriveKekBytes(pw, keys.salt);
        return crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(sk.data()),
                                          nonce + crypto_secretbox_NONCEBYTES,
                                          size_t(w.size()) - crypto_secretbox_NONCEBYTES, nonce,
                                          kek.data())
               == 0;
    };
    const QByteArray normal = passwordBytes(password);
    // A key pair wrapped under the decomposed form before passwords were normalised.
    if (!opens(normal) && (normal == password.toUtf8() || !opens(password.toUtf8())))
        return fail(ErrorCode::AuthFailed, QStringLiteral("the password does not open the account key"));
    return SecretBytes(std::move(sk));
}

} // namespace AccountKeys

namespace DataKey {

SecretBytes create()
{
    initialiseCrypto();
    return SecretBytes::random(size);
}

QByteArray seal(const SecretBytes &dataKey, const QByteArray &recipientPublicKey)
{
    initialiseCrypto();
    QByteArray out(crypto_box_SEALBYTES + dataKey.size(), Qt::Uninitialized);
    crypto_box_seal(reinterpret_cast<unsigned char *>(out.data()), dataKey.data(),
                    size_t(dataKey.size()),
                    reinterpret_cast<const unsigned char *>(recipientPublicKey.constData()));
    return out;
}

Result<SecretBytes> open(const QByteArray &sealed, const QByteArray &publicKey,
                         const SecretBytes &secretKey)
{
    initialiseCrypto();
    if (sealed.size() != int(crypto_box_SEALBYTES + size)
        || publicKey.size() != crypto_box_PUBLICKEYBYTES)
        return fail(ErrorCode::Crypto, QStringLiteral("a sealed office key is damaged"));
    QByteArray key(size, Qt::Uninitialized);
    if (crypto_box_seal_open(reinterpret_cast<unsigned char *>(key.data()),
                             reinterpret_cast<const unsigned char *>(sealed.constData()),
                             size_t(sealed.size()),
                             reinterpret_cast<const unsigned char *>(publicKey.constData()),
                             secretKey.data())
        != 0)
        return fail(ErrorCode::Crypto, QStringLiteral("a sealed office key does not open"));
    return SecretBytes(std::move(key));
}

QByteArray check(const SecretBytes &dataKey)
{
    static const QByteArray label("visitmap office key check v1");
    QByteArray mac(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, dataKey.data(), size_t(dataKey.size()));
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char *>(label.constData()),
                                  size_t(label.size()));
    crypto_auth_hmacsha256_final(&st, reinterpret_cast<unsigned char *>(mac.data()));
    return mac;
}

} // namespace DataKey

namespace FieldCipher {

namespace {
constexpr int kNonce = 12;
constexpr int kTag = 16;
constexpr char kVersion = 0x01;
} // namespace

QByteArray encrypt(const SecretBytes &key, const QByteArray &plaintext, const QByteArray &aad)
{
    Q_ASSERT(key.size() == 32);
    QByteArray out(1 + kNonce + plaintext.size() + kTag, Qt::Uninitialized);
    out[0] = kVersion;
    auto *nonce = reinterpret_cast<unsigned char *>(out.data() + 1);
    randombytes_buf(nonce, kNonce);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int len = 0;
    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr);
    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, kNonce, nullptr);
    EVP_EncryptInit_ex(ctx, nullptr, nullptr, key.data(), nonce);
    if (!aad.isEmpty())
        EVP_EncryptUpdate(ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(aad.constData()),
                          int(aad.size()));
    auto *ct = reinterpret_cast<unsigned char *>(out.data() + 1 + kNonce);
    EVP_EncryptUpdate(ctx, ct, &len, reinterpret_cast<const unsigned char *>(plaintext.constData()),
                      int(plaintext.size()));
    EVP_EncryptFinal_ex(ctx, ct + len, &len);
    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, kTag, ct + plaintext.size());
    EVP_CIPHER_CTX_free(ctx);
    return out;
}

Result<QByteArray> decrypt(const SecretBytes &key, const QByteArray &blob, const QByteArray &aad)
{
    if (blob.size() < 1 + kNonce + kTag || blob.at(0) != kVersion)
        return fail(ErrorCode::Crypto, QStringLiteral("an encrypted field is damaged"));
    const int ctLen = int(blob.size()) - 1 - kNonce - kTag;
    const auto *nonce = reinterpret_cast<const unsigned char *>(blob.constData() + 1);
    const auto *ct = nonce + kNonce;
    QByteArray plain(ctLen, Qt::Uninitialized);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int len = 0;
    EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr);
    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, kNonce, nullptr);
    EVP_DecryptInit_ex(ctx, nullptr, nullptr, key.data(), nonce);
    if (!aad.isEmpty())
        EVP_DecryptUpdate(ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(aad.constData()),
                          int(aad.size()));
    EVP_DecryptUpdate(ctx, reinterpret_cast<unsigned char *>(plain.data()), &len, ct, ctLen);
    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, kTag,
                        const_cast<unsigned char *>(ct + ctLen));
    const int ok = EVP_DecryptFinal_ex(ctx, reinterpret_cast<unsigned char *>(plain.data()) + len, &len);
    EVP_CIPHER_CTX_free(ctx);
    if (ok <= 0) {
        sodium_memzero(plain.data(), size_t(plain.size()));
        return fail(ErrorCode::Crypto,
                    QStringLiteral("an encrypted field fails its integrity check"));
    }
    return plain;
}

} // namespace FieldCipher

namespace AuditKey {

SecretBytes create()
{
    initialiseCrypto();
    return SecretBytes::random(size);
}

QByteArray box(const SecretBytes &auditKey,
               const QByteArray &recipientPublicKey,
               const SecretBytes &granterSecretKey)
{
    initialiseCrypto();
    QByteArray out(crypto_box_NONCEBYTES + crypto_box_MACBYTES + auditKey.size(),
                   Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, crypto_box_NONCEBYTES);
    if (crypto_box_easy(nonce + crypto_box_NONCEBYTES, auditKey.data(), size_t(auditKey.size()),
                        nonce,
                        reinterpret_cast<const unsigned char *>(recipientPublicKey.constData()),
                        granterSecretKey.data())
        != 0)
        return {};
    return out;
}

Result<SecretBytes> open(const QByteArray &boxed,
                         const QByteArray &granterPublicKey,
                         const SecretBytes &recipientSecretKey)
{
    initialiseCrypto();
    if (boxed.size() != int(crypto_box_NONCEBYTES + crypto_box_MACBYTES + size)
        || granterPublicKey.size() != crypto_box_PUBLICKEYBYTES
        || recipientSecretKey.size() != crypto_box_SECRETKEYBYTES)
        return fail(ErrorCode::Crypto, QStringLiteral("the access-log key record is damaged"));
    QByteArray key(size, Qt::Uninitialized);
    const auto *nonce = reinterpret_cast<const unsigned char *>(boxed.constData());
    if (crypto_box_open_easy(reinterpret_cast<unsigned char *>(key.data()),
                             nonce + crypto_box_NONCEBYTES,
                             size_t(boxed.size()) - crypto_box_NONCEBYTES, nonce,
                             reinterpret_cast<const unsigned char *>(granterPublicKey.constData()),
                             recipientSecretKey.data())
        != 0)
        return fail(ErrorCode::Crypto,
                    QStringLiteral("the access-log key does not open (not boxed by the account "
                                   "it names)"));
    return SecretBytes(std::move(key));
}

QString mac(const SecretBytes &auditKey, const QByteArray &data)
{
    unsigned char out[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, auditKey.data(), size_t(auditKey.size()));
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char *>(data.constData()),
                                  size_t(data.size()));
    crypto_auth_hmacsha256_final(&st, out);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
}

} // namespace AuditKey

QByteArray sha256Hex(const QByteArray &data)
{
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(out, reinterpret_cast<const unsigned char *>(data.constData()),
                       size_t(data.size()));
    return QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex();
}

} // namespace VisitMap::Security
