#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <QStringList>

namespace Signpost {

// A file that came with a mail: what the thread lists of it.
struct MailAttachment
{
    QString filename;
    QString contentType;
    QString contentId; // inline images: what the HTML refers to
    bool isInline = false;
    QByteArray data;
};

// What a received mail says, decoded: the part a ticket needs, read with
// GMime from whatever shape, charset and encoding the sender's program gave.
struct InboundMail
{
    QString messageId;          // without the angle brackets; empty if it had none
    QString inReplyTo;
    QStringList references;     // oldest first
    QString fromName;
    QString fromAddress;        // lower case
    QString returnPath;         // "<>" when null: machine mail
    QStringList recipients;     // To, Cc, Delivered-To, X-Original-To; lower case, each once
    QString subject;
    QString contentLanguage;    // the first tag of Content-Language ("de-DE"), if the sender's program said
    QString text;               // the message as plain text (HTML-only mail converted)
    bool hadHtml = false;
    QList<MailAttachment> attachments;
    qint64 dateMs = 0;

    // Mail that must not become a conversation: auto-replies, lists,
    // daemons. Stored on a ticket, never answered, never reopens it.
    bool automatic = false;
    QString automaticReason;    // the header that said so
    // A delivery status notification (RFC 3464): the Message-ID of the mail
    // that bounced, and what the reporting server said.
    bool bounce = false;
    QString bouncedMessageId;
    QString bounceRecipient;
    QString bounceStatus;       // "5.1.1"
    QString bounceDiagnostic;

    // Not a mail at all (no headers GMime could read).
    bool unreadable = false;
};

namespace MailParser {

// Never throws, never fails on broken MIME: what can be read is read.
InboundMail parse(const QByteArray &raw);

// Readable text from HTML: no scripts, styles, comments or remote content;
// paragraphs, line breaks and list items kept as lines.
QString htmlToText(const QString &html);

// A message id as stored: the angle brackets and white space gone.
QString bareId(const QString &id);

// Called once, before any parse (GMime's global state).
void initialise();

// One field of a multipart/form-data body (RFC 7578): a web form's text
// field or file.
struct FormPart
{
    QString name;
    bool isFile = false; // a file field (its filename may be empty: none chosen)
    QString filename;
    QString contentType;
    QByteArray data;
};
// The fields of a form posted as multipart/form-data, given the request's
// Content-Type (with its boundary); nullopt when the body is not one.
std::optional<QList<FormPart>> parseFormData(const QByteArray &contentType, const QByteArray &body);

} // namespace MailParser

} // namespace Signpost
