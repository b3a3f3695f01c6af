#include "server/channels/email/mailcomposer.h"

#include "server/channels/email/mailparser.h"

#include <gmime/gmime.h>

using namespace Qt::StringLiterals;

namespace Signpost::MailComposer {

namespace {

// Names in UTF-8 (RFC 2047 where needed), whatever GMime would choose.
void addMailbox(GMimeMessage *message, GMimeAddressType type, const QString &name, const QString &address)
{
    InternetAddress *mailbox = internet_address_mailbox_new(name.toUtf8().constData(), address.toUtf8().constData());
    internet_address_set_charset(mailbox, "utf-8");
    internet_address_list_add(g_mime_message_get_addresses(message, type), mailbox);
    g_object_unref(mailbox);
}

} // namespace

QByteArray compose(const OutgoingMail &mail)
{
    MailParser::initialise();
    GMimeMessage *message = g_mime_message_new(TRUE);
    GMimeObject *object = GMIME_OBJECT(message);
    addMailbox(message, GMIME_ADDRESS_TYPE_FROM, mail.fromName, mail.fromAddress);
    addMailbox(message, GMIME_ADDRESS_TYPE_TO, mail.toName, mail.toAddress);
    if (!mail.replyTo.isEmpty())
        addMailbox(message, GMIME_ADDRESS_TYPE_REPLY_TO, mail.fromName, mail.replyTo);
    g_mime_message_set_subject(message, mail.subject.toUtf8().constData(), "utf-8");
    g_mime_message_set_message_id(message, mail.messageId.toUtf8().constData());
    GDateTime *date = g_date_time_new_from_unix_utc(mail.dateMs / 1000);
    g_mime_message_set_date(message, date);
    g_date_time_unref(date);
    if (!mail.inReplyTo.isEmpty())
        g_mime_object_set_header(object, "In-Reply-To", ('<' + mail.inReplyTo.toUtf8() + '>').constData(), nullptr);
    if (!mail.references.isEmpty()) {
        QByteArrayList ids;
        // The first and the latest twenty: enough to thread, never a huge header.
        for (qsizetype i = 0; i < mail.references.size(); ++i) {
            if (i == 0 || i >= mail.references.size() - 20)
                ids.append('<' + mail.references[i].toUtf8() + '>');
        }
        g_mime_object_set_header(object, "References", ids.join(' ').constData(), nullptr);
    }
    if (mail.autoReplied)
        g_mime_object_set_header(object, "Auto-Submitted", "auto-replied", nullptr);
    // Out-of-office replies to a helpdesk's mail only fill its queues.
    g_mime_object_set_header(object, "X-Auto-Response-Suppress", "OOF, AutoReply", nullptr);

    // UTF-8 as written (GMime's set_text would pick a legacy charset).
    GMimeTextPart *body = g_mime_text_part_new_with_subtype("plain");
    QString text = mail.text;
    text.replace(u"\r\n"_s, u"\n"_s);
    const QByteArray utf8 = text.toUtf8();
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(utf8.constData(), size_t(utf8.size()));
    GMimeDataWrapper *content = g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT);
    g_mime_part_set_content(GMIME_PART(body), content);
    g_object_unref(content);
    g_object_unref(stream);
    g_mime_object_set_content_type_parameter(GMIME_OBJECT(body), "charset", "utf-8");
    // On the text it describes (GMime keeps Content-* headers with the part).
    if (!mail.language.isEmpty())
        g_mime_object_set_header(GMIME_OBJECT(body), "Content-Language", mail.language.toLatin1().constData(), nullptr);
    if (mail.attachments.isEmpty()) {
        g_mime_message_set_mime_part(message, GMIME_OBJECT(body));
    } else {
        // The text first, then each file, base64, its name per RFC 2231.
        GMimeMultipart *mixed = g_mime_multipart_new_with_subtype("mixed");
        g_mime_multipart_add(mixed, GMIME_OBJECT(body));
        for (const OutgoingMail::File &file : mail.attachments) {
            const QByteArray type = file.contentType.toLatin1();
            const qsizetype slash = type.indexOf('/');
            GMimePart *part = g_mime_part_new_with_type(slash > 0 ? type.left(slash).constData() : "application",
                                                        slash > 0 ? type.mid(slash + 1).constData() : "octet-stream");
            GMimeStream *bytes = g_mime_stream_mem_new_with_buffer(file.data.constData(), size_t(file.data.size()));
            GMimeDataWrapper *wrapped = g_mime_data_wrapper_new_with_stream(bytes, GMIME_CONTENT_ENCODING_DEFAULT);
            g_mime_part_set_content(part, wrapped);
            g_object_unref(wrapped);
            g_object_unref(bytes);
            g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
            g_mime_object_set_disposition(GMIME_OBJECT(part), GMIME_DISPOSITION_ATTACHMENT);
            g_mime_part_set_filename(part, file.filename.toUtf8().constData());
            g_mime_multipart_add(mixed, GMIME_OBJECT(part));
            g_object_unref(part);
        }
        g_mime_message_set_mime_part(message, GMIME_OBJECT(mixed));
        g_object_unref(mixed);
    }
    g_object_unref(body);
    g_mime_object_encode(object, GMIME_ENCODING_CONSTRAINT_7BIT);

    GMimeFormatOptions *options = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
    char *formatted = g_mime_object_to_string(object, options);
    QByteArray bytes(formatted);
    g_free(formatted);
    g_mime_format_options_free(options);
    g_object_unref(message);
    return bytes;
}

} // namespace Signpost::MailComposer
