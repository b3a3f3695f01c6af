#include "server/services/wording.h"

#include "core/language.h"
#include "server/logging.h"

#include <QHash>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Signpost {

Wording::Wording(const QString &code)
    : m_code(code)
    , m_locale(code)
{
    if (code == u"en")
        return;
    m_translator = std::make_unique<QTranslator>();
    if (!m_translator->load(u":/i18n/signpost-server_%1.qm"_s.arg(code))) {
        qCWarning(lcServer) << "No translation of the customers' pages into" << code << "is built in";
        m_translator.reset();
    }
}

Wording::~Wording() = default;

const Wording &Wording::of(const QString &code)
{
    static const QHash<QString, const Wording *> all = []() {
        QHash<QString, const Wording *> made;
        for (const Language &language : languages())
            made.insert(language.code, new Wording(language.code)); // for the process's life
        return made;
    }();
    return *all.value(languageCode(code), all.value(u"en"_s));
}

QString Wording::translate(const char *context, const char *source, const char *disambiguation, int n) const
{
    QString text = m_translator ? m_translator->translate(context, source, disambiguation, n) : QString();
    if (text.isEmpty())
        text = QString::fromUtf8(source);
    // %n filled in as QCoreApplication::translate does.
    if (n >= 0)
        text.replace(u"%n"_s, m_locale.toString(n));
    return text;
}

} // namespace Signpost
