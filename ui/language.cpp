#include "ui/language.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Signpost {

QLocale installTranslations(const QString &code)
{
    static QTranslator *desk = nullptr;
    static QTranslator *core = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator *old : {desk, core, qt}) {
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }
    desk = core = qt = nullptr;

    // "nb" also answers a Norwegian system ("no", "nn"): Bokmål is what
    // the desk has.
    QLocale wanted = code.isEmpty() ? QLocale::system() : QLocale(code);
    if (wanted.language() == QLocale::NorwegianNynorsk)
        wanted = QLocale(QLocale::NorwegianBokmal, wanted.territory());
    auto translator = std::make_unique<QTranslator>();
    // English is the source: it needs no file, and it wins over a later
    // system language only when chosen or first in the user's list.
    const bool english = wanted.language() == QLocale::English
                         || (code.isEmpty() && QLocale::system().uiLanguages().value(0).startsWith(u"en"_s));
    if (english || !translator->load(wanted, u"signpost"_s, u"_"_s, u":/i18n"_s)) {
        // Dates and numbers as the system writes them, in English.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::system().territory()));
        return QLocale();
    }
    // Dates and numbers as the system's country writes them, in the language.
    const QLocale spoken(QLocale(translator->language()).language(), QLocale::system().territory());
    desk = translator.release();
    QCoreApplication::installTranslator(desk);
    // The core's words (a rule or an SLA policy that does not read), shared
    // with the server, which answers in the desk's language too.
    core = new QTranslator;
    if (core->load(spoken, u"signpost-core"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(core);
    // Qt's own strings (standard buttons, file dialogs); Qt has Nynorsk
    // where it has no Bokmål.
    qt = new QTranslator;
    const QString qtPath = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qt->load(spoken, u"qtbase"_s, u"_"_s, qtPath)
        || (spoken.language() == QLocale::NorwegianBokmal
            && qt->load(QLocale(QLocale::NorwegianNynorsk), u"qtbase"_s, u"_"_s, qtPath)))
        QCoreApplication::installTranslator(qt);
    QLocale::setDefault(spoken);
    return spoken;
}

QString shortDateTime(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace Signpost
