#include "core/quotedtext.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

// A line that begins the history, by what mail programs write there.
bool opensHistory(const QStringList &lines, qsizetype at)
{
    const QString line = lines[at].trimmed();
    static const QList<QRegularExpression> attributions{
        // "On Mon, 30 Nov 2026 at 10:12, Acme Support <…> wrote:" (also wrapped over two lines)
        // with a date in it, so a customer's own "on Monday I wrote:" stays
        QRegularExpression(u"^On\\s.*\\d.*\\swrote:$"_s),
        QRegularExpression(u"^Am\\s.*\\d.*\\sschrieb\\s.+:$"_s),
        QRegularExpression(u"^Den\\s.*\\d.*\\sskrev\\s.+:$"_s),
        QRegularExpression(u"^-{2,}\\s*(Original Message|Opprinnelig melding|Ursprüngliche Nachricht|"
                           "Forwarded message|Videresendt melding|Weitergeleitete Nachricht)\\s*-{2,}$"_s,
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(u"^_{20,}$"_s),
    };
    for (const QRegularExpression &attribution : attributions) {
        if (attribution.match(line).hasMatch())
            return true;
    }
    // "On … <address>" and "wrote:" on the next line.
    if (line.startsWith(u"On "_s) && at + 1 < lines.size() && lines[at + 1].trimmed().endsWith(u"wrote:"_s))
        return true;
    // Outlook's block: From: … then Sent:/Date: and Subject: within a few lines.
    static const QRegularExpression from(u"^(From|Fra|Von):\\s"_s);
    static const QRegularExpression sent(u"^(Sent|Sendt|Gesendet|Date|Dato|Datum):\\s"_s);
    if (from.match(line).hasMatch()) {
        for (qsizetype next = at + 1; next < lines.size() && next <= at + 4; ++next) {
            if (sent.match(lines[next].trimmed()).hasMatch())
                return true;
        }
    }
    // "> " lines to the end (blank lines between them allowed).
    if (line.startsWith(u'>')) {
        for (qsizetype next = at; next < lines.size(); ++next) {
            const QString rest = lines[next].trimmed();
            if (!rest.isEmpty() && !rest.startsWith(u'>'))
                return false;
        }
        return true;
    }
    return false;
}

} // namespace

QuotedText QuotedText::split(const QString &text)
{
    const QStringList lines = text.split(u'\n');
    for (qsizetype at = 0; at < lines.size(); ++at) {
        if (!opensHistory(lines, at))
            continue;
        QuotedText parts{lines.mid(0, at).join(u'\n').trimmed(), lines.mid(at).join(u'\n').trimmed()};
        // Nothing new above it: nothing to fold.
        if (parts.fresh.isEmpty())
            return {text, {}};
        return parts;
    }
    return {text, {}};
}

} // namespace Signpost
