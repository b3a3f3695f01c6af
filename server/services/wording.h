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
//
// What agents read of the API (its refusals, what is wrong with a field) is
// in the language their desk asks for (Accept-Language), through
// QCoreApplication::translate, as the desk translates the same words of the
// shared core: the server installs one translator (installForRequests) that
// answers in the wording of the request being handled on this thread
// (Scope). Texts of the core (core/*.cpp) are in signpost-core_<code>.ts,
// shared with the desk.
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

    // While a Scope lives, QCoreApplication::translate on its thread speaks
    // `wording` (English outside any scope: logs, other threads). A scope
    // made from a request's Accept-Language negotiates it only when a text
    // is first asked for: a request that succeeds says nothing to translate.
    class Scope
    {
    public:
        explicit Scope(const Wording &wording);
        explicit Scope(QByteArray acceptLanguage);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;
        const Wording &wording() const;

    private:
        const Scope *m_previous;
        QByteArray m_acceptLanguage;
        mutable const Wording *m_wording;
    };
    // The wording of the innermost Scope on this thread (English outside):
    // for work the request hands to another thread or a later turn.
    static const Wording &current();
    // Once, after the application object exists.
    static void installForRequests();

private:
    // The translation, or a null string (the source then stands).
    QString translated(const char *context, const char *source, const char *disambiguation, int n) const;

    explicit Wording(const QString &code);

    QString m_code;
    QLocale m_locale;
    std::unique_ptr<QTranslator> m_translator; // the server's own texts
    std::unique_ptr<QTranslator> m_core;       // the core's, shared with the desk
};

} // namespace Signpost
