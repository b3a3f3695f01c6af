#include "server/services/secrets.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace Signpost::Secrets {

bool initialise()
{
    return sodium_init() >= 0;
}

QString hashPassword(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return {};
    return QString::fromLatin1(hash);
}

bool verifyPassword(const QString &hash, const QString &password)
{
    const QByteArray stored = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size()))
           == 0;
}

QString newToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    randombytes_buf(bytes.data(), static_cast<size_t>(bytes.size()));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray tokenHash(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

namespace {

QByteArray boxKey(const QByteArray &keyMaterial)
{
    static const QByteArray context = QByteArrayLiteral("signpost sealed answer");
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(key.data()), size_t(key.size()),
                       reinterpret_cast<const unsigned char *>(keyMaterial.constData()), size_t(keyMaterial.size()),
                       reinterpret_cast<const unsigned char *>(context.constData()), size_t(context.size()));
    return key;
}

} // namespace

QByteArray seal(const QByteArray &keyMaterial, const QByteArray &plain)
{
    const QByteArray key = boxKey(keyMaterial);
    QByteArray box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(box.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char *>(plain.constData()),
                          static_cast<unsigned long long>(plain.size()), nonce,
                          reinterpret_cast<const unsigned char *>(key.constData()));
    return box;
}

std::optional<QByteArray> open(const QByteArray &keyMaterial, const QByteArray &box)
{
    const qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (box.size() < overhead)
        return std::nullopt;
    const QByteArray key = boxKey(keyMaterial);
    QByteArray plain(box.size() - overhead, Qt::Uninitialized);
    const auto *nonce = reinterpret_cast<const unsigned char *>(box.constData());
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()), nonce + crypto_secretbox_NONCEBYTES,
                                   static_cast<unsigned long long>(box.size() - crypto_secretbox_NONCEBYTES), nonce,
                                   reinterpret_cast<const unsigned char *>(key.constData()))
        != 0)
        return std::nullopt;
    return plain;
}

} // namespace Signpost::Secrets
