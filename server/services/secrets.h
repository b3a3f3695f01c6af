#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Signpost::Secrets {

// libsodium must be initialised once before any of these.
bool initialise();

// Argon2id, with libsodium's interactive limits; the string holds its own
// salt and parameters.
QString hashPassword(const QString &password);
bool verifyPassword(const QString &hash, const QString &password);

// A new random token: 256 bits, URL-safe base64.
QString newToken();
// What the store keeps of a token or a customer's secret link: its SHA-256.
QByteArray tokenHash(const QString &token);

// Encrypts and authenticates `plain` under a key derived from `keyMaterial`
// (XSalsa20-Poly1305); open() gives it back, or nothing when the material
// is not the same or the box was tampered with.
QByteArray seal(const QByteArray &keyMaterial, const QByteArray &plain);
std::optional<QByteArray> open(const QByteArray &keyMaterial, const QByteArray &box);

} // namespace Signpost::Secrets
