// signpost-desk: the Signpost agent client.
#include "app/deskapplication.h"
#include "ui/language.h"
#include "ui/signindialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QUrl>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"signpost-desk"_s);
    QApplication::setApplicationDisplayName(u"Signpost"_s);
    QApplication::setOrganizationName(u"Signpost"_s);
    QApplication::setApplicationVersion(QStringLiteral(SIGNPOST_VERSION));
    QApplication::setDesktopFileName(u"signpost-desk"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/signpost-desk.svg"_s));
    // The language chosen under View > Language, else the system's.
    Signpost::installTranslations(QSettings().value(u"language"_s).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Signpost desktop client for helpdesk agents."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(u"server"_s, u"The Signpost server to sign in to."_s, u"url"_s);
    const QCommandLineOption demo(u"demo"_s,
                                  u"Start a local signpost-server with demo data and sign in as a demo agent."_s);
    parser.addOptions({server, demo});
    parser.process(app);

    const QUrl serverUrl = Signpost::SignInDialog::serverFromInput(parser.value(server));
    if (parser.isSet(server) && (!serverUrl.isValid() || serverUrl.host().isEmpty())) {
        fprintf(stderr, "signpost-desk: --server needs a URL such as https://help.example.com\n");
        return 1;
    }

    Signpost::DeskApplication desk;
    QObject::connect(&desk, &Signpost::DeskApplication::failed, &app, [&desk](const QString &message) {
        if (!desk.mainWindow() && !desk.signInDialog())
            QMessageBox::critical(nullptr, QApplication::applicationDisplayName(), message);
    });
    if (parser.isSet(demo))
        desk.startDemo();
    else
        desk.start(parser.isSet(server) ? serverUrl : QUrl());
    return app.exec();
}
