#pragma once

#include <QLocale>
#include <QString>

#include <memory>

class QTranslator;

namespace Signpost {

// What customers read, in one of Signpost's languages (core/language.h):
// the contact form, the ticket page, what is wrong with what they sent, and
// acknowledgements. English is the source; the translations are
// translations/signpost-server_<code>.ts, kept with Qt Linguist and built
// into the server. Each request speaks its customer's language, so this is
// asked by name, never through the application's installed translators:
//
//     wording.translate("Signpost::ContactPages", "Your name")
//
// (lupdate reads that form, the context as it is written).
class Wording
{
public:
    // The wording of `code`; English for a code Signpost does not speak.
    // Loaded once and read from any thread.
    static const Wording &of(const QString &code);
    static const Wording &english() { return of(QStringLiteral("en")); }

    ~Wording();

    QString code() const { return m_code; }
    // Numbers, dates and sizes as the language writes them.
    const QLocale &locale() const { return m_locale; }

    QString translate(const char *context, const char *source, const char *disambiguation = nullptr,
                      int n = -1) const;

private:
    explicit Wording(const QString &code);

    QString m_code;
    QLocale m_locale;
    std::unique_ptr<QTranslator> m_translator;
};

} // namespace Signpost
