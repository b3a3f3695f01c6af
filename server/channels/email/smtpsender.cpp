#include "server/channels/email/smtpsender.h"

#include <curl/curl.h>

#include <cstring>
#include <mutex>

using namespace Qt::StringLiterals;

namespace Signpost {

QString toString(MailEndpoint::Security security)
{
    switch (security) {
    case MailEndpoint::Security::Tls: return u"tls"_s;
    case MailEndpoint::Security::StartTls: return u"starttls"_s;
    case MailEndpoint::Security::None: return u"none"_s;
    }
    return {};
}

bool securityFromString(const QString &text, MailEndpoint::Security &security)
{
    for (auto value : {MailEndpoint::Security::Tls, MailEndpoint::Security::StartTls, MailEndpoint::Security::None}) {
        if (text == toString(value)) {
            security = value;
            return true;
        }
    }
    return false;
}

namespace SmtpSender {

namespace {

struct Upload
{
    const QByteArray *data = nullptr;
    qsizetype offset = 0;
};

size_t readMessage(char *buffer, size_t size, size_t count, void *user)
{
    auto *upload = static_cast<Upload *>(user);
    const qsizetype left = upload->data->size() - upload->offset;
    const qsizetype chunk = std::min<qsizetype>(left, qsizetype(size * count));
    std::memcpy(buffer, upload->data->constData() + upload->offset, size_t(chunk));
    upload->offset += chunk;
    return size_t(chunk);
}

// One handle per worker thread: libcurl keeps the relay's connection open
// on it between messages.
struct Handle
{
    CURL *curl = curl_easy_init();
    ~Handle() { curl_easy_cleanup(curl); }
};

} // namespace

void initialise()
{
    static std::once_flag once;
    std::call_once(once, []() { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Result send(const MailEndpoint &relay, const QString &envelopeFrom, const QString &recipient,
            const QByteArray &message, int timeoutMs)
{
    initialise();
    thread_local Handle handle;
    CURL *curl = handle.curl;
    Result result;
    if (!curl) {
        result.answer = u"libcurl could not start."_s;
        return result;
    }
    curl_easy_reset(curl);
    const QByteArray scheme = relay.security == MailEndpoint::Security::Tls ? "smtps" : "smtp";
    const QByteArray url = scheme + "://" + relay.host.toUtf8() + ':' + QByteArray::number(relay.port);
    const QByteArray from = '<' + envelopeFrom.toUtf8() + '>';
    const QByteArray to = '<' + recipient.toUtf8() + '>';
    const QByteArray user = relay.username.toUtf8();
    const QByteArray password = relay.password.toUtf8();
    char error[CURL_ERROR_SIZE] = {};
    curl_slist *recipients = curl_slist_append(nullptr, to.constData());
    Upload upload{&message, 0};

    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_USE_SSL, relay.security == MailEndpoint::Security::None ? CURLUSESSL_NONE : CURLUSESSL_ALL);
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readMessage);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.size()));
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(std::min(timeoutMs, 15'000)));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(timeoutMs));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(recipients);

    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    result.code = int(reply);
    if (code == CURLE_OK) {
        result.outcome = Result::Outcome::Sent;
        return result;
    }
    // libcurl reports a refusal after DATA only as a "weird server reply";
    // the relay's code says whether to try again.
    result.answer = QString::fromUtf8(error[0] ? error : curl_easy_strerror(code));
    // Anything but a 5xx (a 4xx, no answer, a refused login or TLS) is tried
    // again later, with the reason shown meanwhile.
    result.outcome = reply >= 500 && reply < 600 ? Result::Outcome::Permanent : Result::Outcome::Temporary;
    if (reply > 0)
        result.answer = u"%1 (%2)"_s.arg(result.answer).arg(reply);
    return result;
}

} // namespace SmtpSender

} // namespace Signpost
