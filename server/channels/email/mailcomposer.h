#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Signpost {

// An email a department sends: an agent's reply, or an acknowledgement.
struct OutgoingMail
{
    QString fromName;
    QString fromAddress;
    QString replyTo;        // the ticket's own reply address
    QString toName;
    QString toAddress;
    QString subject;
    QString text;           // with the department's signature already below it
    QString messageId;      // fixed when the reply is stored, without brackets
    QString inReplyTo;      // the customer's last message, without brackets
    QStringList references; // the thread so far, oldest first
    qint64 dateMs = 0;
    bool autoReplied = false; // Auto-Submitted: auto-replied (acknowledgements)
    QString language;         // Content-Language, when Signpost chose the words
    struct File
    {
        QString filename;
        QString contentType;
        QByteArray data;
    };
    QList<File> attachments; // the agent's files, after the text
};

namespace MailComposer {

// The message as the relay receives it: MIME, CRLF line ends, 7-bit safe.
QByteArray compose(const OutgoingMail &mail);

} // namespace MailComposer

} // namespace Signpost
