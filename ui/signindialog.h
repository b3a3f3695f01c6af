#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Signpost {

// Server, email and password; says plainly what went wrong.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(QWidget *parent = nullptr);

    void setServer(const QUrl &server);
    void setEmail(const QString &email);
    QUrl server() const;
    QString email() const;
    QString password() const;

    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void setError(const QString &message);

    // Whether a password sent to this server would travel unencrypted: plain
    // http to anything but this machine.
    static bool isInsecure(const QUrl &server);
    // What was typed, as an address: https:// when no scheme is given.
    static QUrl serverFromInput(const QString &text);

Q_SIGNALS:
    void signInRequested();
    // Cancel while signing in: stop waiting for the server.
    void cancelRequested();

private:
    void validate();
    void requestSignIn();

    QLineEdit *m_server;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLabel *m_serverHint;
    QLabel *m_warning;
    QLabel *m_error;
    QPushButton *m_signIn;
    bool m_busy = false;
    QUrl m_insecureAccepted; // the http server the agent chose to sign in to anyway
};

} // namespace Signpost
