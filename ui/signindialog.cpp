#include "ui/signindialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Signpost {

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
    , m_server(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_serverHint(new QLabel(tr("Your team's Signpost address, from your admin."), this))
    , m_warning(new QLabel(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Sign in to Signpost"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);
    m_server->setPlaceholderText(tr("help.example.com"));
    m_server->setToolTip(tr("https:// is used when you type no scheme."));
    m_email->setPlaceholderText(tr("you@example.com"));
    m_password->setEchoMode(QLineEdit::Password);
    m_serverHint->setWordWrap(true);
    m_serverHint->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_warning->setWordWrap(true);
    m_warning->setObjectName(QStringLiteral("insecureWarning"));
    m_warning->setStyleSheet(QStringLiteral("background: #fef3c7; color: #78350f; padding: 6px; border-radius: 4px;"));
    m_warning->hide();
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Server"), m_server);
    form->addRow(QString(), m_serverHint);
    form->addRow(tr("&Email"), m_email);
    form->addRow(tr("&Password"), m_password);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setDefault(true);
    // Cancel while the server is asked stops asking; otherwise it closes.
    connect(buttons, &QDialogButtonBox::rejected, this, [this]() {
        if (m_busy) {
            Q_EMIT cancelRequested();
            return;
        }
        reject();
    });
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::requestSignIn);
    for (QLineEdit *edit : {m_server, m_email, m_password})
        connect(edit, &QLineEdit::textChanged, this, &SignInDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_warning);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    validate();
}

void SignInDialog::requestSignIn()
{
    m_error->hide();
    const QUrl url = server();
    // A password over plain http is said out loud first; a second press
    // signs in anyway (a test server on the LAN, say).
    if (isInsecure(url) && url != m_insecureAccepted) {
        m_insecureAccepted = url;
        m_warning->setText(tr("%1 is not encrypted (http): your password and every ticket would cross the network "
                              "readable by anyone on the way. Use https:// if the server offers it, or press "
                              "“Sign in anyway”.")
                               .arg(url.host()));
        m_warning->show();
        m_signIn->setText(tr("Sign in anyway"));
        return;
    }
    Q_EMIT signInRequested();
}

bool SignInDialog::isInsecure(const QUrl &server)
{
    if (server.scheme() != QLatin1String("http"))
        return false;
    const QString host = server.host();
    if (host == QLatin1String("localhost"))
        return false;
    const QHostAddress address(host);
    return address.isNull() || !address.isLoopback();
}

QUrl SignInDialog::serverFromInput(const QString &text)
{
    const QString typed = text.trimmed();
    if (typed.isEmpty())
        return {};
    return QUrl(typed.contains(QLatin1String("://")) ? typed : QStringLiteral("https://") + typed, QUrl::StrictMode);
}

void SignInDialog::validate()
{
    const QUrl url = server();
    if (url != m_insecureAccepted) {
        m_insecureAccepted.clear();
        m_warning->hide();
        if (!m_busy)
            m_signIn->setText(tr("Sign in"));
    }
    m_signIn->setEnabled(url.isValid() && !url.host().isEmpty() && m_email->text().contains(QLatin1Char('@'))
                         && !m_password->text().isEmpty());
}

void SignInDialog::setServer(const QUrl &server)
{
    m_server->setText(server.toString());
}

void SignInDialog::setEmail(const QString &email)
{
    m_email->setText(email);
}

QUrl SignInDialog::server() const
{
    return serverFromInput(m_server->text());
}

QString SignInDialog::email() const
{
    return m_email->text().trimmed();
}

QString SignInDialog::password() const
{
    return m_password->text();
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_signIn->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : server() == m_insecureAccepted && !m_insecureAccepted.isEmpty()
                                                    ? tr("Sign in anyway")
                                                    : tr("Sign in"));
    for (QLineEdit *edit : {m_server, m_email, m_password})
        edit->setReadOnly(busy);
    if (!busy)
        validate();
}

void SignInDialog::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace Signpost
