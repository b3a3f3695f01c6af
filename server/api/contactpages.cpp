#include "server/api/contactpages.h"

#include "server/channels/email/mailparser.h"

#include "server/services/secrets.h"

#include "core/timestamps.h"

#include <QFileInfo>
#include <QLocale>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Signpost::ContactPages {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString page(const QString &title, const QString &body)
{
    return uR"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%1</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1d2430; }
label { display: block; font-weight: 600; margin-top: 1rem; }
input, select, textarea { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; border: 1px solid #8a94a6; border-radius: 4px; }
textarea { min-height: 10rem; }
button { margin-top: 1.5rem; font: inherit; padding: .6rem 1.4rem; background: #1f5fbf; color: #fff; border: 0; border-radius: 4px; }
.hint { color: #4a5568; font-size: .9rem; }
.error { color: #b00020; font-weight: 600; }
.summary { border: 2px solid #b00020; padding: .5rem 1rem; border-radius: 4px; }
.trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.message { border-left: 4px solid #8a94a6; padding: .25rem 1rem; margin: 1rem 0; }
.message h2 { font-size: 1.1rem; margin: .25rem 0 0; }
.message div { white-space: pre-wrap; }
.message.reply { border-color: #1f5fbf; }
</style>
</head>
<body>
<main>
%2
</main>
</body>
</html>
)"_s.arg(esc(title), body);
}

QString errorFor(const QList<Error> &errors, const QString &field)
{
    for (const Error &error : errors) {
        if (error.field == field)
            return error.message;
    }
    return {};
}

QString field(const QString &name, const QString &label, const QString &control, const QList<Error> &errors,
              const QString &hint = {})
{
    const QString error = errorFor(errors, name);
    QString html = u"<label for=\"%1\">%2</label>\n"_s.arg(name, esc(label));
    if (!hint.isEmpty())
        html += u"<div class=\"hint\" id=\"%1-hint\">%2</div>\n"_s.arg(name, esc(hint));
    if (!error.isEmpty())
        html += u"<div class=\"error\" id=\"%1-error\">%2</div>\n"_s.arg(name, esc(error));
    QString described;
    if (!hint.isEmpty())
        described += name + u"-hint"_s;
    if (!error.isEmpty())
        described += (described.isEmpty() ? QString() : u" "_s) + name + u"-error"_s;
    QString attributes = u"id=\"%1\" name=\"%1\""_s.arg(name);
    if (!described.isEmpty())
        attributes += u" aria-describedby=\"%1\""_s.arg(described);
    if (!error.isEmpty())
        attributes += u" aria-invalid=\"true\""_s;
    return html + QString(control).replace(u"$ATTRS"_s, attributes) + u"\n"_s;
}

QString summary(const QList<Error> &errors)
{
    if (errors.isEmpty())
        return {};
    QString items;
    for (const Error &error : errors)
        items += u"<li><a href=\"#%1\">%2</a></li>"_s.arg(esc(error.field), esc(error.message));
    return u"<div class=\"summary\" role=\"alert\" tabindex=\"-1\"><p>Please check the form:</p><ul>%1</ul></div>\n"_s
        .arg(items);
}

} // namespace

Values decodeForm(const QByteArray &body)
{
    // In form encoding "+" is a space; a literal plus arrives as %2B.
    QByteArray text = body;
    text.replace('+', ' ');
    const QUrlQuery query(QString::fromUtf8(text));
    Values values;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items)
        values.insert(key, value);
    return values;
}

bool decodePost(const QByteArray &contentType, const QByteArray &body, Values &values,
                QList<AttachmentStore::File> &files)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data")) {
        values = decodeForm(body);
        return true;
    }
    const std::optional<QList<MailParser::FormPart>> parts = MailParser::parseFormData(contentType, body);
    if (!parts)
        return false;
    for (const MailParser::FormPart &part : *parts) {
        if (!part.isFile)
            values.insert(part.name, QString::fromUtf8(part.data));
        else if (!part.filename.isEmpty() || !part.data.isEmpty()) // a file field left empty sends neither
            files.append({QFileInfo(part.filename).fileName().left(MaxFilenameLength),
                          part.contentType.isEmpty() ? u"application/octet-stream"_s : part.contentType, false, part.data});
    }
    return true;
}

QByteArray shopList(const QList<Shop> &shops)
{
    QString links;
    for (const Shop &shop : shops)
        links += u"<li><a href=\"/contact/%1\">%2</a></li>\n"_s.arg(esc(shop.slug), esc(shop.name));
    return page(u"Contact us"_s, u"<h1>Contact us</h1>\n<p>Which shop is your question about?</p>\n<ul>\n%1</ul>"_s.arg(links))
        .toUtf8();
}

namespace {

// The one-time token of a form: sent again with a double click or a refresh,
// so the server answers those with what the first post made. A form shown
// again with errors keeps the token it had.
// Files to send along (a photo of the damage, a receipt). A browser does not
// keep chosen files when the form comes back with an error: they are chosen
// again.
QString filesField(const QList<Error> &errors)
{
    return field(u"attachments"_s, u"Files (optional)"_s, u"<input type=\"file\" $ATTRS multiple>"_s, errors,
                 u"Photos, receipts or documents: up to %1 together."_s.arg(
                     QLocale::c().formattedDataSize(AttachmentStore::MaxPublicUploadBytes, 0)));
}

QString tokenField(const QString &token)
{
    return u"<input type=\"hidden\" name=\"form_token\" value=\"%1\">\n"_s.arg(
        esc(token.isEmpty() ? Secrets::newToken() : token));
}

} // namespace

QByteArray form(const Shop &shop, const QList<Department> &departments, const Values &values,
                const QList<Error> &errors)
{
    const QString chosen = values.value(u"department"_s);
    QString options = u"<option value=\"\">Not sure \u2014 let us route it</option>"_s;
    for (const Department &department : departments) {
        const QString id = QString::number(department.id);
        options += u"<option value=\"%1\"%2>%3</option>"_s.arg(id, id == chosen ? u" selected"_s : QString(),
                                                               esc(department.publicLabel));
    }
    auto value = [&](const QString &key) { return esc(values.value(key)); };

    QString body = u"<h1>Contact %1</h1>\n"_s.arg(esc(shop.name));
    body += summary(errors);
    body += u"<form method=\"post\" action=\"/contact/%1\" enctype=\"multipart/form-data\" novalidate>\n"_s.arg(
        esc(shop.slug));
    body += field(u"department"_s, u"What is it about?"_s, u"<select $ATTRS>%1</select>"_s.arg(options), errors,
                  u"Choosing a department gets your message to the right team at once."_s);
    body += field(u"name"_s, u"Your name"_s,
                  u"<input type=\"text\" $ATTRS autocomplete=\"name\" required maxlength=\"200\" value=\"%1\">"_s.arg(
                      value(u"name"_s)),
                  errors);
    body += field(u"email"_s, u"Your email address"_s,
                  u"<input type=\"email\" $ATTRS autocomplete=\"email\" required maxlength=\"254\" value=\"%1\">"_s.arg(
                      value(u"email"_s)),
                  errors);
    body += field(u"order_number"_s, u"Order number (optional)"_s,
                  u"<input type=\"text\" $ATTRS maxlength=\"64\" value=\"%1\">"_s.arg(value(u"order_number"_s)),
                  errors);
    body += field(u"subject"_s, u"Subject"_s,
                  u"<input type=\"text\" $ATTRS required maxlength=\"200\" value=\"%1\">"_s.arg(value(u"subject"_s)),
                  errors);
    body += field(u"message"_s, u"Message"_s,
                  u"<textarea $ATTRS required maxlength=\"20000\">%1</textarea>"_s.arg(value(u"message"_s)), errors);
    body += filesField(errors);
    // Left empty by people, filled in by form-filling robots.
    body += u"<div class=\"trap\" aria-hidden=\"true\"><label for=\"website\">Leave this empty</label>"
            "<input type=\"text\" id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>\n"_s;
    body += tokenField(values.value(u"form_token"_s));
    body += u"<button type=\"submit\">Send message</button>\n</form>"_s;
    return page(u"Contact %1"_s.arg(shop.name), body).toUtf8();
}

QByteArray confirmation(const Shop &shop, qint64 ticketId, const QString &threadPath)
{
    const QString body =
        u"<h1>Thank you \u2014 we have your message</h1>\n"
        "<p role=\"status\">Your ticket number is <strong>#%1</strong>. %2 will answer you there.</p>\n"
        "<p>You can read the answers and write back at <a href=\"%3\">your ticket\u2019s page</a>. "
        "Keep this link to yourself: anyone who has it can read your ticket.</p>"_s.arg(ticketId)
            .arg(esc(shop.name), esc(threadPath));
    return page(u"Ticket #%1"_s.arg(ticketId), body).toUtf8();
}

QByteArray thread(const Ticket &ticket, const QString &shopName, const QString &threadPath,
                  const QList<Error> &errors, bool replied)
{
    QString body = u"<h1>#%1 \u2014 %2</h1>\n"_s.arg(ticket.id).arg(esc(ticket.subject));
    if (!shopName.isEmpty())
        body += u"<p class=\"hint\">%1</p>\n"_s.arg(esc(shopName));
    if (replied)
        body += u"<p role=\"status\">Your message was added. We will get back to you.</p>\n"_s;
    for (const Message &message : ticket.messages) {
        const bool reply = message.kind == MessageKind::Reply;
        const QString author = reply ? message.senderName : message.authorName;
        QString text = message.body;
        if (reply && !message.signature.isEmpty())
            text += u"\n\n"_s + message.signature;
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(message.createdAt, Qt::UTC);
        QString files;
        for (const AttachmentRef &file : message.attachments)
            files += u"<li><a href=\"%1/files/%2\" download>%3</a> (%4)</li>"_s.arg(esc(threadPath))
                         .arg(file.id)
                         .arg(esc(file.filename), QLocale::c().formattedDataSize(file.size, 1));
        if (!files.isEmpty())
            files = u"<ul class=\"files\">%1</ul>"_s.arg(files);
        body += u"<section class=\"message%1\"><h2>%2</h2><p class=\"hint\"><time datetime=\"%3\">%4</time></p>"
                "<div>%5</div>%6</section>\n"_s.arg(reply ? u" reply"_s : QString(), esc(author),
                                                       isoFromMs(message.createdAt),
                                                       at.toString(u"d MMM yyyy, HH:mm 'UTC'"_s), esc(text), files);
    }
    body += summary(errors);
    body += u"<form method=\"post\" action=\"%1\" enctype=\"multipart/form-data\">\n"_s.arg(esc(threadPath));
    body += field(u"message"_s, u"Write back"_s, u"<textarea $ATTRS required maxlength=\"20000\"></textarea>"_s, errors);
    body += filesField(errors);
    body += tokenField({});
    body += u"<button type=\"submit\">Send</button>\n</form>"_s;
    return page(u"Ticket #%1"_s.arg(ticket.id), body).toUtf8();
}

QByteArray notice(const QString &title, const QString &text)
{
    return page(title, u"<h1>%1</h1>\n<p role=\"alert\">%2</p>"_s.arg(esc(title), esc(text))).toUtf8();
}

} // namespace Signpost::ContactPages
