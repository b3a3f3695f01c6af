#pragma once

#include <QByteArray>
#include <QString>

namespace Signpost {

// Where a mail server is and how to talk to it: the SMTP relay, or a
// mailbox's IMAP server.
struct MailEndpoint
{
    enum class Security { Tls, StartTls, None };
    QString host;
    int port = 0;
    Security security = Security::StartTls;
    QString username;
    QString password;
};

QString toString(MailEndpoint::Security security);
bool securityFromString(const QString &text, MailEndpoint::Security &security);

// Hands one message to the relay, blocking: run it on a worker thread. Each
// worker keeps its connection to the relay for the next message.
namespace SmtpSender {

struct Result
{
    enum class Outcome { Sent, Temporary, Permanent };
    Outcome outcome = Outcome::Temporary;
    int code = 0;   // the relay's last reply code (0: no reply at all)
    QString answer; // what went wrong, in the relay's or libcurl's words
};

Result send(const MailEndpoint &relay, const QString &envelopeFrom, const QString &recipient,
            const QByteArray &message, int timeoutMs = 60'000);

// Called once before any worker sends.
void initialise();

} // namespace SmtpSender

} // namespace Signpost
