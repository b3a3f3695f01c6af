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
    void setError(const QString &message);

Q_SIGNALS:
    void signInRequested();

private:
    void validate();

    QLineEdit *m_server;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLabel *m_error;
    QPushButton *m_signIn;
};

} // namespace Signpost
