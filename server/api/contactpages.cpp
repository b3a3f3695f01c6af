#include "server/api/contactpages.h"

#include "server/channels/email/mailparser.h"

#include "server/services/secrets.h"

#include "core/language.h"
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

QString page(const QString &title, const QString &body, const Wording &wording)
{
    return uR"(<!DOCTYPE html>
<html lang="%3">
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
nav.languages { text-align: right; font-size: .9rem; }
nav.languages > * { margin-left: .75rem; }
</style>
</head>
<body>
<main>
%2
</main>
</body>
</html>
)"_s.arg(esc(title), body, wording.code());
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

QString summary(const QList<Error> &errors, const Wording &wording)
{
    if (errors.isEmpty())
        return {};
    QString items;
    for (const Error &error : errors)
        items += u"<li><a href=\"#%1\">%2</a></li>"_s.arg(esc(error.field), esc(error.message));
    return u"<div class=\"summary\" role=\"alert\" tabindex=\"-1\"><p>%1</p><ul>%2</ul></div>\n"_s.arg(
        esc(wording.translate("Signpost::ContactPages", "Please check the form:")), items);
}

// Links to the page in the shop's other languages, each named in itself.
QString languageChoice(const Shop &shop, const Wording &wording)
{
    if (shop.languages.size() < 2)
        return {};
    QString links;
    for (const Language &language : languages()) {
        if (!shop.languages.contains(language.code))
            continue;
        if (language.code == wording.code())
            links += u"<strong lang=\"%1\" aria-current=\"page\">%2</strong>"_s.arg(language.code, esc(language.name));
        else
            links += u"<a href=\"/contact/%1?lang=%2\" lang=\"%2\" hreflang=\"%2\">%3</a>"_s.arg(
                esc(shop.slug), language.code, esc(language.name));
    }
    return u"<nav class=\"languages\" aria-label=\"%1\">%2</nav>\n"_s.arg(
        esc(wording.translate("Signpost::ContactPages", "Language")), links);
}

} // namespace

namespace {

// A browser sends no NUL characters, and no text stored may hold them: what
// a hostile client puts there is dropped.
QString withoutNul(QString text)
{
    return text.remove(QChar(0));
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
        values.insert(withoutNul(key), withoutNul(value));
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
            values.insert(withoutNul(part.name), withoutNul(QString::fromUtf8(part.data)));
        else if (!part.filename.isEmpty() || !part.data.isEmpty()) // a file field left empty sends neither
            files.append({QFileInfo(withoutNul(part.filename)).fileName().left(MaxFilenameLength),
                          part.contentType.isEmpty() ? u"application/octet-stream"_s : part.contentType, false, part.data});
    }
    return true;
}

QByteArray shopList(const QList<Shop> &shops, const Wording &wording)
{
    QString links;
    for (const Shop &shop : shops)
        links += u"<li><a href=\"/contact/%1\">%2</a></li>\n"_s.arg(esc(shop.slug), esc(shop.name));
    const QString title = wording.translate("Signpost::ContactPages", "Contact us");
    return page(title,
                u"<h1>%1</h1>\n<p>%2</p>\n<ul>\n%3</ul>"_s.arg(
                    esc(title), esc(wording.translate("Signpost::ContactPages", "Which shop is your question about?")), links),
                wording)
        .toUtf8();
}

namespace {

// The one-time token of a form: sent again with a double click or a refresh,
// so the server answers those with what the first post made. A form shown
// again with errors keeps the token it had.
// Files to send along (a photo of the damage, a receipt). A browser does not
// keep chosen files when the form comes back with an error: they are chosen
// again.
QString filesField(const QList<Error> &errors, const Wording &wording)
{
    return field(u"attachments"_s, wording.translate("Signpost::ContactPages", "Files (optional)"),
                 u"<input type=\"file\" $ATTRS multiple>"_s, errors,
                 wording.translate("Signpost::ContactPages", "Photos, receipts or documents: up to %1 together.")
                     .arg(wording.locale().formattedDataSize(AttachmentStore::MaxPublicUploadBytes, 0,
                                                             QLocale::DataSizeTraditionalFormat)));
}

QString tokenField(const QString &token)
{
    return u"<input type=\"hidden\" name=\"form_token\" value=\"%1\">\n"_s.arg(
        esc(token.isEmpty() ? Secrets::newToken() : token));
}

} // namespace

QByteArray form(const Shop &shop, const QList<Department> &departments, const Values &values,
                const QList<Error> &errors, const Wording &wording)
{
    // The words of the form, escaped where they go into markup (field()
    // escapes its label and hint itself).
    auto say = [&](const char *source) { return wording.translate("Signpost::ContactPages", source); };
    const QString chosen = values.value(u"department"_s);
    QString options = u"<option value=\"\">%1</option>"_s.arg(
        esc(say(QT_TRANSLATE_NOOP("Signpost::ContactPages", "Not sure \u2014 let us route it"))));
    for (const Department &department : departments) {
        const QString id = QString::number(department.id);
        options += u"<option value=\"%1\"%2>%3</option>"_s.arg(id, id == chosen ? u" selected"_s : QString(),
                                                               esc(department.publicLabelIn(wording.code())));
    }
    auto value = [&](const QString &key) { return esc(values.value(key)); };

    const QString title = wording.translate("Signpost::ContactPages", "Contact %1").arg(shop.name);
    QString body = languageChoice(shop, wording);
    body += u"<h1>%1</h1>\n"_s.arg(esc(title));
    body += summary(errors, wording);
    body += u"<form method=\"post\" action=\"/contact/%1\" enctype=\"multipart/form-data\" novalidate>\n"_s.arg(
        esc(shop.slug));
    body += u"<input type=\"hidden\" name=\"lang\" value=\"%1\">\n"_s.arg(wording.code());
    body += field(u"department"_s, say(QT_TRANSLATE_NOOP("Signpost::ContactPages", "What is it about?")),
                  u"<select $ATTRS>%1</select>"_s.arg(options), errors,
                  say(QT_TRANSLATE_NOOP("Signpost::ContactPages",
                                        "Choosing a department gets your message to the right team at once.")));
    body += field(u"name"_s, say(QT_TRANSLATE_NOOP("Signpost::ContactPages", "Your name")),
                  u"<input type=\"text\" $ATTRS autocomplete=\"name\" required maxlength=\"200\" value=\"%1\">"_s.arg(
                      value(u"name"_s)),
                  errors);
    body += field(u"email"_s, say(QT_TRANSLATE_NOOP("Signpost::ContactPages", "Your email address")),
                  u"<input type=\"email\" $ATTRS autocomplete=\"email\" required maxlength=\"254\" value=\"%1\">"_s.arg(
                      value(u"email"_s)),
                  errors);
    body += field(u"order_number"_s, say(QT_TRANSLATE_NOOP("Signpost::ContactPages", "Order number (optional)")),
                  u"<input type=\"text\" $ATTRS maxlength=\"64\" value=\"%1\">"_s.arg(value(u"order_number"_s)),
                  errors);
    body += field(u"subject"_s, say(QT_TRANSLATE_NOOP("Signpost::ContactPages", "Subject")),
                  u"<input type=\"text\" $ATTRS required maxlength=\"200\" value=\"%1\">"_s.arg(value(u"subject"_s)),
                  errors);
    body += field(u"message"_s, say(QT_TRANSLATE_NOOP("Signpost::ContactPages", "Message")),
                  u"<textarea $ATTRS required maxlength=\"20000\">%1</textarea>"_s.arg(value(u"message"_s)), errors);
    body += filesField(errors, wording);
    // Left empty by people, filled in by form-filling robots.
    body += u"<div class=\"trap\" aria-hidden=\"true\"><label for=\"website\">%1</label>"
            "<input type=\"text\" id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>\n"_s.arg(
                esc(say(QT_TRANSLATE_NOOP("Signpost::ContactPages", "Leave this empty"))));
    body += tokenField(values.value(u"form_token"_s));
    body += u"<button type=\"submit\">%1</button>\n</form>"_s.arg(
        esc(say(QT_TRANSLATE_NOOP("Signpost::ContactPages", "Send message"))));
    return page(title, body, wording).toUtf8();
}

QByteArray confirmation(const Shop &shop, qint64 ticketId, const QString &threadPath, const Wording &wording)
{
    // The sentences escaped first, the markup put into them after.
    auto say = [&](const char *source) { return esc(wording.translate("Signpost::ContactPages", source)); };
    const QString number = u"#"_s + QString::number(ticketId);
    // %1 and %2 open and close the link: the words between them are the
    // translation's.
    const QString body =
        u"<h1>%1</h1>\n<p role=\"status\">%2</p>\n<p>%3</p>"_s.arg(
            say(QT_TRANSLATE_NOOP("Signpost::ContactPages", "Thank you \u2014 we have your message")),
            say(QT_TRANSLATE_NOOP("Signpost::ContactPages", "Your ticket number is %1. %2 will get back to you."))
                .arg(u"<strong>"_s + number + u"</strong>"_s, esc(shop.name)),
            say(QT_TRANSLATE_NOOP("Signpost::ContactPages",
                                  "You can read the answers and write back on %1your ticket\u2019s page%2. Keep this "
                                  "link to yourself: anyone who has it can read your ticket."))
                .arg(u"<a href=\"%1\">"_s.arg(esc(threadPath)), u"</a>"_s));
    return page(wording.translate("Signpost::ContactPages", "Ticket %1").arg(number), body, wording).toUtf8();
}

QByteArray thread(const Ticket &ticket, const QString &shopName, const QString &threadPath,
                  const QList<Error> &errors, bool replied, const Wording &wording)
{
    const QLocale &locale = wording.locale();
    QString body = u"<h1>#%1 \u2014 %2</h1>\n"_s.arg(ticket.id).arg(esc(ticket.subject));
    if (!shopName.isEmpty())
        body += u"<p class=\"hint\">%1</p>\n"_s.arg(esc(shopName));
    if (replied)
        body += u"<p role=\"status\">%1</p>\n"_s.arg(
            esc(wording.translate("Signpost::ContactPages", "Your message was added. We will get back to you.")));
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
                         .arg(esc(file.filename), locale.formattedDataSize(file.size, 1, QLocale::DataSizeTraditionalFormat));
        if (!files.isEmpty())
            files = u"<ul class=\"files\">%1</ul>"_s.arg(files);
        // The time in UTC, said so: the server does not know the reader's zone.
        const QString when = locale.toString(
            at, wording.translate("Signpost::ContactPages", "d MMM yyyy, HH:mm 'UTC'",
                                  "a message's date and time, as a QDateTime format"));
        body += u"<section class=\"message%1\"><h2>%2</h2><p class=\"hint\"><time datetime=\"%3\">%4</time></p>"
                "<div>%5</div>%6</section>\n"_s.arg(reply ? u" reply"_s : QString(), esc(author),
                                                       isoFromMs(message.createdAt), esc(when), esc(text), files);
    }
    body += summary(errors, wording);
    body += u"<form method=\"post\" action=\"%1\" enctype=\"multipart/form-data\">\n"_s.arg(esc(threadPath));
    body += field(u"message"_s, wording.translate("Signpost::ContactPages", "Write back"),
                  u"<textarea $ATTRS required maxlength=\"20000\"></textarea>"_s, errors);
    body += filesField(errors, wording);
    body += tokenField({});
    body += u"<button type=\"submit\">%1</button>\n</form>"_s.arg(esc(wording.translate("Signpost::ContactPages", "Send")));
    return page(wording.translate("Signpost::ContactPages", "Ticket %1").arg(u"#"_s + QString::number(ticket.id)), body,
                wording)
        .toUtf8();
}

QByteArray notice(Notice which, const Wording &wording)
{
    struct Text
    {
        const char *title;
        const char *text;
    };
    static const QHash<Notice, Text> texts{
        {Notice::FormUnavailable,
         {QT_TRANSLATE_NOOP("Signpost::ContactPages", "Sorry"),
          QT_TRANSLATE_NOOP("Signpost::ContactPages", "The form cannot be shown just now. Please try again later.")}},
        {Notice::FormIncomplete,
         {QT_TRANSLATE_NOOP("Signpost::ContactPages", "Sorry"),
          QT_TRANSLATE_NOOP("Signpost::ContactPages", "The form did not arrive whole. Please send it again.")}},
        {Notice::TooManyMessages,
         {QT_TRANSLATE_NOOP("Signpost::ContactPages", "Please wait a moment"),
          QT_TRANSLATE_NOOP("Signpost::ContactPages", "We received several messages from you just now. Please wait a "
                                                      "few minutes before sending another.")}},
        {Notice::TooManyReplies,
         {QT_TRANSLATE_NOOP("Signpost::ContactPages", "Please wait a moment"),
          QT_TRANSLATE_NOOP("Signpost::ContactPages", "Please wait a few minutes before writing again.")}},
        {Notice::RobotThanked,
         {QT_TRANSLATE_NOOP("Signpost::ContactPages", "Thank you"),
          QT_TRANSLATE_NOOP("Signpost::ContactPages", "Your message was received.")}},
        {Notice::NotSaved,
         {QT_TRANSLATE_NOOP("Signpost::ContactPages", "Sorry"),
          QT_TRANSLATE_NOOP("Signpost::ContactPages", "Your message could not be saved. Please try again.")}},
        {Notice::NoSuchForm,
         {QT_TRANSLATE_NOOP("Signpost::ContactPages", "Not found"),
          QT_TRANSLATE_NOOP("Signpost::ContactPages", "There is no contact form here.")}},
        {Notice::LinkNotValid,
         {QT_TRANSLATE_NOOP("Signpost::ContactPages", "Link not valid"),
          QT_TRANSLATE_NOOP("Signpost::ContactPages", "This link is not valid. Use the link from your confirmation.")}},
        {Notice::NoSuchFile,
         {QT_TRANSLATE_NOOP("Signpost::ContactPages", "Not found"),
          QT_TRANSLATE_NOOP("Signpost::ContactPages", "There is no such file on this ticket.")}},
    };
    const Text text = texts.value(which);
    const QString title = wording.translate("Signpost::ContactPages", text.title);
    return page(title,
                u"<h1>%1</h1>\n<p role=\"alert\">%2</p>"_s.arg(
                    esc(title), esc(wording.translate("Signpost::ContactPages", text.text))),
                wording)
        .toUtf8();
}

} // namespace Signpost::ContactPages
