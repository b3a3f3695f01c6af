#pragma once

#include <QByteArray>
#include <QString>

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

} // namespace Signpost::Secrets
