#include "app/deskapplication.h"

#include "models/desk.h"
#include "sync/localstore.h"
#include "sync/syncengine.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

constexpr auto DemoAgent = "lars@signpost.example";
constexpr auto DemoPassword = "signpost-demo";

QString serverBinary()
{
    const QString fromEnvironment = qEnvironmentVariable("SIGNPOST_SERVER");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(u"signpost-server"_s), here.filePath(u"../server/signpost-server"_s)}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return QStandardPaths::findExecutable(u"signpost-server"_s);
}

} // namespace

DeskApplication::DeskApplication(QObject *parent)
    : QObject(parent)
{
}

DeskApplication::~DeskApplication()
{
    delete m_window;
    delete m_dialog;
    closeAccount();
    if (m_demoServer.state() != QProcess::NotRunning) {
        m_demoServer.terminate();
        m_demoServer.waitForFinished(5000);
    }
}

MainWindow *DeskApplication::mainWindow() const
{
    return m_window;
}

SignInDialog *DeskApplication::signInDialog() const
{
    return m_dialog;
}

QString DeskApplication::accountKey(const QUrl &server, const QString &email)
{
    return u"%1|%2"_s.arg(server.toString(QUrl::StripTrailingSlash), email.toLower());
}

bool DeskApplication::openAccount(const QUrl &server, const QString &email, const QString &cacheDir)
{
    closeAccount();
    m_account = accountKey(server, email);
    // One cache per account, named so several accounts can live side by side.
    const QString name = QString::fromLatin1(
        QCryptographicHash::hash(m_account.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
    QDir().mkpath(cacheDir);
    Expected<std::unique_ptr<LocalStore>> store = LocalStore::open(QDir(cacheDir).filePath(name + u".sqlite3"_s));
    if (!store) {
        Q_EMIT failed(store.error().message);
        return false;
    }
    m_store = std::move(*store);
    m_engine = std::make_unique<SyncEngine>(*m_store);
    m_engine->setAttachmentDirectory(QDir(cacheDir).filePath(name + u"-files"_s));
    // Open work and this many days of the rest on this computer (0: all).
    if (Status windowed = m_engine->setHistoryWindow(
            QSettings().value(u"historyDays"_s, SyncEngine::DefaultHistoryWindow).toInt());
        !windowed) {
        Q_EMIT failed(windowed.error().message);
        return false;
    }
    m_desk = std::make_unique<Desk>(*m_engine);
    // The moment to take back a reply or note, in seconds (0: none).
    m_desk->setUndoDelay(std::chrono::seconds(QSettings().value(u"undoSendSeconds"_s, 5).toInt()));
    connect(m_engine.get(), &SyncEngine::signedOut, this, [this](const QString &reason) {
        if (m_engine && m_engine->state() == SyncEngine::State::SignedOut && m_window) {
            m_window->statusBar()->showMessage(reason);
        }
    });
    return true;
}

void DeskApplication::closeAccount()
{
    // Replies and notes waiting out their undo time go to the outbox now.
    if (m_desk)
        m_desk->releaseHeld();
    m_desk.reset();
    m_engine.reset();
    m_store.reset();
}

void DeskApplication::start(const QUrl &server)
{
    m_cacheDir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"accounts"_s);
    QSettings settings;
    const QUrl lastServer = server.isValid() && !server.isEmpty() ? server : settings.value(u"server"_s).toUrl();
    const QString lastEmail = settings.value(u"email"_s).toString();
    if (lastServer.isEmpty() || lastEmail.isEmpty()) {
        showSignIn(lastServer, lastEmail);
        return;
    }
    // A token from before: start from the cache at once, even offline.
    m_vault.read(accountKey(lastServer, lastEmail), [this, lastServer, lastEmail](const QString &token) {
        if (token.isEmpty() || !openAccount(lastServer, lastEmail, m_cacheDir)) {
            showSignIn(lastServer, lastEmail);
            return;
        }
        m_engine->resume(lastServer, token);
        showMainWindow();
    });
}

void DeskApplication::showSignIn(const QUrl &server, const QString &email)
{
    if (!m_dialog) {
        m_dialog = new SignInDialog;
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &SignInDialog::signInRequested, this,
                [this]() { signIn(m_dialog->server(), m_dialog->email(), m_dialog->password()); });
        connect(m_dialog, &SignInDialog::cancelRequested, this, [this]() {
            // The attempt's answer, if it ever comes, is ignored.
            ++m_signInAttempt;
            closeAccount();
            m_dialog->setBusy(false);
            m_dialog->setError(tr("Sign-in cancelled."));
        });
        connect(m_dialog, &QDialog::rejected, this, [this]() {
            if (!m_window)
                QCoreApplication::quit();
        });
    }
    if (!server.isEmpty())
        m_dialog->setServer(server);
    m_dialog->setEmail(email);
    m_dialog->show();
}

void DeskApplication::signIn(const QUrl &server, const QString &email, const QString &password)
{
    if (!openAccount(server, email, m_cacheDir))
        return;
    if (m_dialog)
        m_dialog->setBusy(true);
    // A server that does not answer is given up on sooner than a sync page.
    m_engine->api().setTimeout(SignInTimeout);
    const int attempt = ++m_signInAttempt;
    QCoro::connect(m_engine->signIn(server, email, password), this, [this, server, email, attempt](const Status &done) {
        if (attempt != m_signInAttempt)
            return; // cancelled
        if (m_engine)
            m_engine->api().setTimeout(ApiClient::DefaultTimeout);
        if (m_dialog)
            m_dialog->setBusy(false);
        if (!done) {
            const QString message = done.error().code == ErrorCode::Unavailable
                                        ? tr("Cannot reach the server at %1: %2").arg(server.toString(), done.error().message)
                                        : done.error().message;
            if (m_dialog)
                m_dialog->setError(message);
            Q_EMIT failed(message);
            closeAccount();
            return;
        }
        if (m_demoDir == nullptr) {
            QSettings settings;
            settings.setValue(u"server"_s, server);
            settings.setValue(u"email"_s, email);
            m_vault.write(m_account, m_engine->api().token());
        }
        // The main window first: closing the dialog while no other window
        // is open would end the application (its "rejected" quits at first
        // start, and the last window closed quits too).
        showMainWindow();
        if (m_dialog)
            m_dialog->accept();
    });
}

void DeskApplication::showMainWindow()
{
    delete m_window;
    m_window = new MainWindow(*m_desk);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &MainWindow::signOutRequested, this, &DeskApplication::signOut);
    connect(&m_vault, &TokenVault::unavailable, m_window, [this](const QString &message) {
        if (m_window)
            m_window->statusBar()->showMessage(message, 15'000);
    });
    m_window->show();
    Q_EMIT ready();
}

void DeskApplication::signOut()
{
    if (!m_engine)
        return;
    const QString account = m_account;
    m_desk->releaseHeld();
    QCoro::connect(m_engine->signOut(), this, [this, account](const Status &) {
        m_vault.remove(account);
        const QUrl server = m_engine ? m_engine->api().server() : QUrl();
        const QString email = m_store && m_store->me() ? m_store->me()->email : QString();
        // The dialog first, for the same reason as in signIn().
        showSignIn(server, email);
        if (m_window)
            m_window->close();
        closeAccount();
    });
}

void DeskApplication::startDemo()
{
    m_demoDir = std::make_unique<QTemporaryDir>();
    m_cacheDir = m_demoDir->filePath(u"client"_s);
    const QString binary = serverBinary();
    if (binary.isEmpty()) {
        Q_EMIT failed(tr("signpost-server was not found next to signpost-desk or on the PATH."));
        return;
    }
    m_demoServer.setProgram(binary);
    m_demoServer.setArguments({u"--data-dir"_s, m_demoDir->filePath(u"server"_s), u"--port"_s, u"0"_s, u"--demo"_s});
    m_demoServer.setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
    // The demo server goes when the desk goes, however it goes.
    m_demoServer.setChildProcessModifier([]() { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(&m_demoServer, &QProcess::readyReadStandardOutput, this, [this]() {
        if (!m_demoServer.canReadLine() || m_engine)
            return;
        const QUrl server(QString::fromUtf8(m_demoServer.readLine()).trimmed());
        fprintf(stderr, "signpost-desk: demo server at %s, signed in as %s (password \"%s\")\n",
                qPrintable(server.toString()), DemoAgent, DemoPassword);
        signIn(server, QString::fromLatin1(DemoAgent), QString::fromLatin1(DemoPassword));
    });
    connect(&m_demoServer, &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        Q_EMIT failed(tr("The demo server could not start: %1").arg(m_demoServer.errorString()));
    });
    m_demoServer.start();
}

} // namespace Signpost
