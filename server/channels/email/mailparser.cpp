#include "server/channels/email/mailparser.h"

#include <gmime/gmime.h>

#include <QDateTime>
#include <QRegularExpression>

#include <memory>
#include <mutex>

using namespace Qt::StringLiterals;

namespace Signpost::MailParser {

namespace {

template<typename T>
struct GObjectDeleter
{
    void operator()(T *object) const
    {
        if (object)
            g_object_unref(object);
    }
};
template<typename T>
using GPtr = std::unique_ptr<T, GObjectDeleter<T>>;

struct GFreeDeleter
{
    void operator()(void *p) const { g_free(p); }
};
using GString_ = std::unique_ptr<char, GFreeDeleter>;

QString utf8(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

GMimeParserOptions *parserOptions()
{
    // Mail that says nothing of its charset, or says it wrongly, is most
    // often UTF-8 and else Windows-1252 (a superset of ISO-8859-1 for
    // everything printable).
    static GMimeParserOptions *options = []() {
        GMimeParserOptions *made = g_mime_parser_options_new();
        static const char *fallback[] = {"UTF-8", "windows-1252", nullptr};
        g_mime_parser_options_set_fallback_charsets(made, fallback);
        g_mime_parser_options_set_rfc2047_compliance_mode(made, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_address_compliance_mode(made, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_parameter_compliance_mode(made, GMIME_RFC_COMPLIANCE_LOOSE);
        return made;
    }();
    return options;
}

// The bytes of a part's content, with its transfer encoding undone.
QByteArray contentOf(GMimePart *part)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content)
        return {};
    if (g_mime_data_wrapper_get_encoding(content) == GMIME_CONTENT_ENCODING_BASE64) {
        // Leniently: gateways damage base64, and what is left is still the
        // customer's text (characters outside the alphabet are skipped).
        GMimeStream *encoded = g_mime_data_wrapper_get_stream(content);
        GPtr<GMimeStream> copy(g_mime_stream_mem_new());
        g_mime_stream_reset(encoded);
        g_mime_stream_write_to_stream(encoded, copy.get());
        GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(copy.get()));
        QByteArray alphabet;
        alphabet.reserve(qsizetype(bytes->len));
        for (guint i = 0; i < bytes->len; ++i) {
            const char c = char(bytes->data[i]);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/')
                alphabet.append(c);
        }
        return QByteArray::fromBase64(alphabet);
    }
    GPtr<GMimeStream> stream(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, stream.get());
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    return QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
}

// Text in the charset its part names, as Unicode. ISO-8859-1 and ASCII are
// read as Windows-1252 (what such mail really holds, as browsers do); bytes
// that are not what the label says are read as Windows-1252 as well.
QString decodeCharset(const QByteArray &bytes, QByteArray charset)
{
    charset = charset.trimmed().toLower();
    if (charset.isEmpty() || charset == "us-ascii" || charset == "ascii" || charset == "iso-8859-1"
        || charset == "latin1" || charset == "iso_8859-1")
        charset = charset.isEmpty() || charset.contains("ascii") ? "utf-8" : "windows-1252";
    if (charset == "utf-8" || charset == "utf8") {
        if (g_utf8_validate(bytes.constData(), bytes.size(), nullptr))
            return QString::fromUtf8(bytes);
        charset = "windows-1252";
    }
    gsize written = 0;
    GError *error = nullptr;
    GString_ converted(g_convert_with_fallback(bytes.constData(), bytes.size(), "UTF-8", charset.constData(), "?",
                                               nullptr, &written, &error));
    if (error) {
        g_error_free(error);
        if (charset != "windows-1252")
            return decodeCharset(bytes, "windows-1252");
        return QString::fromLatin1(bytes);
    }
    return QString::fromUtf8(converted.get(), qsizetype(written));
}

// As above, without NUL characters: no text holds them, and PostgreSQL
// stores no text that does (a broken or hostile sender's mail is kept, not
// refused).
QString decodeText(const QByteArray &bytes, const QByteArray &charset)
{
    return decodeCharset(bytes, charset).remove(QChar(0));
}

QString header(GMimeObject *object, const char *name)
{
    return utf8(g_mime_object_get_header(object, name)).trimmed();
}

void addAddresses(QStringList &to, InternetAddressList *list)
{
    if (!list)
        return;
    for (int i = 0; i < internet_address_list_length(list); ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
            const QString mailbox = utf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address))).toLower();
            if (!mailbox.isEmpty() && !to.contains(mailbox))
                to.append(mailbox);
        } else if (INTERNET_ADDRESS_IS_GROUP(address)) {
            addAddresses(to, internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)));
        }
    }
}

void addParsedAddresses(QStringList &to, const QString &text)
{
    if (text.isEmpty())
        return;
    GPtr<InternetAddressList> list(internet_address_list_parse(parserOptions(), text.toUtf8().constData()));
    addAddresses(to, list.get());
}

QStringList referencesIn(const QString &text)
{
    QStringList ids;
    if (text.isEmpty())
        return ids;
    GMimeReferences *refs = g_mime_references_parse(parserOptions(), text.toUtf8().constData());
    if (!refs)
        return ids;
    for (int i = 0; i < g_mime_references_length(refs); ++i)
        ids.append(utf8(g_mime_references_get_message_id(refs, i)));
    g_mime_references_free(refs);
    return ids;
}

// RFC 3834 and what common systems send instead of it.
QString automaticBecause(GMimeObject *message, const QString &fromAddress, const QString &returnPath)
{
    const QString autoSubmitted = header(message, "Auto-Submitted").toLower();
    if (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith(u"no"))
        return u"Auto-Submitted: "_s + autoSubmitted;
    const QString precedence = header(message, "Precedence").toLower();
    if (precedence == u"bulk" || precedence == u"junk" || precedence == u"list")
        return u"Precedence: "_s + precedence;
    // Not X-Auto-Response-Suppress alone: Outlook puts it on people's own
    // mail too, and such a reply must reopen its ticket.
    for (const char *name : {"X-Autoreply", "X-Autorespond", "List-Id"}) {
        if (g_mime_object_get_header(message, name))
            return QString::fromLatin1(name);
    }
    if (returnPath == u"<>")
        return u"null return path"_s;
    const QString local = fromAddress.section(u'@', 0, 0);
    if (local == u"mailer-daemon" || local == u"postmaster")
        return u"sent by "_s + local;
    return {};
}

struct Walk
{
    InboundMail *mail = nullptr;
    QString plain;
    QString html;
    QString deliveryStatus;
    QString bouncedHeaders;
};

void visit(GMimeObject *, GMimeObject *part, gpointer data)
{
    Walk &walk = *static_cast<Walk *>(data);
    GMimeContentType *type = g_mime_object_get_content_type(part);
    if (GMIME_IS_MESSAGE_PART(part)) {
        // A forwarded or bounced message: only its id matters here.
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(part));
        if (inner && walk.bouncedHeaders.isEmpty())
            walk.bouncedHeaders = u"Message-ID: <"_s + utf8(g_mime_message_get_message_id(inner)) + u">"_s;
        return;
    }
    if (!GMIME_IS_PART(part))
        return;
    GMimePart *leaf = GMIME_PART(part);
    const bool isText = g_mime_content_type_is_type(type, "text", "*");
    const bool attachment = g_mime_part_is_attachment(leaf) || !isText;
    if (g_mime_content_type_is_type(type, "message", "delivery-status")) {
        walk.deliveryStatus = decodeText(contentOf(leaf), "utf-8");
        return;
    }
    if (g_mime_content_type_is_type(type, "text", "rfc822-headers")) {
        walk.bouncedHeaders = decodeText(contentOf(leaf), "utf-8");
        return;
    }
    // The machine-readable parts of other reports (read receipts): neither
    // text nor a file anyone sent.
    if (g_mime_content_type_is_type(type, "message", "*"))
        return;
    if (attachment) {
        MailAttachment file;
        file.filename = utf8(g_mime_part_get_filename(leaf));
        GString_ mime(g_mime_content_type_get_mime_type(type));
        file.contentType = utf8(mime.get()).toLower();
        file.contentId = utf8(g_mime_object_get_content_id(part));
        GMimeContentDisposition *disposition = g_mime_object_get_content_disposition(part);
        file.isInline = !disposition || g_mime_content_disposition_is_attachment(disposition) == FALSE;
        file.data = contentOf(leaf);
        walk.mail->attachments.append(file);
        return;
    }
    const QString text = decodeText(contentOf(leaf), g_mime_object_get_content_type_parameter(part, "charset"));
    if (g_mime_content_type_is_type(type, "text", "html")) {
        if (walk.html.isEmpty())
            walk.html = text;
    } else if (walk.plain.isEmpty()) {
        walk.plain = text;
    }
}

// "Name: value" lines of a DSN or a header block (folded lines joined).
QString field(const QString &block, const QString &name)
{
    const QRegularExpression line(u"^"_s + QRegularExpression::escape(name) + u"[ \\t]*:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)"_s,
                                  QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = line.match(block);
    return match.hasMatch() ? match.captured(1).simplified() : QString();
}

QString normalisedText(QString text)
{
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    // The blank lines at either end (a signature's "-- " keeps its space).
    while (text.startsWith(u'\n'))
        text.remove(0, 1);
    while (text.endsWith(u'\n') || text.endsWith(u' '))
        text.chop(1);
    return text;
}

} // namespace

void initialise()
{
    static std::once_flag once;
    std::call_once(once, []() { g_mime_init(); });
}

QString bareId(const QString &id)
{
    QString bare = id.trimmed();
    if (bare.startsWith(u'<'))
        bare.remove(0, 1);
    if (bare.endsWith(u'>'))
        bare.chop(1);
    return bare.trimmed();
}

QString htmlToText(const QString &html)
{
    QString text = html;
    static const QList<QRegularExpression> dropped{
        QRegularExpression(u"<!--.*?-->"_s, QRegularExpression::DotMatchesEverythingOption),
        QRegularExpression(u"<(script|style|head|title|xml|noscript|template)\\b.*?</\\1\\s*>"_s,
                           QRegularExpression::DotMatchesEverythingOption | QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(u"<(script|style|img|meta|link|iframe|object|embed)\\b[^>]*>"_s,
                           QRegularExpression::CaseInsensitiveOption),
    };
    for (const QRegularExpression &drop : dropped)
        text.remove(drop);
    text.replace(u"\r"_s, QString());
    text.replace(QRegularExpression(u"\\s+"_s), u" "_s); // HTML's own white space means one space
    static const QRegularExpression lineBreak(u"<br\\s*/?>"_s, QRegularExpression::CaseInsensitiveOption);
    text.replace(lineBreak, u"\n"_s);
    static const QRegularExpression item(u"<li\\b[^>]*>"_s, QRegularExpression::CaseInsensitiveOption);
    text.replace(item, u"\n• "_s);
    static const QRegularExpression block(u"</?(p|div|tr|table|h[1-6]|ul|ol|blockquote|pre|hr)\\b[^>]*>"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    text.replace(block, u"\n"_s);
    static const QRegularExpression cell(u"</t[dh]\\s*>"_s, QRegularExpression::CaseInsensitiveOption);
    text.replace(cell, u" "_s);
    static const QRegularExpression tag(u"<[^>]*>"_s);
    text.remove(tag);
    static const QRegularExpression entity(u"&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);"_s);
    static const QHash<QString, QString> named{{u"amp"_s, u"&"_s},   {u"lt"_s, u"<"_s},     {u"gt"_s, u">"_s},
                                               {u"quot"_s, u"\""_s}, {u"apos"_s, u"'"_s},   {u"nbsp"_s, u" "_s},
                                               {u"euro"_s, u"€"_s},  {u"aring"_s, u"å"_s},  {u"Aring"_s, u"Å"_s},
                                               {u"aelig"_s, u"æ"_s}, {u"AElig"_s, u"Æ"_s},  {u"oslash"_s, u"ø"_s},
                                               {u"Oslash"_s, u"Ø"_s}, {u"auml"_s, u"ä"_s},  {u"ouml"_s, u"ö"_s},
                                               {u"uuml"_s, u"ü"_s},  {u"Auml"_s, u"Ä"_s},   {u"Ouml"_s, u"Ö"_s},
                                               {u"Uuml"_s, u"Ü"_s},  {u"szlig"_s, u"ß"_s},  {u"copy"_s, u"©"_s},
                                               {u"ndash"_s, u"–"_s}, {u"mdash"_s, u"—"_s},  {u"hellip"_s, u"…"_s},
                                               {u"laquo"_s, u"«"_s}, {u"raquo"_s, u"»"_s},  {u"rsquo"_s, u"’"_s},
                                               {u"lsquo"_s, u"‘"_s}, {u"rdquo"_s, u"”"_s},  {u"ldquo"_s, u"“"_s}};
    QString decoded;
    qsizetype last = 0;
    for (auto it = entity.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        decoded += QStringView(text).mid(last, match.capturedStart() - last);
        const QString name = match.captured(1);
        QString replacement = match.captured(0);
        if (name.startsWith(u'#')) {
            bool ok = false;
            const uint code = name.startsWith(u"#x", Qt::CaseInsensitive) ? name.mid(2).toUInt(&ok, 16)
                                                                         : name.mid(1).toUInt(&ok, 10);
            if (ok && code > 0 && code < 0x110000 && QChar::isPrint(char32_t(code)))
                replacement = QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
        } else if (named.contains(name)) {
            replacement = named.value(name);
        }
        decoded += replacement;
        last = match.capturedEnd();
    }
    decoded += QStringView(text).mid(last);
    // One space at most between words, two line breaks at most in a row.
    QStringList lines = decoded.split(u'\n');
    for (QString &line : lines)
        line = line.simplified();
    QString joined = lines.join(u'\n');
    static const QRegularExpression blankRuns(u"\\n{3,}"_s);
    joined.replace(blankRuns, u"\n\n"_s);
    return joined.trimmed();
}

std::optional<QList<FormPart>> parseFormData(const QByteArray &contentType, const QByteArray &body)
{
    initialise();
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data") || !contentType.contains("boundary="))
        return std::nullopt;
    // The body as a MIME entity: its Content-Type is the request's.
    QByteArray entity = "Content-Type: " + contentType.trimmed() + "\r\n\r\n";
    entity.reserve(entity.size() + body.size());
    entity += body;
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(entity.constData(), size_t(entity.size())));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    GPtr<GMimeObject> object(g_mime_parser_construct_part(parser.get(), parserOptions()));
    if (!object || !GMIME_IS_MULTIPART(object.get()))
        return std::nullopt;
    QList<FormPart> parts;
    GMimeMultipart *multipart = GMIME_MULTIPART(object.get());
    for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i) {
        GMimeObject *child = g_mime_multipart_get_part(multipart, i);
        if (!GMIME_IS_PART(child))
            continue;
        GMimePart *part = GMIME_PART(child);
        FormPart field;
        GMimeContentDisposition *disposition = g_mime_object_get_content_disposition(child);
        field.name = disposition ? utf8(g_mime_content_disposition_get_parameter(disposition, "name")) : QString();
        field.isFile = disposition && g_mime_content_disposition_get_parameter(disposition, "filename");
        field.filename = utf8(g_mime_part_get_filename(part)).trimmed();
        GMimeContentType *type = g_mime_object_get_content_type(child);
        if (char *mime = type ? g_mime_content_type_get_mime_type(type) : nullptr) {
            field.contentType = QString::fromUtf8(mime);
            g_free(mime);
        }
        field.data = contentOf(part);
        if (!field.name.isEmpty())
            parts.append(std::move(field));
    }
    return parts;
}

InboundMail parse(const QByteArray &raw)
{
    initialise();
    InboundMail mail;
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.constData(), size_t(raw.size())));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), parserOptions()));
    if (!message) {
        mail.unreadable = true;
        return mail;
    }
    GMimeObject *object = GMIME_OBJECT(message.get());
    mail.messageId = bareId(utf8(g_mime_message_get_message_id(message.get())));
    const QStringList inReplyTo = referencesIn(header(object, "In-Reply-To"));
    mail.inReplyTo = inReplyTo.value(0);
    mail.references = referencesIn(header(object, "References"));
    mail.subject = utf8(g_mime_message_get_subject(message.get())).simplified();
    // GMime keeps Content-* headers with the top part, not the message.
    QString language = header(object, "Content-Language");
    if (GMimeObject *top = g_mime_message_get_mime_part(message.get()); language.isEmpty() && top)
        language = header(top, "Content-Language");
    mail.contentLanguage = language.section(u',', 0, 0).trimmed();

    if (InternetAddressList *from = g_mime_message_get_from(message.get());
        from && internet_address_list_length(from) > 0) {
        InternetAddress *first = internet_address_list_get_address(from, 0);
        mail.fromName = utf8(internet_address_get_name(first)).simplified();
        if (INTERNET_ADDRESS_IS_MAILBOX(first))
            mail.fromAddress = utf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(first))).toLower();
    }
    QString returnPath = header(object, "Return-Path");
    mail.returnPath = returnPath.remove(u' ') == u"<>" ? u"<>"_s : bareId(returnPath).toLower();

    addAddresses(mail.recipients, g_mime_message_get_to(message.get()));
    addAddresses(mail.recipients, g_mime_message_get_cc(message.get()));
    // Where the mail system says it delivered the message: the address a
    // Bcc or a forwarder used, which To does not show.
    GMimeHeaderList *headers = g_mime_object_get_header_list(object);
    for (int i = 0; i < g_mime_header_list_get_count(headers); ++i) {
        GMimeHeader *h = g_mime_header_list_get_header_at(headers, i);
        const QByteArray name = QByteArray(g_mime_header_get_name(h)).toLower();
        if (name == "delivered-to" || name == "x-original-to" || name == "envelope-to")
            addParsedAddresses(mail.recipients, utf8(g_mime_header_get_value(h)));
    }
    if (GDateTime *date = g_mime_message_get_date(message.get()))
        mail.dateMs = g_date_time_to_unix(date) * 1000;

    Walk walk;
    walk.mail = &mail;
    g_mime_message_foreach(message.get(), visit, &walk);
    // A multipart whose boundary never comes: its text is all "prologue".
    GMimeObject *top = g_mime_message_get_mime_part(message.get());
    if (walk.plain.trimmed().isEmpty() && walk.html.isEmpty() && top && GMIME_IS_MULTIPART(top)
        && g_mime_multipart_get_count(GMIME_MULTIPART(top)) == 0)
        walk.plain = utf8(g_mime_multipart_get_prologue(GMIME_MULTIPART(top)));
    if (!walk.plain.trimmed().isEmpty()) {
        mail.text = normalisedText(walk.plain);
    } else if (!walk.html.isEmpty()) {
        mail.text = htmlToText(walk.html);
    }
    mail.hadHtml = !walk.html.isEmpty();

    GMimeContentType *type = top ? g_mime_object_get_content_type(top) : nullptr;
    const bool report = type && g_mime_content_type_is_type(type, "multipart", "report")
                        && QByteArray(g_mime_content_type_get_parameter(type, "report-type")).toLower() == "delivery-status";
    if (report || !walk.deliveryStatus.isEmpty()) {
        mail.bounce = true;
        mail.bounceStatus = field(walk.deliveryStatus, u"Status"_s);
        mail.bounceRecipient = field(walk.deliveryStatus, u"Final-Recipient"_s).section(u';', -1).trimmed().toLower();
        mail.bounceDiagnostic = field(walk.deliveryStatus, u"Diagnostic-Code"_s).section(u';', -1).trimmed();
        mail.bouncedMessageId = bareId(field(walk.bouncedHeaders, u"Message-ID"_s));
    }
    mail.automaticReason = automaticBecause(object, mail.fromAddress, mail.returnPath);
    mail.automatic = mail.bounce || !mail.automaticReason.isEmpty();
    if (mail.bounce && mail.automaticReason.isEmpty())
        mail.automaticReason = u"delivery status notification"_s;
    return mail;
}

} // namespace Signpost::MailParser
