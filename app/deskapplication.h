#pragma once

#include "app/tokenvault.h"

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Signpost {

class Desk;
class LocalStore;
class MainWindow;
class SignInDialog;
class SyncEngine;

// Wires the client together: the account's cache, the sync engine, the
// facade and the windows; signs in, resumes from the keychain, and for the
// demo starts a local signpost-server with demo data.
class DeskApplication : public QObject
{
    Q_OBJECT
public:
    explicit DeskApplication(QObject *parent = nullptr);
    ~DeskApplication() override;

    void start(const QUrl &server);
    void startDemo();

    MainWindow *mainWindow() const;
    SignInDialog *signInDialog() const;
    SyncEngine *engine() const { return m_engine.get(); }
    Desk *desk() const { return m_desk.get(); }

Q_SIGNALS:
    void ready();
    void failed(const QString &message);

private:
    static QString accountKey(const QUrl &server, const QString &email);
    bool openAccount(const QUrl &server, const QString &email, const QString &cacheDir);
    void showSignIn(const QUrl &server, const QString &email);
    void signIn(const QUrl &server, const QString &email, const QString &password);
    void showMainWindow();
    void signOut();
    void closeAccount();

    TokenVault m_vault;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<Desk> m_desk;
    QPointer<MainWindow> m_window;
    QPointer<SignInDialog> m_dialog;
    QString m_account;
    QString m_cacheDir;
    int m_signInAttempt = 0; // a cancelled attempt's late answer is ignored
    static constexpr std::chrono::seconds SignInTimeout{15};
    // The demo: a local server with demo data, for as long as the client runs.
    QProcess m_demoServer;
    std::unique_ptr<QTemporaryDir> m_demoDir;
};

} // namespace Signpost
