#pragma once

#include <QList>
#include <QLocale>
#include <QString>

namespace Signpost {

// The languages the desk speaks, and the choice among them: the system's
// (an empty code), or one named by its code ("en", "nb", "de"), kept in the
// settings under "language".
struct Language
{
    QString code;
    QString name; // in the language itself, as a language menu shows it
};

// English first, then the translations built into the desk.
QList<Language> deskLanguages();

// Loads the translation of `code` (empty: the system's languages, in the
// user's order of preference) into the application, with Qt's own for its
// standard dialogs. Returns the locale the desk now speaks, which also
// formats its dates and numbers; English when nothing else matched.
QLocale installTranslations(const QString &code);

// A moment as the desk shows it ("2 Dec 2026, 09:43"), in the language and
// the conventions of the locale it speaks.
QString shortDateTime(qint64 ms);

} // namespace Signpost
