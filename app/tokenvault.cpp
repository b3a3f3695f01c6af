#include "app/tokenvault.h"

#include <qt6keychain/keychain.h>

namespace Signpost {

namespace {

const QString service = QStringLiteral("Signpost");

} // namespace

TokenVault::TokenVault(QObject *parent)
    : QObject(parent)
{
}

void TokenVault::fail(const QString &detail)
{
    if (std::exchange(m_warned, true))
        return;
    Q_EMIT unavailable(tr("No system keychain is available (%1), so you will be asked to sign in again next time.")
                           .arg(detail));
}

void TokenVault::read(const QString &account, std::function<void(const QString &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, job, done = std::move(done)]() {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
            fail(job->errorString());
        done(job->error() == QKeychain::NoError ? job->textData() : QString());
    });
    job->start();
}

void TokenVault::write(const QString &account, const QString &token)
{
    auto *job = new QKeychain::WritePasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, job]() {
        if (job->error() != QKeychain::NoError)
            fail(job->errorString());
    });
    job->start();
}

void TokenVault::remove(const QString &account)
{
    auto *job = new QKeychain::DeletePasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    job->start();
}

} // namespace Signpost
