#include "server/services/wording.h"

#include "core/language.h"
#include "server/logging.h"

#include <QCoreApplication>
#include <QHash>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

thread_local const Wording::Scope *speaking = nullptr;

// QCoreApplication::translate in the wording of the request on this thread.
class RequestTranslator : public QTranslator
{
public:
    using QTranslator::QTranslator;
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *disambiguation, int n) const override
    {
        return speaking ? speaking->wording().translate(context, source, disambiguation, n) : QString();
    }
};

std::unique_ptr<QTranslator> loaded(const QString &file)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(file)) {
        qCWarning(lcServer) << "No translation" << file << "is built in";
        return nullptr;
    }
    return translator;
}

} // namespace

Wording::Wording(const QString &code)
    : m_code(code)
    , m_locale(code)
{
    if (code == u"en")
        return;
    m_translator = loaded(u":/i18n/signpost-server_%1.qm"_s.arg(code));
    m_core = loaded(u":/i18n/signpost-core_%1.qm"_s.arg(code));
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

QString Wording::translated(const char *context, const char *source, const char *disambiguation, int n) const
{
    for (const auto *translator : {m_translator.get(), m_core.get()}) {
        if (!translator)
            continue;
        if (QString text = translator->translate(context, source, disambiguation, n); !text.isEmpty())
            return text;
    }
    return {};
}

QString Wording::translate(const char *context, const char *source, const char *disambiguation, int n) const
{
    QString text = translated(context, source, disambiguation, n);
    if (text.isEmpty())
        text = QString::fromUtf8(source);
    // %n filled in as QCoreApplication::translate does.
    if (n >= 0)
        text.replace(u"%n"_s, m_locale.toString(n));
    return text;
}

Wording::Scope::Scope(const Wording &wording)
    : m_previous(std::exchange(speaking, this))
    , m_wording(&wording)
{
}

Wording::Scope::Scope(QByteArray acceptLanguage)
    : m_previous(std::exchange(speaking, this))
    , m_acceptLanguage(std::move(acceptLanguage))
    , m_wording(nullptr)
{
}

const Wording &Wording::Scope::wording() const
{
    if (!m_wording)
        m_wording = &of(negotiateLanguage(m_acceptLanguage, languageCodes()));
    return *m_wording;
}

Wording::Scope::~Scope()
{
    speaking = m_previous;
}

const Wording &Wording::current()
{
    return speaking ? speaking->wording() : english();
}

void Wording::installForRequests()
{
    // Asked before any request: English needs no translator, the others
    // are loaded once for the process's life.
    of(u"en"_s);
    QCoreApplication::installTranslator(new RequestTranslator(QCoreApplication::instance()));
}

} // namespace Signpost
