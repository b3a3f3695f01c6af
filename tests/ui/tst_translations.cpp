// Signpost's languages: every string the sources mark for translation (the
// desk's, what the server writes to customers and answers agents, and the
// core's, which both say) has a finished Norwegian
// Bokmål and German translation that keeps its placeholders and its
// shortcut key, and the desk loads them.
#include "ui/language.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace Signpost;

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    bool finished = true;
    QStringList forms; // one, or one per plural form
};

QList<Message> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"message"_s)
            messages.append(message);
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name"_s) {
            context = xml.readElementText();
        } else if (name == u"message"_s) {
            message = Message{context, {}, xml.attributes().value(u"numerus"_s) == u"yes"_s, true, {}};
        } else if (name == u"source"_s) {
            message.source = xml.readElementText();
        } else if (name == u"translation"_s) {
            message.finished = xml.attributes().value(u"type"_s).isEmpty();
            if (!message.numerus)
                message.forms = {xml.readElementText()};
        } else if (name == u"numerusform"_s) {
            message.forms.append(xml.readElementText());
        }
    }
    return xml.hasError() ? QList<Message>{} : messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression marker(u"%(?:[1-9]|n)"_s);
    QSet<QString> found;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

// The shortcut letter marked with a single '&' ("&&" is a literal one), or
// none.
QChar accelerator(const QString &text)
{
    const QString plain = QString(text).replace(u"&&"_s, QString());
    const qsizetype at = plain.indexOf(u'&');
    return at >= 0 && at + 1 < plain.size() ? plain.at(at + 1).toLower() : QChar();
}

// The contexts whose widgets share a window, and so their shortcut keys.
QString windowOf(const QString &context)
{
    return context == u"Signpost::TicketView"_s ? u"Signpost::MainWindow"_s : context;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStringInTheSourcesIsTranslated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("sources");
        QTest::addColumn<QString>("catalogue");
        QTest::addColumn<QString>("aContext"); // one the sources must have, as written
        QTest::addColumn<int>("atLeast");
        QTest::addColumn<bool>("plurals"); // whether the sources have a %n string
        const QStringList desk{u"app"_s, u"ui"_s, u"models"_s, u"sync"_s};
        for (const auto &[name, code] : {std::pair{"Norwegian Bokmål", u"nb"_s}, std::pair{"German", u"de"_s}}) {
            QTest::addRow("the desk, %s", name) << code << desk << u"signpost"_s << u"Signpost::MainWindow"_s << 300
                                                << true;
            QTest::addRow("the server, %s", name)
                << code << QStringList{u"server"_s} << u"signpost-server"_s << u"Signpost::ContactPages"_s << 150 << true;
            QTest::addRow("the core, %s", name)
                << code << QStringList{u"core"_s} << u"signpost-core"_s << u"Signpost::Routing"_s << 30 << false;
        }
    }

    // lupdate reads the sources as they are now: a string added without a
    // translation, or one whose English changed, fails here.
    void everyStringInTheSourcesIsTranslated()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, sources);
        QFETCH(QString, catalogue);
        QFETCH(QString, aContext);
        QFETCH(int, atLeast);
        QFETCH(bool, plurals);
        QTemporaryDir dir;
        const QString fresh = dir.filePath(u"fresh.ts"_s);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(SIGNPOST_SOURCE_DIR));
        // The language decides how many plural forms each %n string has.
        lupdate.start(QStringLiteral(SIGNPOST_LUPDATE),
                      QStringList{u"-no-obsolete"_s, u"-locations"_s, u"none"_s, u"-I"_s, u"."_s, u"-target-language"_s,
                                  language}
                          + sources + QStringList{u"-ts"_s, fresh});
        QVERIFY(lupdate.waitForFinished(120'000));
        QCOMPARE(lupdate.exitCode(), 0);
        const QList<Message> inSources = readTs(fresh);
        QVERIFY(inSources.size() > atLeast);
        QCOMPARE(std::any_of(inSources.cbegin(), inSources.cend(), [](const Message &m) { return m.numerus; }), plurals);
        // Contexts as they are looked up: lupdate saw the classes' namespace.
        QVERIFY(std::any_of(inSources.cbegin(), inSources.cend(),
                            [&](const Message &m) { return m.context == aContext; }));

        const QList<Message> translated =
            readTs(QStringLiteral(SIGNPOST_SOURCE_DIR "/translations/%1_%2.ts").arg(catalogue, language));
        QHash<QPair<QString, QString>, Message> byKey;
        for (const Message &message : translated)
            byKey.insert({message.context, message.source}, message);

        QStringList problems;
        // Shortcut keys, by window: the English's and the translation's.
        QHash<QString, QHash<QChar, QStringList>> englishKeys;
        QHash<QString, QHash<QChar, QStringList>> translatedKeys;
        for (const Message &wanted : inSources) {
            const auto it = byKey.constFind({wanted.context, wanted.source});
            const QString where = u"%1 \"%2\""_s.arg(wanted.context, wanted.source);
            if (it == byKey.cend()) {
                problems.append(u"not in the %1 file: %2"_s.arg(language, where));
                continue;
            }
            if (!it->finished || it->forms.isEmpty()
                || std::any_of(it->forms.cbegin(), it->forms.cend(), [](const QString &f) { return f.isEmpty(); })) {
                problems.append(u"not translated: %1"_s.arg(where));
                continue;
            }
            if (it->numerus && it->forms.size() != 2)
                problems.append(u"%1 plural forms, not 2: %2"_s.arg(it->forms.size()).arg(where));
            for (const QString &form : it->forms) {
                if (placeholders(form) != placeholders(wanted.source))
                    problems.append(u"placeholders differ: %1 -> \"%2\""_s.arg(where, form));
                if (accelerator(form).isNull() != accelerator(wanted.source).isNull())
                    problems.append(u"shortcut key lost or added: %1 -> \"%2\""_s.arg(where, form));
            }
            if (!accelerator(wanted.source).isNull()) {
                englishKeys[windowOf(wanted.context)][accelerator(wanted.source)].append(wanted.source);
                translatedKeys[windowOf(wanted.context)][accelerator(it->forms.first())].append(it->forms.first());
            }
        }
        // Two widgets of a window on one key: the key only moves between them.
        for (auto window = translatedKeys.cbegin(); window != translatedKeys.cend(); ++window) {
            for (auto key = window->cbegin(); key != window->cend(); ++key) {
                if (key->size() > 1 && englishKeys.value(window.key()).value(key.key()).size() < key->size())
                    problems.append(u"one shortcut key for %1 in %2"_s.arg(key->join(u", "_s), window.key()));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void theDeskSpeaksTheChosenLanguage()
    {
        QCOMPARE(installTranslations(u"nb"_s).language(), QLocale::NorwegianBokmal);
        QCOMPARE(QCoreApplication::translate("Signpost::MainWindow", "Sync now"), u"Synkroniser nå"_s);
        QCOMPARE(QCoreApplication::translate("Signpost::MainWindow", "%n tickets selected", nullptr, 1), u"1 sak valgt"_s);
        QCOMPARE(QCoreApplication::translate("Signpost::MainWindow", "%n tickets selected", nullptr, 3), u"3 saker valgt"_s);
        // Dates and numbers follow the language.
        QCOMPARE(QLocale().language(), QLocale::NorwegianBokmal);

        QCOMPARE(installTranslations(u"de"_s).language(), QLocale::German);
        QCOMPARE(QCoreApplication::translate("Signpost::MainWindow", "Sync now"), u"Jetzt synchronisieren"_s);
        QCOMPARE(QCoreApplication::translate("Signpost::Desk", "Internal note"), u"Interne Notiz"_s);
        // The core's words too (a rule tried in the Administration window).
        QCOMPARE(QCoreApplication::translate("Signpost::Routing", "Give at least one keyword, separated by commas."),
                 u"Geben Sie mindestens ein Stichwort an, mehrere durch Kommas getrennt."_s);
        QCOMPARE(QLocale().toString(1234.5, 'f', 1), u"1.234,5"_s);

        // English is the source: nothing to load, nothing translated.
        QCOMPARE(installTranslations(u"en"_s).language(), QLocale::English);
        QCOMPARE(QCoreApplication::translate("Signpost::MainWindow", "Sync now"), u"Sync now"_s);

        // A Nynorsk system gets Bokmål, the nearest the desk has.
        QCOMPARE(installTranslations(u"nn"_s).language(), QLocale::NorwegianBokmal);
        installTranslations(u"en"_s);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
