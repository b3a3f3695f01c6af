#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace Signpost {

// Keeps sign-in tokens in the system keychain (QtKeychain). Where no
// keychain runs, it says so once, and the token lives for this session only.
class TokenVault : public QObject
{
    Q_OBJECT
public:
    explicit TokenVault(QObject *parent = nullptr);

    void read(const QString &account, std::function<void(const QString &token)> done);
    void write(const QString &account, const QString &token);
    void remove(const QString &account);

Q_SIGNALS:
    void unavailable(const QString &message);

private:
    void fail(const QString &detail);
    bool m_warned = false;
};

} // namespace Signpost
