#pragma once

#include "core/language.h"

#include <QLocale>
#include <QString>

namespace Signpost {

// The desk speaks Signpost's languages (core/language.h). The choice among
// them is the system's (an empty code), or one named by its code ("en",
// "nb", "de"), kept in the settings under "language".

// Loads the translation of `code` (empty: the system's languages, in the
// user's order of preference) into the application, with Qt's own for its
// standard dialogs. Returns the locale the desk now speaks, which also
// formats its dates and numbers; English when nothing else matched.
QLocale installTranslations(const QString &code);

// A moment as the desk shows it ("2 Dec 2026, 09:43"), in the language and
// the conventions of the locale it speaks.
QString shortDateTime(qint64 ms);

} // namespace Signpost
