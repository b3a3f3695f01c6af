// signpost-desk's widgets driven like an agent would, against a real server:
// sign in, open a queue, reply, transfer through the dialog, a popup on push
// that opens its ticket, and the offline banner with the pending count.
#include "app/deskapplication.h"
#include "core/timestamps.h"
#include "models/roles.h"
#include "sync/syncengine.h"
#include "tests/support/worldtest.h"
#include "models/desk.h"
#include "ui/administrationwindow.h"
#include "ui/cannedreplieswindow.h"
#include "ui/cannedreplypicker.h"
#include "ui/dashboardwindow.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/outboxwindow.h"
#include "ui/signindialog.h"
#include "ui/ticketview.h"
#include "ui/toastpopup.h"
#include "ui/transferdialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDialog>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTableView>
#include <QSpinBox>
#include <QElapsedTimer>
#include <QTableWidget>
#include <QMenu>
#include <QMessageBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QWebSocket>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Signpost;
using namespace Signpost::Test;

// Stands in for the system's file opener: what the desk asked to open.
class FileOpener : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
    Q_INVOKABLE void open(const QUrl &url) { opened.append(url); }
};

class TestDeskUi : public WorldTest
{
    Q_OBJECT

    QPushButton *button(QWidget *parent, const QString &text)
    {
        const auto buttons = parent->findChildren<QPushButton *>();
        for (QPushButton *b : buttons) {
            // "&&" shows one "&"; a single "&" marks the mnemonic.
            QString shown = b->text().replace(u"&&"_s, u"\x01"_s).remove(u'&').replace(u'\x01', u'&');
            if (shown == text)
                return b;
        }
        return nullptr;
    }

    Desk &m_desk() { return *m_app->desk(); }

    // Starts the desk and signs in as Sam through the dialog, with the
    // keyboard (no keychain here, so every start asks).
    void startAndSignIn(const QString &email = QStringLiteral("sam@acme.example"),
                        const QString &password = QString::fromLatin1(TestWorld::Password))
    {
        m_app = std::make_unique<DeskApplication>();
        m_app->start(m_server->baseUrl());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->signInDialog() && m_app->signInDialog()->isVisible(), 10'000);
        SignInDialog *dialog = m_app->signInDialog();
        const auto edits = dialog->findChildren<QLineEdit *>();
        QCOMPARE(edits.size(), 3);
        QCOMPARE(edits[0]->text(), m_server->baseUrl().toString());
        edits[1]->clear();
        QTest::keyClicks(edits[1], email);
        QTest::keyClicks(edits[2], password);
        QTest::keyClick(edits[2], Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->mainWindow() != nullptr, 15'000);
        m_window = m_app->mainWindow();
        QTRY_COMPARE_WITH_TIMEOUT(m_app->engine()->state(), SyncEngine::State::Live, 15'000);
    }

    // The admin signed in, the Administration window open with the
    // helpdesk's departments read; null (the test failed) otherwise.
    AdministrationWindow *openAdministration()
    {
        m_app.reset();
        startAndSignIn(QString::fromLatin1(TestServer::AdminEmail), QString::fromLatin1(TestServer::AdminPassword));
        if (QTest::currentTestFailed())
            return nullptr;
        m_window->showAdministration();
        AdministrationWindow *admin = m_window->administrationWindow();
        if (!QTest::qWaitFor([admin]() {
                return admin && admin->isVisible() && admin->findChild<QListWidget *>(u"departments"_s)->count() >= 2;
            }, 15'000)) {
            QTest::qFail("The Administration window did not open with the departments", __FILE__, __LINE__);
            return nullptr;
        }
        return admin;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A home of its own: settings and caches of a run beside this one
        // (ctest -j) are not this run's to clear.
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        QStandardPaths::setTestModeEnabled(true);
        // The desk in English whatever this machine's language, and so the
        // server's messages it asks for.
        installTranslations(u"en"_s);
        QVERIFY(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation).startsWith(m_home.path()));
    }
    void init()
    {
        // Replies are mailed, into a pickup directory instead of a relay.
        m_mailDrop = std::make_unique<QTemporaryDir>();
        QVERIFY2(startWorld({u"--test-hooks"_s, u"--mail-drop"_s, m_mailDrop->path()}), qPrintable(m_error));
        m_tickets.clear();
        for (int i = 0; i < 3; ++i)
            m_tickets.append(m_world.intake(*m_api, m_world.support, u"Question %1"_s.arg(i), u"c%1@example.com"_s.arg(i)));
        QVERIFY(!m_tickets.contains(0));
        QSettings().clear(); // no account remembered from the last test
        // Nor its cache (a server on the same port would find it again).
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        QSettings().setValue(u"undoSendSeconds"_s, 0); // sends go at once unless a test says otherwise
        startAndSignIn();
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queueView()->model()->rowCount(), 3, 15'000);
    }

    void cleanup()
    {
        m_app.reset();
        QVERIFY(stopWorld());
        // Nothing asked the application to quit outside exec(): that leaves
        // the quit flag set, and every later nested event loop (a
        // QSignalSpy::wait) returns at once.
        QEventLoop probe;
        QTimer::singleShot(0, &probe, [&probe]() { probe.exit(7); });
        QCOMPARE(probe.exec(), 7);
    }

    void signInShowsTheDepartmentsQueue()
    {
        QCOMPARE(m_window->departmentList()->model()->rowCount(), 1);
        QCOMPARE(m_window->departmentList()->currentIndex().data().toString(), u"Support"_s);
        QCOMPARE(m_window->departmentList()->currentIndex().data(NewCountRole).toInt(), 3);
        QVERIFY(m_window->connectionLabel()->text().contains(u"Live"_s));
        QVERIFY(!m_window->connectionBanner()->isVisible());
    }

    // The desk as it really starts: QApplication::exec() runs, the agent signs
    // in through the dialog, works, signs out and in again, and the
    // application is still running at the end (it used to quit with 0 when
    // the dialog closed).
    void signInThroughTheRealEventLoopKeepsTheAppRunning()
    {
        m_app.reset();
        QSettings().clear();
        DeskApplication desk;
        desk.start(m_server->baseUrl());
        int stage = 0;
        auto fillIn = [&desk]() {
            const auto edits = desk.signInDialog()->findChildren<QLineEdit *>();
            edits[1]->clear();
            QTest::keyClicks(edits[1], u"sam@acme.example"_s);
            edits[2]->clear();
            QTest::keyClicks(edits[2], QString::fromLatin1(TestWorld::Password));
            QTest::keyClick(edits[2], Qt::Key_Return);
        };
        auto live = [&desk]() {
            return desk.mainWindow() && desk.mainWindow()->isVisible() && desk.engine()
                   && desk.engine()->state() == SyncEngine::State::Live;
        };
        QTimer driver;
        driver.setInterval(50);
        connect(&driver, &QTimer::timeout, this, [&]() {
            const bool dialogShown = desk.signInDialog() && desk.signInDialog()->isVisible();
            if ((stage == 0 || stage == 2) && dialogShown) {
                fillIn();
                ++stage;
            } else if (stage == 1 && live()) {
                Q_EMIT desk.mainWindow()->signOutRequested(); // File > Sign out
                stage = 2;
            } else if (stage == 3 && live()) {
                stage = 4;
                // Still running a while later: then the test ends it.
                QTimer::singleShot(500, &driver, []() { QApplication::exit(42); });
            }
        });
        // The guard ends with this test: exit() with no exec() running would
        // leave the quit flag set, and every later nested event loop
        // (QSignalSpy::wait) would return at once.
        QTimer guard;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, this, []() { QApplication::exit(99); });
        guard.start(45'000);
        driver.start();
        const int code = QApplication::exec();
        QCOMPARE(stage, 4);
        QCOMPARE(code, 42);
        QVERIFY(desk.mainWindow() && desk.mainWindow()->isVisible());
    }

    // The address as typed becomes https://; plain http beyond this machine
    // is said out loud before a password goes; a server that accepts and
    // never answers can be given up on with Cancel.
    void signInDialogGuardsThePasswordAndCanBeCancelled()
    {
        QCOMPARE(SignInDialog::serverFromInput(u" help.example.com "_s), QUrl(u"https://help.example.com"_s));
        QCOMPARE(SignInDialog::serverFromInput(u"http://10.0.0.5:8080"_s), QUrl(u"http://10.0.0.5:8080"_s));
        QVERIFY(SignInDialog::isInsecure(QUrl(u"http://10.0.0.5:8080"_s)));
        QVERIFY(SignInDialog::isInsecure(QUrl(u"http://help.example.com"_s)));
        QVERIFY(!SignInDialog::isInsecure(QUrl(u"http://127.0.0.1:8080"_s)));
        QVERIFY(!SignInDialog::isInsecure(QUrl(u"http://localhost:8080"_s)));
        QVERIFY(!SignInDialog::isInsecure(QUrl(u"https://help.example.com"_s)));

        // A server that accepts the connection and never says a word.
        QTcpServer hung;
        QVERIFY(hung.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&hung, &QTcpServer::newConnection, this, [&]() { held.append(hung.nextPendingConnection()); });

        m_app.reset();
        QSettings().clear();
        m_app = std::make_unique<DeskApplication>();
        m_app->start(QUrl(u"http://192.0.2.10:8080"_s));
        QTRY_VERIFY(m_app->signInDialog() && m_app->signInDialog()->isVisible());
        SignInDialog *dialog = m_app->signInDialog();
        QSignalSpy asked(dialog, &SignInDialog::signInRequested);
        const auto edits = dialog->findChildren<QLineEdit *>();
        QTest::keyClicks(edits[1], u"sam@acme.example"_s);
        QTest::keyClicks(edits[2], QString::fromLatin1(TestWorld::Password));
        QTest::keyClick(edits[2], Qt::Key_Return);
        auto *warning = dialog->findChild<QLabel *>(u"insecureWarning"_s);
        QVERIFY(warning && warning->isVisible());
        QVERIFY(warning->text().contains(u"not encrypted"_s));
        QCOMPARE(asked.size(), 0); // nothing sent yet
        QVERIFY(button(dialog, u"Sign in anyway"_s));

        // To the hung server on this machine: no warning, then Cancel.
        edits[0]->clear();
        QTest::keyClicks(edits[0], u"http://127.0.0.1:%1"_s.arg(hung.serverPort()));
        QVERIFY(!warning->isVisible());
        QTest::keyClick(edits[2], Qt::Key_Return);
        QCOMPARE(asked.size(), 1);
        QTRY_COMPARE(held.size(), 1);
        QVERIFY(dialog->isBusy());
        QTest::mouseClick(button(dialog, u"Cancel"_s), Qt::LeftButton);
        QVERIFY(!dialog->isBusy());
        QVERIFY(dialog->isVisible()); // still there to try again, the desk still running
        QVERIFY(m_app->mainWindow() == nullptr);

        // And the real server after that.
        edits[0]->setFocus(); // the agent clicks into the field
        edits[0]->clear();
        QTest::keyClicks(edits[0], m_server->baseUrl().toString());
        QTest::keyClick(edits[2], Qt::Key_Return);
        QCOMPARE(asked.size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->mainWindow() != nullptr, 15'000);
        m_window = m_app->mainWindow();
        QTRY_COMPARE_WITH_TIMEOUT(m_app->engine()->state(), SyncEngine::State::Live, 15'000);
        qDeleteAll(held);
    }

    void wrongPasswordIsSaidPlainly()
    {
        DeskApplication other;
        other.start(m_server->baseUrl());
        QTRY_VERIFY_WITH_TIMEOUT(other.signInDialog() && other.signInDialog()->isVisible(), 10'000);
        const auto edits = other.signInDialog()->findChildren<QLineEdit *>();
        edits[1]->clear();
        QTest::keyClicks(edits[1], u"sam@acme.example"_s);
        QTest::keyClicks(edits[2], u"wrong-password"_s);
        QTest::keyClick(edits[2], Qt::Key_Return);
        const auto labels = other.signInDialog()->findChildren<QLabel *>();
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(labels.begin(), labels.end(), [](QLabel *l) {
                                     return l->isVisible() && l->text().contains(u"not right"_s);
                                 }),
                                 10'000);
        QVERIFY(other.mainWindow() == nullptr);
    }

    // A customer's mail with files: the thread lists them; a click fetches
    // one with the agent's token and hands it to the system's opener; once
    // opened it opens offline too.
    void attachmentsOpenFromTheThreadAndOffline()
    {
        QFile corpus(QStringLiteral(SIGNPOST_SOURCE_DIR "/tests/data/mail/07-returns-applemail-inline-image-pdf.eml"));
        QVERIFY(corpus.open(QIODevice::ReadOnly));
        const QByteArray raw = corpus.readAll().replace("To: returns@acme.example", "To: support@acme.example");
        const Response taken = m_api->send("POST", u"/api/v1/mail/inbound"_s, raw, "message/rfc822", m_world.token(u"admin"_s));
        QCOMPARE(taken.status, 201);
        const qint64 id = taken.json()[u"ticket"_s].toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(m_app->desk()->ticket(id).has_value(), 15'000);
        m_window->openTicket(id);
        TicketView *view = m_window->ticketView();
        QTRY_VERIFY_WITH_TIMEOUT(view->thread()->toPlainText().contains(u"📎 Kvittering ø.pdf"_s), 15'000);
        const QList<AttachmentRef> files = m_app->desk()->ticket(id)->messages.first().attachments;
        QCOMPARE(files.size(), 2);
        const AttachmentRef pdf = files[1];
        QCOMPARE(pdf.contentType, u"application/pdf"_s);

        FileOpener opener;
        QDesktopServices::setUrlHandler(u"file"_s, &opener, "open");
        auto cleanupOpener = qScopeGuard([]() { QDesktopServices::unsetUrlHandler(u"file"_s); });
        Q_EMIT view->thread()->anchorClicked(QUrl(u"attachment:%1"_s.arg(pdf.id)));
        QTRY_COMPARE_WITH_TIMEOUT(opener.opened.size(), 1, 15'000);
        QFile opened(opener.opened.first().toLocalFile());
        QVERIFY(opened.open(QIODevice::ReadOnly));
        const QByteArray bytes = opened.readAll();
        QCOMPARE(bytes.size(), pdf.size);
        QVERIFY(bytes.startsWith("%PDF"));
        QCOMPARE(m_api->get(u"/api/v1/attachments/%1"_s.arg(pdf.id), m_world.token(u"sam"_s)).body, bytes);

        // The server gone: the copy opens.
        m_server->kill();
        QTRY_VERIFY_WITH_TIMEOUT(m_app->engine()->state() != SyncEngine::State::Live, 15'000);
        Q_EMIT view->thread()->anchorClicked(QUrl(u"attachment:%1"_s.arg(pdf.id)));
        QTRY_COMPARE_WITH_TIMEOUT(opener.opened.size(), 2, 15'000);
        QCOMPARE(opener.opened[1], opener.opened[0]);
        // Never opened before, so not there offline: said so, nothing opened.
        QSignalSpy said(view, &TicketView::statusMessage);
        Q_EMIT view->thread()->anchorClicked(QUrl(u"attachment:%1"_s.arg(files[0].id)));
        QTRY_VERIFY_WITH_TIMEOUT(!said.isEmpty() && said.last().first().toString().contains(u"could not be opened"_s),
                                 15'000);
        QCOMPARE(opener.opened.size(), 2);
    }

    // A reply by mail shows the customer's new words; the history below
    // them is folded and opens with a click.
    void quotedHistoryIsFolded()
    {
        QFile corpus(QStringLiteral(SIGNPOST_SOURCE_DIR "/tests/data/mail/05-reply-gmail-alternative.eml"));
        QVERIFY(corpus.open(QIODevice::ReadOnly));
        const Response taken = m_api->send("POST", u"/api/v1/mail/inbound"_s, corpus.readAll(), "message/rfc822",
                                           m_world.token(u"admin"_s));
        QCOMPARE(taken.status, 201);
        const qint64 id = taken.json()[u"ticket"_s].toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(m_app->desk()->ticket(id).has_value(), 15'000);
        m_window->openTicket(id);
        QTextBrowser *thread = m_window->ticketView()->thread();
        QTRY_VERIFY_WITH_TIMEOUT(thread->toPlainText().contains(u"Thanks for checking"_s), 15'000);
        QVERIFY(!thread->toPlainText().contains(u"wrote:"_s));
        QVERIFY(thread->toPlainText().contains(u"show the quoted text"_s));
        const qint64 message = m_app->desk()->ticket(id)->messages.first().id;
        Q_EMIT thread->anchorClicked(QUrl(u"fold:%1"_s.arg(message)));
        QVERIFY(thread->toPlainText().contains(u"On Mon, 30 Nov 2026 at 10:12"_s));
        QVERIFY(thread->toPlainText().contains(u"Hide the quoted text"_s));
        Q_EMIT thread->anchorClicked(QUrl(u"fold:%1"_s.arg(message)));
        QVERIFY(!thread->toPlainText().contains(u"wrote:"_s));
    }

    // A customer written to in German: the agent sees so with the customer.
    void theCustomersLanguageIsShownWithThem()
    {
        const QString admin = m_world.token(u"admin"_s);
        QCOMPARE(m_api->patch(u"/api/v1/shops/%1"_s.arg(m_world.shop), {{u"languages"_s, QJsonArray{u"en"_s, u"de"_s}}},
                              admin).status,
                 200);
        const Response made = m_api->post(u"/api/v1/public/intake"_s,
                                          {{u"shop"_s, m_world.shop}, {u"name"_s, u"Jörg Weber"_s},
                                           {u"email"_s, u"jorg@example.de"_s}, {u"subject"_s, u"Lampe kaputt"_s},
                                           {u"message"_s, u"Die Lampe flackert."_s}, {u"language"_s, u"de"_s},
                                           {u"department"_s, m_world.support}});
        QCOMPARE(made.status, 201);
        const qint64 id = made.json()[u"ticket"_s].toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(m_app->desk()->ticket(id).has_value(), 15'000);
        QCOMPARE(m_app->desk()->ticket(id)->customer.language, u"de"_s);
        // Whatever this machine's language: the desk speaks English here.
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const auto restore = qScopeGuard([&before]() { QLocale::setDefault(before); });
        m_window->openTicket(id);
        auto customerText = [this](const QString &email) {
            for (const QLabel *label : m_window->ticketView()->findChildren<QLabel *>()) {
                if (label->text().contains(email))
                    return label->text();
            }
            return QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(customerText(u"jorg@example.de"_s).contains(u"Language: Deutsch"_s), 5'000);
        // A customer in the desk's own language: nothing to say.
        QCOMPARE(m_app->desk()->ticket(m_tickets[0])->customer.language, u"en"_s);
        m_window->openTicket(m_tickets[0]);
        QTRY_VERIFY_WITH_TIMEOUT(!customerText(u"c0@example.com"_s).isEmpty(), 5'000);
        QVERIFY(!customerText(u"c0@example.com"_s).contains(u"Language:"_s));
    }

    void replyFromTheTicketView()
    {
        m_window->openTicket(m_tickets[1]);
        TicketView *view = m_window->ticketView();
        QCOMPARE(view->ticketId(), m_tickets[1]);
        QVERIFY(view->thread()->toPlainText().contains(u"Please help with order 42."_s));
        QCOMPARE(view->senderPreview()->text(), u"From: Support at Acme"_s);
        QTest::keyClicks(view->editor(), u"We are on it."_s);
        QPushButton *send = button(view, u"Send reply"_s);
        QVERIFY(send);
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY(view->editor()->toPlainText().isEmpty());
        // Shown at once, sent in the background.
        QVERIFY(view->thread()->toPlainText().contains(u"We are on it."_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_app->engine()->pendingCount(), 0, 15'000);
        const QJsonArray messages = m_api->get(u"/api/v1/tickets/%1"_s.arg(m_tickets[1]), m_world.token(u"sue"_s))
                                        .json().value(u"messages"_s).toArray();
        QCOMPARE(messages.last().toObject().value(u"body"_s).toString(), u"We are on it."_s);
        QCOMPARE(messages.last().toObject().value(u"sender_name"_s).toString(), u"Support at Acme"_s);
        // Mailed to the customer, and the desk hears of it on the reply and
        // in the history.
        QTRY_VERIFY_WITH_TIMEOUT(view->thread()->toPlainText().contains(u"✉ mailed"_s), 15'000);
        QVERIFY(view->thread()->toPlainText().contains(u"The reply was mailed to c1@example.com"_s));
        const QStringList mailed = QDir(m_mailDrop->path()).entryList({u"*.eml"_s});
        QCOMPARE(mailed.size(), 1);
        QFile mail(QDir(m_mailDrop->path()).filePath(mailed.first()));
        QVERIFY(mail.open(QIODevice::ReadOnly));
        const QByteArray content = mail.readAll();
        QVERIFY(content.contains("From: Support at Acme <support@acme.example>"));
        QVERIFY(content.contains("We are on it."));

        // The shop gives the department its own name: the desk hears of it
        // and shows the From its customers will see.
        QCOMPARE(m_api->put(u"/api/v1/departments/%1/mail"_s.arg(m_world.support),
                            {{u"shop"_s, m_world.shop}, {u"sender_name"_s, u"Acme Outdoor Support"_s}},
                            m_world.token(u"admin"_s)).status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->desk()->department(m_world.support)->senderNameFor(m_world.shop),
                                  u"Acme Outdoor Support"_s, 15'000);
        m_window->openTicket(m_tickets[2]);
        QCOMPARE(view->senderPreview()->text(), u"From: Acme Outdoor Support"_s);
    }

    // What an agent writes stays theirs: switching tickets, a colleague
    // solving the ticket meanwhile, and a restart of the desk keep it.
    void draftsSurviveSwitchingAColleagueAndARestart()
    {
        m_window->openTicket(m_tickets[0]);
        QTest::keyClicks(m_window->ticketView()->editor(), u"Half a reply about the parcel"_s);
        m_window->openTicket(m_tickets[1]);
        QVERIFY(m_window->ticketView()->editor()->toPlainText().isEmpty());
        m_window->ticketView()->setNoteMode(true);
        QTest::keyClicks(m_window->ticketView()->editor(), u"Note to self"_s);
        m_window->openTicket(m_tickets[0]);
        QCOMPARE(m_window->ticketView()->editor()->toPlainText(), u"Half a reply about the parcel"_s);
        QVERIFY(!m_window->ticketView()->noteMode());
        m_window->openTicket(m_tickets[1]);
        QVERIFY(m_window->ticketView()->noteMode());
        QCOMPARE(m_window->ticketView()->editor()->toPlainText(), u"Note to self"_s);

        // The queue marks both.
        auto hasDraft = [this](qint64 ticketId) {
            TicketQueueModel &queue = m_app->desk()->queue();
            for (int row = 0; row < queue.rowCount(); ++row) {
                if (queue.index(row, 0).data(TicketIdRole).toLongLong() == ticketId)
                    return queue.index(row, TicketQueueModel::Subject).data(HasDraftRole).toBool();
            }
            return false;
        };
        QTRY_VERIFY(hasDraft(m_tickets[0]) && hasDraft(m_tickets[1]));
        QVERIFY(!hasDraft(m_tickets[2]));

        // A colleague solves the first while it is being written on: it
        // leaves the queue, and the desk stays on it with the text.
        m_window->openTicket(m_tickets[0]);
        const qint64 version = m_api->get(u"/api/v1/tickets/%1"_s.arg(m_tickets[0]), m_world.token(u"sue"_s))
                                   .json().value(u"version"_s).toInteger();
        QCOMPARE(m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, m_tickets[0]}, {u"base_version"_s, version},
                                                   {u"type"_s, u"status"_s}, {u"status"_s, u"solved"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->desk()->ticket(m_tickets[0])->status == TicketStatus::Solved, 15'000);
        QTRY_VERIFY(m_app->desk()->queue().rowOf(m_tickets[0]) < 0);
        QCOMPARE(m_window->ticketView()->ticketId(), m_tickets[0]);
        QCOMPARE(m_window->ticketView()->editor()->toPlainText(), u"Half a reply about the parcel"_s);

        // A restart: the same account's cache, and the drafts are there.
        m_app.reset();
        startAndSignIn();
        if (QTest::currentTestFailed())
            return;
        m_window->openTicket(m_tickets[0]);
        QCOMPARE(m_window->ticketView()->editor()->toPlainText(), u"Half a reply about the parcel"_s);
        m_window->openTicket(m_tickets[1]);
        QCOMPARE(m_window->ticketView()->editor()->toPlainText(), u"Note to self"_s);
        QVERIFY(m_window->ticketView()->noteMode());

        // Sent, the draft is gone.
        QTest::mouseClick(button(m_window->ticketView(), u"Add internal note"_s), Qt::LeftButton);
        QVERIFY(m_window->ticketView()->editor()->toPlainText().isEmpty());
        QVERIFY(!m_app->desk()->draft(m_tickets[1]).has_value());
        QTRY_COMPARE_WITH_TIMEOUT(m_app->engine()->pendingCount(), 0, 15'000);
    }

    // A note can't go to the customer by mistake: the modes differ in every
    // way shown, and a send can be taken back for a few seconds.
    void replyAndNoteAreTwoModesAndASendCanBeUndone()
    {
        TicketView *view = m_window->ticketView();
        m_window->openTicket(m_tickets[2]);
        // A new ticket's status reads "New", which the list does not offer.
        const auto combos = view->findChildren<QComboBox *>();
        const auto status = std::find_if(combos.cbegin(), combos.cend(),
                                         [](QComboBox *box) { return box->toolTip().startsWith(u"Status"_s); });
        QVERIFY(status != combos.cend());
        QCOMPARE((*status)->findData(u"new"_s), -1);
        QCOMPARE((*status)->currentIndex(), -1);
        QCOMPARE((*status)->placeholderText(), u"New"_s);
        QVERIFY(button(view, u"Send reply"_s));
        QCOMPARE(view->senderPreview()->text(), u"From: Support at Acme"_s);
        view->focusNote();
        QVERIFY(view->noteMode());
        QVERIFY(button(view, u"Add internal note"_s));
        QVERIFY(!button(view, u"Send reply"_s)); // one button, saying what it sends
        QCOMPARE(view->senderPreview()->text(), u"Not sent to the customer"_s);

        m_app->desk()->setUndoDelay(std::chrono::seconds(30));
        QTest::keyClicks(view->editor(), u"Check the stock first"_s);
        QTest::mouseClick(button(view, u"Add internal note"_s), Qt::LeftButton);
        QVERIFY(view->heldBanner()->isVisible());
        QVERIFY(view->heldBanner()->text().contains(u"note"_s));
        QVERIFY(view->editor()->toPlainText().isEmpty());
        QVERIFY(!view->editor()->isEnabled());
        QCOMPARE(m_app->engine()->pendingCount(), 0); // nothing has gone anywhere

        QTest::mouseClick(button(view, u"Undo"_s), Qt::LeftButton);
        QVERIFY(!view->heldBanner()->isVisible());
        QCOMPARE(view->editor()->toPlainText(), u"Check the stock first"_s);
        QVERIFY(view->noteMode());
        QCOMPARE(m_app->engine()->pendingCount(), 0);

        // Sent for real after the pause: a note on the server, not a reply.
        m_app->desk()->setUndoDelay(std::chrono::milliseconds(300));
        QTest::mouseClick(button(view, u"Add internal note"_s), Qt::LeftButton);
        QVERIFY(view->heldBanner()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!view->heldBanner()->isVisible(), 5'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->engine()->pendingCount(), 0, 15'000);
        const QJsonArray messages = m_api->get(u"/api/v1/tickets/%1"_s.arg(m_tickets[2]), m_world.token(u"sue"_s))
                                        .json().value(u"messages"_s).toArray();
        QCOMPARE(messages.last().toObject().value(u"body"_s).toString(), u"Check the stock first"_s);
        QCOMPARE(messages.last().toObject().value(u"kind"_s).toString(), u"note"_s);
        QVERIFY(view->editor()->isEnabled());
        QVERIFY(view->editor()->toPlainText().isEmpty());
    }

    // The thread opens at the newest message, and keeps the agent's place
    // when something changes (elsewhere, or on this ticket).
    void theThreadKeepsItsPlace()
    {
        auto note = [this](qint64 ticket, const QString &body) {
            QCOMPARE(m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, ticket},
                                                       {u"base_version"_s, m_world.version(*m_api, ticket)},
                                                       {u"type"_s, u"note"_s}, {u"body"_s, body}})
                         .value(u"outcome"_s).toString(), u"applied"_s);
        };
        QStringList lines;
        for (int i = 0; i < 40; ++i)
            lines.append(u"Line %1 of a long story about a parcel."_s.arg(i));
        for (int i = 0; i < 4; ++i)
            note(m_tickets[0], lines.join(u'\n'));
        QTRY_COMPARE_WITH_TIMEOUT(m_app->desk()->ticket(m_tickets[0])->messages.size(), 5, 15'000);

        m_window->openTicket(m_tickets[0]);
        QScrollBar *bar = m_window->ticketView()->thread()->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());

        // Scrolled up to read; another ticket changes; then this one.
        bar->setValue(bar->maximum() / 2);
        const int place = bar->value();
        note(m_tickets[1], u"Elsewhere"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->desk()->ticket(m_tickets[1])->messages.size(), 2, 15'000);
        QTest::qWait(100); // the desk's refresh after a sync page
        QCOMPARE(bar->value(), place);
        note(m_tickets[0], u"A colleague adds a line"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->ticketView()->thread()->toPlainText().contains(u"A colleague adds a line"_s),
                                 15'000);
        QCOMPARE(bar->value(), place);

        // At the newest message, a new one stays in view. Scrolled there as
        // the agent would (an action, not a bare value: the document may
        // still be laying itself out, and the range grow after).
        bar->triggerAction(QAbstractSlider::SliderToMaximum);
        note(m_tickets[0], u"And one more"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->ticketView()->thread()->toPlainText().contains(u"And one more"_s), 15'000);
        QCOMPARE(bar->value(), bar->maximum());
    }

    // One shortcut per action and no Alt+letter given twice; the list in
    // Help is the menus' own; Ctrl+G goes to a ticket by its number.
    void everyActionHasItsOwnKeys()
    {
        const auto shortcuts = m_window->shortcuts();
        QSet<QString> keys;
        QStringList names;
        for (const auto &[name, sequence] : shortcuts) {
            QVERIFY2(!keys.contains(sequence.toString()), qPrintable(sequence.toString() + u" twice"_s));
            keys.insert(sequence.toString());
            names.append(name);
        }
        for (const QString &wanted : {u"Set status…"_s, u"Set priority…"_s, u"Assign to…"_s, u"Send"_s,
                                      u"Send and set pending"_s, u"Write an internal note"_s, u"Undo send"_s,
                                      u"Go to ticket…"_s, u"Keyboard shortcuts"_s})
            QVERIFY2(names.contains(wanted), qPrintable(wanted));

        QHash<QChar, QString> mnemonics;
        auto note = [&](const QString &text) {
            const qsizetype at = text.indexOf(QRegularExpression(u"&[^&]"_s));
            if (at < 0)
                return;
            const QChar letter = text.at(at + 1).toLower();
            QVERIFY2(!mnemonics.contains(letter),
                     qPrintable(u"Alt+%1: %2 and %3"_s.arg(letter).arg(mnemonics.value(letter), text)));
            mnemonics.insert(letter, text);
        };
        for (QAction *menu : m_window->menuBar()->actions())
            note(menu->text());
        m_window->openTicket(m_tickets[0]);
        for (QAbstractButton *b : m_window->findChildren<QAbstractButton *>()) {
            if (b->isVisible())
                note(b->text());
        }
        if (QTest::currentTestFailed())
            return;

        QAction *help = nullptr;
        for (QAction *menu : m_window->menuBar()->actions()) {
            for (QAction *action : menu->menu() ? menu->menu()->actions() : QList<QAction *>()) {
                if (action->text() == u"Keyboard shortcuts"_s)
                    help = action;
            }
        }
        QVERIFY(help);
        help->trigger();
        auto *dialog = m_window->findChild<QDialog *>(u"shortcutsDialog"_s);
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->findChild<QTableWidget *>()->rowCount(), shortcuts.size() + 1);
        dialog->close();

        QTimer::singleShot(0, this, [this]() {
            auto *input = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(input);
            input->setTextValue(u"#%1"_s.arg(m_tickets[2]));
            input->accept();
        });
        QTest::keyClick(m_window, Qt::Key_G, Qt::ControlModifier);
        QTRY_COMPARE(m_window->ticketView()->ticketId(), m_tickets[2]);
    }

    // A note for a ticket that a colleague moved out of the agent's
    // departments before it arrived: refused, and kept where the agent can
    // read why, read what they wrote and copy it.
    void aChangeOnATicketThatMovedAwayIsKeptAndExplained()
    {
        // Sam's commands get no answer for now, as in a bad network.
        QCOMPARE(m_api->post(u"/api/v1/test/fail-commands"_s, {{u"count"_s, 1000}, {u"agent"_s, m_world.agent(u"sam"_s)}})
                     .status, 204);
        m_window->openTicket(m_tickets[0]);
        m_window->ticketView()->setNoteMode(true);
        QTest::keyClicks(m_window->ticketView()->editor(), u"Customer called: wants a refund instead"_s);
        QTest::mouseClick(button(m_window->ticketView(), u"Add internal note"_s), Qt::LeftButton);
        QCOMPARE(m_app->engine()->pendingCount(), 1);

        // Meanwhile Sue moves it to Returns, where Sam is not.
        QCOMPARE(m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, m_tickets[0]},
                                                   {u"base_version"_s, m_world.version(*m_api, m_tickets[0])},
                                                   {u"type"_s, u"transfer"_s}, {u"department"_s, m_world.returns}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(m_api->post(u"/api/v1/test/fail-commands"_s, {{u"count"_s, 0}}).status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->desk()->rejected().size(), 1, 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->desk()->ticket(m_tickets[0]).has_value(), 15'000);

        QTest::keyClick(m_window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        OutboxWindow *outbox = m_window->outboxWindow();
        QVERIFY(outbox && outbox->isVisible());
        QCOMPARE(outbox->table()->rowCount(), 1);
        QVERIFY(outbox->table()->item(0, 0)->text().contains(u"not in your departments"_s));
        QCOMPARE(outbox->table()->item(0, 1)->text(), u"Internal note"_s);
        const QString why = outbox->table()->item(0, 3)->text();
        QVERIFY2(why.contains(u"moved to Returns by sue"_s), qPrintable(why));
        QVERIFY(outbox->details()->toPlainText().contains(u"Customer called: wants a refund instead"_s));
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
            outbox->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-outbox.png"_s);
        QTest::mouseClick(button(outbox, u"Copy text"_s), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), u"Customer called: wants a refund instead"_s);
        outbox->close();
    }

    // Before a send, the agent sees what others wrote since they began and
    // chooses; a reply written while cut off meets the same check on the
    // server when it goes, and comes back to the editor.
    void whatOthersWroteSinceIsShownBeforeSending()
    {
        TicketView *view = m_window->ticketView();
        m_window->openTicket(m_tickets[0]);
        QTest::keyClicks(view->editor(), u"Your parcel left today"_s);
        view->saveDraftNow();
        QVERIFY(m_desk().draft(m_tickets[0]).has_value());

        auto sueReplies = [this](qint64 ticket, const QString &body) {
            return m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, ticket},
                                                      {u"base_version"_s, m_world.version(*m_api, ticket)},
                                                      {u"type"_s, u"reply"_s}, {u"body"_s, body}})
                .value(u"outcome"_s).toString();
        };
        QCOMPARE(sueReplies(m_tickets[0], u"I sent a tracking link already"_s), u"applied"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_desk().ticket(m_tickets[0])->messages.size() == 2, 15'000);

        QTest::mouseClick(button(view, u"Send reply"_s), Qt::LeftButton);
        QVERIFY(view->changedBanner()->isVisible());
        const QString shown = view->changedBanner()->text();
        QVERIFY2(shown.contains(u"sue replied"_s) && shown.contains(u"I sent a tracking link already"_s),
                 qPrintable(shown));
        QCOMPARE(view->editor()->toPlainText(), u"Your parcel left today"_s);
        QCOMPARE(m_app->engine()->pendingCount(), 0);
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
            m_window->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-changed-since.png"_s);
        QTest::mouseClick(view->sendAnywayButton(), Qt::LeftButton);
        QVERIFY(!view->changedBanner()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(m_app->engine()->pendingCount(), 0, 15'000);
        QVERIFY(m_desk().rejected().isEmpty());
        QCOMPARE(m_api->get(u"/api/v1/tickets/%1"_s.arg(m_tickets[0]), m_world.token(u"sue"_s))
                     .json().value(u"messages"_s).toArray().last().toObject().value(u"body"_s).toString(),
                 u"Your parcel left today"_s);

        // Written while Sam's commands get no answer; Sue replies before it
        // gets through.
        QCOMPARE(m_api->post(u"/api/v1/test/fail-commands"_s, {{u"count"_s, 1000}, {u"agent"_s, m_world.agent(u"sam"_s)}})
                     .status, 204);
        m_window->openTicket(m_tickets[1]);
        QTest::keyClicks(view->editor(), u"A refund is on its way"_s);
        QTest::mouseClick(button(view, u"Send reply"_s), Qt::LeftButton);
        QCOMPARE(m_app->engine()->pendingCount(), 1);
        QCOMPARE(sueReplies(m_tickets[1], u"We will send a new one instead"_s), u"applied"_s);
        QCOMPARE(m_api->post(u"/api/v1/test/fail-commands"_s, {{u"count"_s, 0}}).status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(m_desk().rejected().size(), 1, 30'000);
        QTRY_VERIFY(view->rejectionBanner()->isVisible());
        const QString why = view->rejectionBanner()->text();
        QVERIFY2(why.contains(u"Not sent (Reply)"_s) && why.contains(u"sue replied"_s), qPrintable(why));
        QVERIFY(view->rewriteButton()->isVisible());
        QTest::mouseClick(view->rewriteButton(), Qt::LeftButton);
        QCOMPARE(view->editor()->toPlainText(), u"A refund is on its way"_s);
        QVERIFY(m_desk().rejected().isEmpty());
        QVERIFY(!view->rejectionBanner()->isVisible());
        // Read now: it goes without asking again.
        QTest::mouseClick(button(view, u"Send reply"_s), Qt::LeftButton);
        QVERIFY(!view->changedBanner()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(m_app->engine()->pendingCount(), 0, 15'000);
        QVERIFY(m_desk().rejected().isEmpty());
    }

    // Two agents on one ticket see each other, live: who has it open and
    // who is writing.
    void colleaguesOnTheSameTicketAreShown()
    {
        // Sue's desk, as its push connection.
        QWebSocket sue;
        QStringList sueHeard; // what Sue is told of ticket 0: "name:state,…"
        bool greeted = false;
        connect(&sue, &QWebSocket::textMessageReceived, this, [&](const QString &text) {
            const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
            greeted = greeted || message.value(u"type"_s).toString() == u"hello";
            if (message.value(u"type"_s).toString() != u"presence")
                return;
            QStringList who;
            for (const QJsonValue &agent : message.value(u"agents"_s).toArray())
                who.append(agent[u"name"_s].toString() + u':' + agent[u"state"_s].toString());
            who.sort();
            sueHeard.append(who.join(u','));
        });
        QUrl url = m_server->baseUrl();
        url.setScheme(u"ws"_s);
        url.setPath(u"/api/v1/push"_s);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_world.token(u"sue"_s).toLatin1());
        QSignalSpy connected(&sue, &QWebSocket::connected);
        sue.open(request);
        QVERIFY(connected.wait(10'000));
        // As a desk does: presence once the server has said hello (before,
        // the connection is not yet one of the department's).
        QTRY_VERIFY_WITH_TIMEOUT(greeted, 10'000);
        sue.sendTextMessage(u"{\"type\":\"presence\",\"ticket\":%1,\"state\":\"writing\"}"_s.arg(m_tickets[0]));
        QTRY_COMPARE_WITH_TIMEOUT(sueHeard.value(sueHeard.size() - 1), u"sue:writing"_s, 10'000);

        TicketView *view = m_window->ticketView();
        m_window->openTicket(m_tickets[1]);
        QVERIFY(!view->presenceLine()->isVisible());
        m_window->openTicket(m_tickets[0]);
        QTRY_VERIFY_WITH_TIMEOUT(view->presenceLine()->isVisible(), 10'000);
        QVERIFY2(view->presenceLine()->text().contains(u"sue is writing"_s), qPrintable(view->presenceLine()->text()));
        QTRY_COMPARE_WITH_TIMEOUT(sueHeard.last(), u"sam:viewing,sue:writing"_s, 10'000);

        // Sam starts writing; Sue stops and looks only.
        QTest::keyClicks(view->editor(), u"I'll take this one"_s);
        QTRY_COMPARE_WITH_TIMEOUT(sueHeard.last(), u"sam:writing,sue:writing"_s, 10'000);
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
            m_window->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-presence.png"_s);
        sue.sendTextMessage(u"{\"type\":\"presence\",\"ticket\":%1,\"state\":\"viewing\"}"_s.arg(m_tickets[0]));
        QTRY_VERIFY_WITH_TIMEOUT(view->presenceLine()->text().contains(u"sue is viewing"_s), 10'000);

        // Sam moves on: Sue is told; Sue's desk closes: the line goes.
        m_window->openTicket(m_tickets[2]);
        QTRY_COMPARE_WITH_TIMEOUT(sueHeard.last(), u"sue:viewing"_s, 10'000);
        QVERIFY(!view->presenceLine()->isVisible());
        m_window->openTicket(m_tickets[0]);
        QTRY_VERIFY_WITH_TIMEOUT(view->presenceLine()->isVisible(), 10'000);
        sue.close();
        QTRY_VERIFY_WITH_TIMEOUT(!view->presenceLine()->isVisible(), 10'000);
    }

    // A lead keeps the department's canned replies in the desk; an agent
    // inserts one with Ctrl+I, filtered from the keyboard, its fields filled
    // in from the ticket, also offline.
    void cannedRepliesFromThePickerAndTheLeadsEditor()
    {
        const QString support = u"/api/v1/departments/%1/canned-replies"_s.arg(m_world.support);
        QCOMPARE(m_api->post(support, {{u"title"_s, u"Parcel on its way"_s},
                                       {u"body"_s, u"Hi {customer.first_name}, {ticket.number} left today.\n{agent.name}, {department.name}"_s}},
                             m_world.token(u"sue"_s)).status, 201);
        QCOMPARE(m_api->post(support, {{u"title"_s, u"Refund"_s}, {u"body"_s, u"Your refund is on its way."_s}},
                             m_world.token(u"sue"_s)).status, 201);
        // The department's desks are poked and read them.
        QTRY_COMPARE_WITH_TIMEOUT(m_desk().cannedReplies(m_world.support).size(), 2, 15'000);

        // Sue is.
        m_app.reset();
        startAndSignIn(u"sue@acme.example"_s);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(m_desk().cannedReplies(m_world.support).size(), 2, 15'000);
        m_window->showCannedReplies();
        CannedRepliesWindow *editor = m_window->cannedRepliesWindow();
        QVERIFY(editor && editor->isVisible());
        QCOMPARE(editor->departmentBox()->currentText(), u"Support"_s);
        QCOMPARE(editor->list()->count(), 2);
        QTest::mouseClick(button(editor, u"New"_s), Qt::LeftButton);
        QTest::keyClicks(editor->titleEdit(), u"Exchange"_s);
        QTest::keyClicks(editor->bodyEdit(), u"Hi {customer.firstname}, send it back."_s);
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(editor->statusLabel()->text().startsWith(u"Not saved: Unknown field {customer.firstname}"_s),
                                 15'000);
        editor->bodyEdit()->setPlainText(u"Hi {customer.first_name}, send it back."_s);
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(editor->statusLabel()->text().startsWith(u"Saved"_s), 15'000);
        QCOMPARE(editor->list()->count(), 3);
        QCOMPARE(editor->list()->currentItem()->text(), u"Exchange"_s);
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
            editor->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-canned-editor.png"_s);
        // Edited in place.
        editor->bodyEdit()->setPlainText(u"Hi {customer.first_name}, please send it back."_s);
        editor->statusLabel()->clear();
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(editor->statusLabel()->text().startsWith(u"Saved"_s),
                                  qPrintable(editor->statusLabel()->text()), 15'000);
        const QJsonArray stored = m_api->get(support, m_world.token(u"sam"_s)).json().value(u"canned_replies"_s).toArray();
        QCOMPARE(stored.size(), 3);
        QCOMPARE(stored[0][u"title"_s].toString(), u"Exchange"_s);
        QCOMPARE(stored[0][u"body"_s].toString(), u"Hi {customer.first_name}, please send it back."_s);

        // Sam's desk again.
        m_app.reset();
        startAndSignIn();
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(m_desk().cannedReplies(m_world.support).size(), 3, 15'000);
        // Offline from here: the picker works from the cache.
        m_server->kill();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->connectionLabel()->text().contains(u"Offline"_s), 15'000);
        TicketView *view = m_window->ticketView();
        m_window->openTicket(m_tickets[0]);
        QTest::keyClicks(view->editor(), u"Thanks! "_s);
        bool checked = false;
        QTimer::singleShot(0, this, [&]() {
            auto *picker = qobject_cast<CannedReplyPicker *>(QApplication::activeModalWidget());
            if (!picker) {
                if (QWidget *other = QApplication::activeModalWidget())
                    other->close();
                QFAIL(qPrintable(u"Not the picker: "_s + (QApplication::activeModalWidget()
                                                              ? QApplication::activeModalWidget()->objectName()
                                                              : u"none"_s)));
            }
            const auto closeOnFailure = qScopeGuard([&]() {
                if (!checked)
                    picker->reject();
            });
            QCOMPARE(picker->list()->count(), 3);
            QTest::keyClicks(picker->filter(), u"parcel"_s);
            QCOMPARE(picker->list()->count(), 1);
            if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
                picker->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-canned-picker.png"_s);
            QCOMPARE(picker->preview()->toPlainText(),
                     u"Hi Casey, #%1 left today.\nsam, Support"_s.arg(m_tickets[0]));
            checked = true;
            QTest::keyClick(picker->filter(), Qt::Key_Return);
        });
        QTest::keyClick(m_window, Qt::Key_I, Qt::ControlModifier);
        QVERIFY(checked);
        QCOMPARE(view->editor()->toPlainText(), u"Thanks! Hi Casey, #%1 left today.\nsam, Support"_s.arg(m_tickets[0]));
        QCOMPARE(m_window->focusWidget(), view->editor());

        // Sam is no lead: no editor for him.
        m_window->showCannedReplies();
        QVERIFY(!m_window->cannedRepliesWindow());

    }

    // An admin sets up a department in the desk: its name, sender and
    // signature (seen in the preview as a customer gets them), a receiving
    // address the server first refuses (its message under the field), a
    // lead, and a routing rule tried on a sample before it is saved. A
    // first contact then lands there, and the desk lists the department.
    void administrationSetsUpADepartment()
    {
        AdministrationWindow *admin = openAdministration();
        if (!admin)
            return;
        auto *departments = admin->findChild<QListWidget *>(u"departments"_s);
        const auto edit = [admin](const QString &name) { return admin->findChild<QLineEdit *>(name); };
        const auto text = [admin](const QString &name) { return admin->findChild<QPlainTextEdit *>(name); };

        QTest::mouseClick(button(admin, u"New department"_s), Qt::LeftButton);
        QCOMPARE(QApplication::focusWidget(), edit(u"departmentName"_s));
        QTest::keyClicks(edit(u"departmentName"_s), u"Wholesale"_s);
        QTest::keyClicks(edit(u"publicLabel"_s), u"Orders for shops and resellers"_s);
        QTest::keyClicks(edit(u"publicLabel-de"_s), u"Großhandel"_s);
        QTest::keyClicks(edit(u"senderName"_s), u"Acme Wholesale"_s);
        QTest::keyClicks(text(u"signature"_s), u"Kind regards,"_s);
        QTest::keyClick(text(u"signature"_s), Qt::Key_Return);
        QTest::keyClicks(text(u"signature"_s), u"The wholesale team"_s);
        QTest::keyClicks(text(u"addresses"_s), u"wholesale at acme"_s);
        QTest::mouseClick(button(admin, u"Save department"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(admin->errorLabel(u"addresses"_s)->isVisible(), 15'000);
        QCOMPARE(admin->errorLabel(u"addresses"_s)->text(), u"“wholesale at acme” is not an email address."_s);
        text(u"addresses"_s)->setPlainText(u"wholesale@acme.example"_s);
        QTest::mouseClick(button(admin, u"Save department"_s), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(admin->statusLabel()->text().startsWith(u"Saved"_s),
                                  qPrintable(admin->statusLabel()->text()), 15'000);
        QVERIFY(!admin->errorLabel(u"addresses"_s)->isVisible());
        // The list comes back with it, chosen.
        QTRY_VERIFY_WITH_TIMEOUT(departments->currentItem() && departments->currentItem()->text() == u"Wholesale",
                                 15'000);
        const QString preview = text(u"replyPreview"_s)->toPlainText();
        QVERIFY2(preview.startsWith(u"From: Acme Wholesale <wholesale@acme.example>"_s), qPrintable(preview));
        QVERIFY2(preview.endsWith(u"\n\nKind regards,\nThe wholesale team"_s), qPrintable(preview));

        qint64 wholesale = 0;
        for (const QJsonValue &d : m_api->get(u"/api/v1/departments"_s, m_world.token(u"admin"_s))
                                       .json()[u"departments"_s].toArray()) {
            if (d[u"name"_s].toString() == u"Wholesale")
                wholesale = d[u"id"_s].toInteger();
        }
        QVERIFY(wholesale > 0);
        const QJsonObject stored =
            m_api->get(u"/api/v1/departments/%1"_s.arg(wholesale), m_world.token(u"admin"_s)).json();
        QCOMPARE(stored[u"public_labels"_s][u"de"_s].toString(), u"Großhandel"_s);
        QCOMPARE(stored[u"signature"_s].toString(), u"Kind regards,\nThe wholesale team"_s);
        // Every desk reads it: this one lists it among the departments.
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->departmentList()->model()->match(
                                      m_window->departmentList()->model()->index(0, 0), Qt::DisplayRole,
                                      u"Wholesale"_s, 1, Qt::MatchExactly).isEmpty(),
                                 15'000);

        // Its service levels: a target, hours, a closed day, assignment. Hours
        // that cannot be read are refused here, a time zone by the server.
        admin->tabs()->setCurrentIndex(1);
        auto *serviceDepartment = admin->findChild<QComboBox *>(u"serviceDepartment"_s);
        serviceDepartment->setCurrentIndex(serviceDepartment->findText(u"Wholesale"_s));
        auto *targets = admin->findChild<QTableWidget *>(u"slaTargets"_s);
        auto *normalFirst = qobject_cast<QSpinBox *>(targets->cellWidget(2, 0));
        QVERIFY(normalFirst);
        normalFirst->setValue(240);
        QTest::keyClicks(edit(u"hours-mon"_s), u"08:00-16:00"_s);
        QTest::keyClicks(edit(u"hours-tue"_s), u"eight to four"_s);
        auto *zone = admin->findChild<QComboBox *>(u"timeZone"_s);
        zone->setCurrentText(u"Mars/Olympus"_s);
        text(u"holidays"_s)->setPlainText(u"2026-12-24"_s);
        auto *mode = admin->findChild<QComboBox *>(u"assignmentMode"_s);
        mode->setCurrentIndex(mode->findData(u"least_loaded"_s));
        QTest::mouseClick(button(admin, u"Save service levels"_s), Qt::LeftButton);
        QVERIFY(admin->errorLabel(u"sla.business_hours.week"_s)->isVisible());
        QCOMPARE(QApplication::focusWidget(), edit(u"hours-tue"_s));
        edit(u"hours-tue"_s)->setText(u"08:00–12:00, 13:00–16:00"_s);
        QTest::mouseClick(button(admin, u"Save service levels"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(admin->errorLabel(u"sla.business_hours.time_zone"_s)->isVisible(), 15'000);
        QVERIFY2(admin->errorLabel(u"sla.business_hours.time_zone"_s)->text().contains(u"Mars/Olympus"_s),
                 qPrintable(admin->errorLabel(u"sla.business_hours.time_zone"_s)->text()));
        zone->setCurrentText(u"Europe/Berlin"_s);
        // Wholesale takes bigger files than the default, but less together.
        admin->findChild<QSpinBox *>(u"fileMegabytes"_s)->setValue(40);
        admin->findChild<QSpinBox *>(u"messageMegabytes"_s)->setValue(120);
        admin->statusLabel()->clear();
        QTest::mouseClick(button(admin, u"Save service levels"_s), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(admin->statusLabel()->text().startsWith(u"Saved"_s),
                                  qPrintable(admin->statusLabel()->text()), 15'000);
        const QJsonObject serviced =
            m_api->get(u"/api/v1/departments/%1"_s.arg(wholesale), m_world.token(u"admin"_s)).json();
        QCOMPARE(serviced[u"sla"_s][u"targets"_s][u"normal"_s][u"first_response"_s].toInt(), 240);
        const QJsonObject week = serviced[u"sla"_s][u"business_hours"_s][u"week"_s].toObject();
        QCOMPARE(week[u"mon"_s].toArray(), (QJsonArray{QJsonArray{u"08:00"_s, u"16:00"_s}}));
        QCOMPARE(week[u"tue"_s].toArray().size(), 2);
        QCOMPARE(serviced[u"sla"_s][u"business_hours"_s][u"time_zone"_s].toString(), u"Europe/Berlin"_s);
        QCOMPARE(serviced[u"sla"_s][u"business_hours"_s][u"holidays"_s].toArray(), QJsonArray{u"2026-12-24"_s});
        QCOMPARE(serviced[u"assignment"_s][u"mode"_s].toString(), u"least_loaded"_s);
        QCOMPARE(serviced[u"attachment_limits"_s][u"file_bytes"_s].toInteger(), 40 * 1024 * 1024);
        QCOMPARE(serviced[u"attachment_limits"_s][u"message_bytes"_s].toInteger(), 120 * 1024 * 1024);
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
            admin->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-administration-service.png"_s);

        // Sam leads it, chosen with the keyboard.
        admin->tabs()->setCurrentIndex(2);
        auto *memberDepartment = admin->findChild<QComboBox *>(u"membersDepartment"_s);
        memberDepartment->setCurrentIndex(memberDepartment->findText(u"Wholesale"_s));
        auto *samsRole = admin->findChild<QComboBox *>(u"role-sam@acme.example"_s);
        QVERIFY(samsRole);
        QCOMPARE(samsRole->currentText(), u"Not a member"_s);
        admin->statusLabel()->clear();
        samsRole->setFocus();
        QTest::keyClick(samsRole, Qt::Key_End);
        QTRY_VERIFY2_WITH_TIMEOUT(admin->statusLabel()->text().startsWith(u"Saved"_s),
                                  qPrintable(admin->statusLabel()->text()), 15'000);
        const QJsonArray memberships = m_api->get(u"/api/v1/agents/%1"_s.arg(m_world.agent(u"sam"_s)),
                                                  m_world.token(u"admin"_s)).json()[u"memberships"_s].toArray();
        QVERIFY(memberships.contains(QJsonObject{{u"department"_s, wholesale}, {u"role"_s, u"lead"_s}}));

        // A new colleague, whose email the server first refuses.
        QTest::keyClicks(edit(u"agentName"_s), u"Nina Novak"_s);
        QTest::keyClicks(edit(u"agentEmail"_s), u"nina.acme.example"_s);
        QTest::keyClicks(edit(u"agentPassword"_s), u"correct horse battery"_s);
        QTest::mouseClick(button(admin, u"Add agent"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(admin->errorLabel(u"agent.email"_s)->isVisible(), 15'000);
        QCOMPARE(admin->errorLabel(u"agent.email"_s)->text(), u"Give a valid email address."_s);
        edit(u"agentEmail"_s)->setText(u"nina@acme.example"_s);
        QTest::mouseClick(button(admin, u"Add agent"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(admin->findChild<QComboBox *>(u"role-nina@acme.example"_s), 15'000);
        QVERIFY(edit(u"agentName"_s)->text().isEmpty());
        QCOMPARE(m_api->post(u"/api/v1/auth/login"_s,
                             {{u"email"_s, u"nina@acme.example"_s}, {u"password"_s, u"correct horse battery"_s}})
                     .status,
                 200);

        // She leaves: chosen in the table, her account is disabled.
        auto *members = admin->findChild<QTableWidget *>(u"members"_s);
        const auto choose = [members](const QString &name) {
            const QList<QTableWidgetItem *> found = members->findItems(name, Qt::MatchExactly);
            if (found.size() == 1)
                QTest::mouseClick(members->viewport(), Qt::LeftButton, {},
                                  members->visualItemRect(found.first()).center());
            return found.size() == 1;
        };
        QVERIFY(choose(u"Nina Novak"_s));
        QCOMPARE(edit(u"agentName"_s)->text(), u"Nina Novak"_s);
        QVERIFY(edit(u"agentPassword"_s)->text().isEmpty());
        auto *disabled = admin->findChild<QCheckBox *>(u"agentDisabled"_s);
        QVERIFY(disabled->isEnabled() && !disabled->isChecked());
        QTest::mouseClick(disabled, Qt::LeftButton, {}, QPoint(8, disabled->height() / 2));
        QTest::mouseClick(button(admin, u"Save agent"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(admin->statusLabel()->text(),
                                  u"Saved. They cannot sign in, and their desks are signed out."_s, 15'000);
        QCOMPARE(m_api->post(u"/api/v1/auth/login"_s,
                             {{u"email"_s, u"nina@acme.example"_s}, {u"password"_s, u"correct horse battery"_s}})
                     .status,
                 401);
        QTRY_VERIFY_WITH_TIMEOUT(!members->findItems(u"Nina Novak (disabled)"_s, Qt::MatchExactly).isEmpty(), 15'000);
        // The only admin cannot step down: the server says so under the field.
        const QString me = m_api->get(u"/api/v1/me"_s, m_world.token(u"admin"_s)).json()[u"name"_s].toString();
        QVERIFY(choose(me + u" (admin)"_s));
        auto *isAdmin = admin->findChild<QCheckBox *>(u"agentAdmin"_s);
        QVERIFY(isAdmin->isChecked());
        QTest::mouseClick(isAdmin, Qt::LeftButton, {}, QPoint(8, isAdmin->height() / 2));
        QTest::mouseClick(button(admin, u"Save agent"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(admin->errorLabel(u"agent.is_admin"_s)->isVisible(), 15'000);
        QCOMPARE(admin->errorLabel(u"agent.is_admin"_s)->text(),
                 u"At least one admin must stay active: make another agent an admin first."_s);
        QVERIFY(m_api->get(u"/api/v1/me"_s, m_world.token(u"admin"_s)).json()[u"is_admin"_s].toBool());
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
            admin->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-administration-members.png"_s);
        QTest::mouseClick(button(admin, u"New agent"_s), Qt::LeftButton);
        QVERIFY(edit(u"agentName"_s)->text().isEmpty());
        QVERIFY(!disabled->isEnabled());

        // The shop's form speaks German too.
        admin->tabs()->setCurrentIndex(4);
        auto *shops = admin->findChild<QListWidget *>(u"shopList"_s);
        QCOMPARE(shops->currentItem()->text(), u"Acme Outdoor"_s);
        auto *languages = admin->findChild<QListWidget *>(u"shopLanguages"_s);
        const QList<QListWidgetItem *> german = languages->findItems(u"Deutsch"_s, Qt::MatchExactly);
        QCOMPARE(german.size(), 1);
        QCOMPARE(german.first()->checkState(), Qt::Unchecked);
        german.first()->setCheckState(Qt::Checked);
        admin->statusLabel()->clear();
        QTest::mouseClick(button(admin, u"Save shop"_s), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(admin->statusLabel()->text().startsWith(u"Saved"_s),
                                  qPrintable(admin->statusLabel()->text()), 15'000);

        // A rule, tried on a sample before and after it is written.
        admin->tabs()->setCurrentIndex(3);
        QTest::mouseClick(button(admin, u"New rule"_s), Qt::LeftButton);
        QTest::keyClicks(edit(u"testSubject"_s), u"Price for a pallet of lamps"_s);
        auto *result = admin->findChild<QLabel *>(u"testResult"_s);
        QVERIFY2(result->text().startsWith(u"Triage, because no rule matches"_s), qPrintable(result->text()));
        QTest::keyClicks(edit(u"ruleName"_s), u"Bulk orders"_s);
        auto *ruleDepartment = admin->findChild<QComboBox *>(u"ruleDepartment"_s);
        ruleDepartment->setCurrentIndex(ruleDepartment->findText(u"Wholesale"_s));
        QTest::keyClicks(edit(u"pattern"_s), u"pallet, palette, bulk order"_s);
        QVERIFY2(result->text().startsWith(u"Wholesale, because it matches the rule “Bulk orders”."_s),
                 qPrintable(result->text()));
        QVERIFY(result->text().contains(u"not saved yet"_s));
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
            admin->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-administration-rules.png"_s);
        admin->statusLabel()->clear();
        QTest::mouseClick(button(admin, u"Save rule"_s), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(admin->statusLabel()->text().startsWith(u"Saved"_s),
                                  qPrintable(admin->statusLabel()->text()), 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(admin->findChild<QListWidget *>(u"rules"_s)->count(), 1, 15'000);
        QCOMPARE(result->text(), u"Wholesale, because it matches the rule “Bulk orders”."_s);

        // A customer writes in German: the form offers the department by its
        // German label, and the first contact about pallets lands there.
        const QJsonObject offered =
            m_api->get(u"/api/v1/public/shops/%1/departments?lang=de"_s.arg(m_world.shopSlug)).json();
        QCOMPARE(offered[u"language"_s].toString(), u"de"_s);
        QStringList labels;
        for (const QJsonValue &d : offered[u"departments"_s].toArray())
            labels.append(d[u"label"_s].toString());
        QVERIFY2(labels.contains(u"Großhandel"_s), qPrintable(labels.join(u", "_s)));
        const Response sent = m_api->post(u"/api/v1/public/intake"_s,
                                          {{u"shop"_s, m_world.shop},
                                           {u"name"_s, u"Jana Becker"_s},
                                           {u"email"_s, u"jana@example.de"_s},
                                           {u"language"_s, u"de"_s},
                                           {u"subject"_s, u"Preis für eine Palette Lampen"_s},
                                           {u"message"_s, u"Was kostet eine ganze Palette?"_s}});
        QCOMPARE(sent.status, 201);
        const qint64 ticket = sent.json()[u"ticket"_s].toInteger();
        const QJsonObject landed = m_api->get(u"/api/v1/tickets/%1"_s.arg(ticket), m_world.token(u"admin"_s)).json();
        QCOMPARE(landed[u"department"_s].toInteger(), wholesale);
        QCOMPARE(landed[u"customer"_s][u"language"_s].toString(), u"de"_s);
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR")) {
            admin->tabs()->setCurrentIndex(0);
            admin->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-administration.png"_s);
        }
    }

    // A lead who is no admin gets their department's settings: its voice
    // (sender name, signature) and its service levels, not what reaches it
    // nor the other tabs, and only the departments they lead.
    void aLeadSetsUpTheirDepartment()
    {
        startAndSignIn(u"sue@acme.example"_s); // lead of Support, member of nothing else
        if (QTest::currentTestFailed())
            return;
        QMenu *file = m_window->menuBar()->actions().first()->menu();
        Q_EMIT file->aboutToShow();
        const QList<QAction *> actions = file->actions();
        const auto settings = std::find_if(actions.cbegin(), actions.cend(), [](QAction *a) {
            return a->text() == u"Department settings…";
        });
        QVERIFY(settings != actions.cend() && (*settings)->isVisible());
        (*settings)->trigger();
        AdministrationWindow *window = m_window->administrationWindow();
        QVERIFY(window && window->isVisible());
        QCOMPARE(window->windowTitle(), u"Department settings"_s);
        auto *departments = window->findChild<QListWidget *>(u"departments"_s);
        QTRY_COMPARE_WITH_TIMEOUT(departments->count(), 1, 15'000);
        QCOMPARE(departments->item(0)->text(), u"Support"_s);
        for (int tab = 0; tab < window->tabs()->count(); ++tab)
            QCOMPARE(window->tabs()->isTabVisible(tab), tab < 2);
        QVERIFY(!window->findChild<QLineEdit *>(u"departmentName"_s)->isEnabled());
        QVERIFY(!window->findChild<QPlainTextEdit *>(u"addresses"_s)->isEnabled());
        QVERIFY(!button(window, u"New department"_s)->isVisible());
        QVERIFY(!button(window, u"Delete department"_s)->isVisible());
        QVERIFY(!window->findChild<QCheckBox *>(u"isDefault"_s)->isVisible());
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
            window->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-department-settings.png"_s);

        auto *sender = window->findChild<QLineEdit *>(u"senderName"_s);
        sender->selectAll();
        QTest::keyClicks(sender, u"Acme Support team"_s);
        window->findChild<QPlainTextEdit *>(u"signature"_s)->setPlainText(u"Sue and the support team"_s);
        QTest::mouseClick(button(window, u"Save department"_s), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(window->statusLabel()->text().startsWith(u"Saved"_s),
                                  qPrintable(window->statusLabel()->text()), 15'000);

        window->tabs()->setCurrentIndex(1);
        auto *targets = window->findChild<QTableWidget *>(u"slaTargets"_s);
        qobject_cast<QSpinBox *>(targets->cellWidget(0, 0))->setValue(30); // urgent, first response
        QTest::mouseClick(button(window, u"Save service levels"_s), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(window->statusLabel()->text().startsWith(u"Saved"_s),
                                  qPrintable(window->statusLabel()->text()), 15'000);
        const QJsonObject support =
            m_api->get(u"/api/v1/departments/%1"_s.arg(m_world.support), m_world.token(u"admin"_s)).json();
        QCOMPARE(support[u"sender_name"_s].toString(), u"Acme Support team"_s);
        QCOMPARE(support[u"signature"_s].toString(), u"Sue and the support team"_s);
        QCOMPARE(support[u"name"_s].toString(), u"Support"_s);
        QCOMPARE(support[u"sla"_s][u"targets"_s][u"urgent"_s][u"first_response"_s].toInt(), 30);
    }

    // A department in use (tickets, rules, members) is not deleted: the
    // server says why and it stays in the list. One made by mistake and
    // never used goes.
    void administrationDeletesOnlyAnUnusedDepartment()
    {
        AdministrationWindow *admin = openAdministration();
        if (!admin)
            return;
        auto *departments = admin->findChild<QListWidget *>(u"departments"_s);
        // Yes to the question the next click asks, once it is up (given up
        // after ten seconds: the test then fails at the next check).
        const auto confirmNextQuestion = [admin]() {
            auto *watch = new QTimer(admin);
            auto *waited = new QElapsedTimer;
            waited->start();
            QObject::connect(watch, &QTimer::timeout, admin, [watch, waited]() {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (box)
                    box->button(QMessageBox::Yes)->click();
                if (box || waited->elapsed() > 10'000) {
                    watch->stop();
                    watch->deleteLater();
                    delete waited;
                }
            });
            watch->start(20);
        };
        const auto listed = [departments](const QString &name) {
            return !departments->findItems(name, Qt::MatchExactly).isEmpty();
        };
        departments->setCurrentItem(departments->findItems(u"Support"_s, Qt::MatchExactly).value(0));
        QCOMPARE(admin->findChild<QLineEdit *>(u"departmentName"_s)->text(), u"Support"_s);
        confirmNextQuestion();
        QTest::mouseClick(button(admin, u"Delete department"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            admin->statusLabel()->text(),
            u"Not saved: The department still has tickets, rules or members; archive it instead."_s, 15'000);
        QVERIFY(listed(u"Support"_s));
        QCOMPARE(admin->findChild<QLineEdit *>(u"departmentName"_s)->text(), u"Support"_s);

        QTest::mouseClick(button(admin, u"New department"_s), Qt::LeftButton);
        QVERIFY(!button(admin, u"Delete department"_s)->isEnabled());
        QTest::keyClicks(admin->findChild<QLineEdit *>(u"departmentName"_s), u"Mistake"_s);
        QTest::mouseClick(button(admin, u"Save department"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(listed(u"Mistake"_s) && departments->currentItem()
                                     && departments->currentItem()->text() == u"Mistake",
                                 15'000);
        confirmNextQuestion();
        QTest::mouseClick(button(admin, u"Delete department"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!listed(u"Mistake"_s), 15'000);
        QCOMPARE(admin->statusLabel()->text(), u"Deleted."_s);
        for (const QJsonValue &d : m_api->get(u"/api/v1/departments"_s, m_world.token(u"admin"_s))
                                       .json()[u"departments"_s].toArray())
            QVERIFY(d[u"name"_s].toString() != u"Mistake");
    }

    // A German admin's desk: the window in German, and what the server
    // refuses, under the field, in German too (the desk asks for its
    // language with every request).
    void administrationSpeaksTheAdminsLanguage()
    {
        installTranslations(u"de"_s);
        const auto english = qScopeGuard([]() { installTranslations(u"en"_s); });
        AdministrationWindow *admin = openAdministration();
        if (!admin)
            return;
        QTest::mouseClick(button(admin, u"Neue Abteilung"_s), Qt::LeftButton);
        QTest::keyClicks(admin->findChild<QLineEdit *>(u"departmentName"_s), u"Support"_s);
        QTest::keyClicks(admin->findChild<QLineEdit *>(u"senderName"_s), u"Acme Kundendienst"_s);
        QTest::mouseClick(button(admin, u"Abteilung speichern"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(admin->errorLabel(u"name"_s)->isVisible(), 15'000);
        QCOMPARE(admin->errorLabel(u"name"_s)->text(), u"Es gibt bereits eine Abteilung mit diesem Namen."_s);
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
            admin->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-administration-de.png"_s);
    }

    // A dark palette gives a readable thread; at 1280×700 the queue still
    // shows the subjects; the window, its splitter, the department and the
    // sort come back as the agent left them.
    void looksRightAndRemembersTheLayout()
    {
        auto luminance = [](const QColor &c) {
            auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
        };
        auto contrast = [&](const QColor &a, const QColor &b) {
            const double x = luminance(a), y = luminance(b);
            return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
        };
        const QPalette light = QApplication::palette();
        QPalette dark = light;
        dark.setColor(QPalette::Window, QColor(u"#2b2b2b"_s));
        dark.setColor(QPalette::WindowText, QColor(u"#e5e7eb"_s));
        dark.setColor(QPalette::Base, QColor(u"#1e1e1e"_s));
        dark.setColor(QPalette::AlternateBase, QColor(u"#262626"_s));
        dark.setColor(QPalette::Text, QColor(u"#e5e7eb"_s));
        dark.setColor(QPalette::Button, QColor(u"#333333"_s));
        dark.setColor(QPalette::ButtonText, QColor(u"#e5e7eb"_s));
        dark.setColor(QPalette::PlaceholderText, QColor(u"#9ca3af"_s));
        for (const QPalette &palette : {light, dark}) {
            const TicketView::ThreadStyle style = TicketView::threadStyle(palette);
            for (const QColor &background : {style.customer, style.reply, style.note}) {
                QVERIFY2(contrast(style.text, background) >= 4.5, qPrintable(background.name()));
                QVERIFY2(contrast(style.muted, background) >= 3.0, qPrintable(background.name()));
            }
        }
        QApplication::setPalette(dark);
        m_window->openTicket(m_tickets[0]);
        QTRY_VERIFY(m_window->ticketView()->thread()->toHtml().contains(TicketView::threadStyle(dark).customer.name()));
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
            m_window->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-dark.png"_s);
        QApplication::setPalette(light);
        QTRY_VERIFY(m_window->ticketView()->thread()->toHtml().contains(TicketView::threadStyle(light).customer.name()));

        m_window->resize(1280, 700);
        QTRY_COMPARE(m_window->size(), QSize(1280, 700));
        const int digit = m_window->queueView()->fontMetrics().horizontalAdvance(u'0');
        const int subject = m_window->queueView()->horizontalHeader()->sectionSize(TicketQueueModel::Subject);
        QVERIFY2(subject >= 20 * digit, qPrintable(u"Subject is %1 px"_s.arg(subject)));
        // Everything to write and send is on screen, the editor has room to
        // write in (also at 200 %: ctest runs this once more with
        // QT_SCALE_FACTOR=2, where 1280×700 is a 2560×1400 screen).
        TicketView *view = m_window->ticketView();
        QTRY_VERIFY(view->editor()->isVisible());
        for (const QString &text : {u"Send reply"_s, u"Send & set pending"_s, u"Canned reply…"_s, u"Transfer…"_s}) {
            QPushButton *b = button(view, text);
            QVERIFY2(b && b->isVisible(), qPrintable(text));
            const QRect place(b->mapTo(m_window, QPoint(0, 0)), b->size());
            QVERIFY2(m_window->rect().contains(place), qPrintable(u"%1 at %2,%3 %4×%5"_s.arg(text).arg(place.x())
                                                                     .arg(place.y()).arg(place.width()).arg(place.height())));
        }
        QVERIFY2(view->editor()->height() >= 3 * view->editor()->fontMetrics().height(),
                 qPrintable(u"editor %1 px"_s.arg(view->editor()->height())));
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
            m_window->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR")
                                  + u"/desk-1280x700-at-%1-percent.png"_s.arg(int(m_window->devicePixelRatio() * 100)));

        m_window->queueView()->sortByColumn(TicketQueueModel::Due, Qt::AscendingOrder);
        m_app.reset(); // quits the desk
        startAndSignIn();
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_window->size(), QSize(1280, 700));
        QCOMPARE(m_window->queueView()->horizontalHeader()->sortIndicatorSection(), int(TicketQueueModel::Due));
        QCOMPARE(m_window->queueView()->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
        QCOMPARE(m_window->departmentList()->currentIndex().data().toString(), u"Support"_s);

        // What reaches the desktop's notifications is text, not markup.
        QCOMPARE(MainWindow::desktopText(u"<b>50% off</b> & more"_s), u"&lt;b&gt;50% off&lt;/b&gt; &amp; more"_s);
    }

    // A send still waiting out its undo time when its ticket leaves the
    // agent's departments: it cannot go, says so, and the text stays.
    void aHeldSendWhoseTicketLeftKeepsItsText()
    {
        m_app->desk()->setUndoDelay(std::chrono::seconds(30));
        m_window->openTicket(m_tickets[1]);
        QTest::keyClicks(m_window->ticketView()->editor(), u"About your parcel"_s);
        QTest::mouseClick(button(m_window->ticketView(), u"Send reply"_s), Qt::LeftButton);
        QVERIFY(m_app->desk()->isHeld(m_tickets[1]));
        QCOMPARE(m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, m_tickets[1]},
                                                   {u"base_version"_s, m_world.version(*m_api, m_tickets[1])},
                                                   {u"type"_s, u"transfer"_s}, {u"department"_s, m_world.returns}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->desk()->ticket(m_tickets[1]).has_value(), 15'000);
        QSignalSpy failed(m_app->desk(), &Desk::sendFailed);
        m_app->desk()->releaseHeld(); // as on quitting
        QCOMPARE(failed.size(), 1);
        QVERIFY(m_window->statusBar()->currentMessage().contains(u"Waiting to send"_s));
        QCOMPARE(m_app->desk()->draft(m_tickets[1])->body, u"About your parcel"_s);
        QCOMPARE(m_app->engine()->pendingCount(), 0);
        // Where the agent finds it again.
        QTest::keyClick(m_window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        OutboxWindow *outbox = m_window->outboxWindow();
        QVERIFY(outbox && outbox->isVisible());
        QCOMPARE(outbox->table()->rowCount(), 1);
        QCOMPARE(outbox->table()->item(0, 1)->text(), u"Reply"_s);
        QVERIFY(outbox->table()->item(0, 3)->text().contains(u"left your departments"_s));
        QCOMPARE(outbox->details()->toPlainText(), u"About your parcel"_s);
        outbox->close();
    }

    // Several tickets at once: select rows, then assign, set the status or
    // transfer them all, from the bulk bar or with the same keys as for one.
    void bulkActionsOnSelectedRows()
    {
        QTableView *queue = m_window->queueView();
        // Stepping through the queue with Ctrl+J/Ctrl+K (the Ctrl held)
        // moves the one selected row; it never selects several.
        queue->setFocus();
        for (int i = 0; i < 2; ++i)
            QTest::keyClick(m_window, Qt::Key_J, Qt::ControlModifier);
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(m_window->selectedTickets().size(), 1);
        QVERIFY(!m_window->bulkBar()->isVisible());
        QCOMPARE(m_window->selectedTickets().first(), m_window->ticketView()->ticketId());
        queue->selectAll();
        QCOMPARE(m_window->selectedTickets().size(), 3);
        QVERIFY(m_window->bulkBar()->isVisible());
        QCOMPARE(m_window->bulkLabel()->text(), u"3 tickets selected"_s);
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
            m_window->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-bulk.png"_s);

        // Status, from the bar.
        QComboBox *status = m_window->bulkStatus();
        status->setCurrentIndex(status->findText(u"Pending"_s));
        Q_EMIT status->activated(status->currentIndex());
        QVERIFY2(m_window->statusBar()->currentMessage().contains(u"Set 3 tickets to Pending"_s),
                 qPrintable(m_window->statusBar()->currentMessage()));
        QTRY_COMPARE_WITH_TIMEOUT(m_app->engine()->pendingCount(), 0, 15'000);
        auto serverTicket = [this](qint64 id) {
            return m_api->get(u"/api/v1/tickets/%1"_s.arg(id), m_world.token(u"admin"_s)).json();
        };
        for (qint64 id : m_tickets)
            QCOMPARE(serverTicket(id).value(u"status"_s).toString(), u"pending"_s);

        // Assign to me, with the same key as for one ticket; the selection
        // outlives the sync that follows.
        QCOMPARE(m_window->selectedTickets().size(), 3);
        QTest::keyClick(m_window, Qt::Key_M, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->engine()->pendingCount(), 0, 15'000);
        for (qint64 id : m_tickets)
            QCOMPARE(serverTicket(id).value(u"assignee"_s).toInteger(), m_world.agent(u"sam"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->selectedTickets().size(), 3, 15'000);

        // Two of them to Returns, through the transfer dialog.
        queue->clearSelection();
        const QList<qint64> two{m_tickets[0], m_tickets[1]};
        for (qint64 id : two)
            queue->selectionModel()->select(m_app->desk()->queue().index(m_app->desk()->queue().rowOf(id), 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(m_window->bulkLabel()->text(), u"2 tickets selected"_s);
        bool sawDialog = false;
        QTimer::singleShot(0, this, [&]() {
            auto *dialog = qobject_cast<TransferDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            sawDialog = true;
            QCOMPARE(dialog->windowTitle(), u"Transfer 2 tickets"_s);
            dialog->departmentBox()->setCurrentIndex(dialog->departmentBox()->findText(u"Returns"_s));
            QTest::keyClicks(dialog->noteEdit(), u"Both are returns"_s);
            QTest::keyClick(dialog->departmentBox(), Qt::Key_Return);
        });
        QTest::keyClick(m_window, Qt::Key_T, Qt::ControlModifier);
        QVERIFY(sawDialog);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->engine()->pendingCount(), 0, 15'000);
        for (qint64 id : two) {
            const QJsonObject moved = serverTicket(id);
            QCOMPARE(moved.value(u"department"_s).toInteger(), m_world.returns);
            QCOMPARE(moved.value(u"events"_s).toArray().last()[u"data"_s][u"note"_s].toString(), u"Both are returns"_s);
        }
        QCOMPARE(serverTicket(m_tickets[2]).value(u"department"_s).toInteger(), m_world.support);
        QTRY_COMPARE_WITH_TIMEOUT(queue->model()->rowCount(), 1, 15'000);
        QTRY_VERIFY(!m_window->bulkBar()->isVisible());
    }

    // A search can look in all the agent's departments, not only the one
    // open; the results say which department each ticket is in.
    void searchAcrossAllDepartments()
    {
        const qint64 zipper = m_world.intake(*m_api, m_world.returns, u"Broken zipper"_s, u"zip@example.com"_s);
        QVERIFY(zipper > 0);
        m_app.reset();
        startAndSignIn(u"two@acme.example"_s); // Support and Returns
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(m_desk().ticket(zipper).has_value(), 15'000);
        m_window->selectDepartment(m_world.support);
        QTest::keyClicks(m_window->searchBox(), u"zipper"_s);
        QTRY_COMPARE(m_window->queueView()->model()->rowCount(), 0);
        QTest::mouseClick(m_window->searchEverywhere(), Qt::LeftButton);
        QVERIFY(m_window->searchEverywhere()->isChecked());
        QTRY_COMPARE(m_window->queueView()->model()->rowCount(), 1);
        const QModelIndex found = m_window->queueView()->model()->index(0, TicketQueueModel::Subject);
        QCOMPARE(found.data().toString(), u"Returns · Broken zipper"_s);
        QCOMPARE(m_window->ticketView()->ticketId(), zipper);
        // A plain number finds its ticket wherever it is.
        m_window->searchBox()->setText(QString::number(m_tickets[1]));
        QTRY_VERIFY(m_window->queueView()->model()->rowCount() >= 1);
        QCOMPARE(m_window->queueView()->model()->index(0, 0).data(TicketIdRole).toLongLong(), m_tickets[1]);
        // Unticked, or with no search, the queue is the department's again.
        m_window->searchBox()->clear();
        QTRY_COMPARE(m_window->queueView()->model()->rowCount(), 3);
    }

    // The desk keeps open work and a window of history; Enter in the search
    // box finds older tickets on the server, and the View menu keeps more.
    void olderTicketsAreFoundOnTheServer()
    {
        constexpr qint64 Day = 86'400'000;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(m_api->post(u"/api/v1/test/clock"_s, {{u"now"_s, isoFromMs(now - 100 * Day)}}).status, 200);
        const qint64 old = m_world.intake(*m_api, m_world.support, u"Tent pole BO-5150 snapped"_s, u"ola@example.no"_s);
        QCOMPARE(m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, old}, {u"base_version"_s, 1},
                                                    {u"type"_s, u"status"_s}, {u"status"_s, u"solved"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(m_api->post(u"/api/v1/test/clock"_s, {{u"now"_s, isoFromMs(now)}}).status, 200);
        // A desk signing in for the first time on this computer.
        m_app.reset();
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        startAndSignIn();
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queueView()->model()->rowCount(), 3, 15'000);
        QVERIFY(!m_desk().ticket(old));

        // The server's words follow its writes within a second or so.
        QTRY_COMPARE_WITH_TIMEOUT(m_api->get(u"/api/v1/search?q=BO-5150"_s, m_world.token(u"sam"_s))
                                      .json()[u"tickets"_s].toArray().size(),
                                  1, 10'000);
        QTest::keyClicks(m_window->searchBox(), u"BO-5150"_s);
        QTRY_COMPARE(m_window->queueView()->model()->rowCount(), 0);
        QTest::keyClick(m_window->searchBox(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queueView()->model()->rowCount(), 1, 15'000);
        QCOMPARE(m_window->queueView()->model()->index(0, 0).data(TicketIdRole).toLongLong(), old);
        QTRY_VERIFY2(m_window->statusBar()->currentMessage().contains(u"Found 1 more ticket"_s),
                     qPrintable(m_window->statusBar()->currentMessage()));
        QTRY_COMPARE(m_window->ticketView()->ticketId(), old);
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
            m_window->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-server-search.png"_s);
        QTest::keyClick(m_window->searchBox(), Qt::Key_Return);
        QTRY_VERIFY2(m_window->statusBar()->currentMessage().contains(u"no other tickets"_s),
                     qPrintable(m_window->statusBar()->currentMessage()));

        // View > Keep on this computer > Every ticket: the cache is rebuilt
        // with all of them, and the choice is remembered.
        QAction *every = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->text() == u"Every ticket"_s)
                every = action;
        }
        QVERIFY(every);
        every->trigger();
        QCOMPARE(QSettings().value(u"historyDays"_s).toInt(), 0);
        m_window->searchBox()->clear();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queueView()->model()->rowCount(), 4, 15'000);
    }

    void transferThroughTheDialogWithTheKeyboard()
    {
        m_window->openTicket(m_tickets[2]);
        bool sawDialog = false;
        QTimer::singleShot(0, this, [&]() {
            auto *dialog = qobject_cast<TransferDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            sawDialog = true;
            dialog->departmentBox()->setCurrentIndex(dialog->departmentBox()->findText(u"Returns"_s));
            QCOMPARE(dialog->assigneeBox()->itemText(0), u"Anyone in the department"_s);
            QVERIFY(dialog->assigneeBox()->findText(u"rob"_s) >= 0);
            QTest::keyClicks(dialog->noteEdit(), u"A return, label needed"_s);
            QTest::keyClick(dialog->departmentBox(), Qt::Key_Return);
        });
        m_window->ticketView()->openTransferDialog();
        QVERIFY(sawDialog);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->engine()->pendingCount(), 0, 15'000);
        const QJsonObject moved = m_api->get(u"/api/v1/tickets/%1"_s.arg(m_tickets[2]), m_world.token(u"rob"_s)).json();
        QCOMPARE(moved.value(u"department"_s).toInteger(), m_world.returns);
        QCOMPARE(moved.value(u"events"_s).toArray().last().toObject().value(u"data"_s).toObject()
                     .value(u"note"_s).toString(), u"A return, label needed"_s);
        // It left Sam's departments, so his queue no longer has it.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queueView()->model()->rowCount(), 2, 15'000);
    }

    void popupOnPushOpensTheTicket()
    {
        const qint64 fresh = m_world.intake(*m_api, m_world.support, u"Urgent: wrong size"_s);
        ToastPopup *toast = m_window->toast();
        QTRY_VERIFY_WITH_TIMEOUT(toast->isVisible(), 15'000);
        QCOMPARE(toast->title(), u"New ticket"_s);
        QCOMPARE(toast->ticketId(), fresh);
        QTest::mouseClick(toast, Qt::LeftButton);
        QVERIFY(!toast->isVisible());
        QCOMPARE(m_window->ticketView()->ticketId(), fresh);
        QCOMPARE(m_window->queueView()->currentIndex().data(TicketIdRole).toLongLong(), fresh);

        // A burst names its department and opens its open work, also when
        // the agent was looking at something else.
        m_window->statusFilter()->setCurrentIndex(m_window->statusFilter()->findText(u"Closed"_s));
        QCOMPARE(m_window->queueView()->model()->rowCount(), 0);
        m_app->desk()->notifications().setGroupingWindow(1000);
        for (int i = 0; i < 3; ++i)
            m_world.intake(*m_api, m_world.support, u"Burst %1"_s.arg(i));
        QTRY_VERIFY_WITH_TIMEOUT(toast->isVisible() && toast->title().contains(u"tickets need attention"_s), 15'000);
        QVERIFY2(toast->findChildren<QLabel *>().size() >= 2, "title and text");
        bool named = false;
        for (QLabel *label : toast->findChildren<QLabel *>())
            named = named || label->text().startsWith(u"In Support "_s);
        QVERIFY(named);
        QTest::mouseClick(toast, Qt::LeftButton);
        QCOMPARE(m_window->statusFilter()->currentText(), u"Open work"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queueView()->model()->rowCount(), 7, 15'000);
    }

    // "SLA breached" and "SLA at risk" as queue filters: what the lead's
    // dashboard opens when its figure is clicked.
    void slaFiltersShowThoseTickets()
    {
        const qint64 t0 = msFromIso(u"2026-11-23T08:00:00.000Z"_s);
        auto clock = [&](int minutes) {
            QCOMPARE(m_api->post(u"/api/v1/test/clock"_s, {{u"now"_s, isoFromMs(t0 + minutes * 60'000LL)}}).status, 200);
        };
        clock(0);
        const QJsonObject sla{{u"targets"_s, QJsonObject{{u"normal"_s, QJsonObject{{u"first_response"_s, 60}}}}}};
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.support), {{u"sla"_s, sla}},
                              m_world.token(u"admin"_s)).status, 200);
        const qint64 late = m_world.intake(*m_api, m_world.support, u"Late"_s);
        clock(30);
        const qint64 soon = m_world.intake(*m_api, m_world.support, u"Soon late"_s);
        clock(80); // the first 80 minutes in (breached), the second 50 of 60 (at risk)
        QTRY_VERIFY_WITH_TIMEOUT(m_app->desk()->ticket(late) && m_app->desk()->ticket(late)->sla.breached
                                     && m_app->desk()->ticket(soon) && m_app->desk()->ticket(soon)->sla.atRisk,
                                 15'000);
        auto listed = [this]() {
            QList<qint64> ids;
            for (int row = 0; row < m_desk().queue().rowCount(); ++row)
                ids.append(m_desk().queue().ticketAt(row));
            return ids;
        };
        m_window->showSlaTickets(m_world.support, true);
        QCOMPARE(m_window->statusFilter()->currentText(), u"SLA breached"_s);
        QCOMPARE(listed(), QList<qint64>{late});
        m_window->showSlaTickets(m_world.support, false);
        QCOMPARE(listed(), QList<qint64>{soon});
        m_window->statusFilter()->setCurrentIndex(0);
        QCOMPARE(listed().size(), 5);
    }

    void dashboardForALead()
    {
        // Sam is a member: no dashboard.
        DashboardWindow none(*m_app->desk());
        QCOMPARE(none.departmentCount(), 0);

        // Sue leads Support.
        DeskApplication lead;
        lead.start(m_server->baseUrl());
        QTRY_VERIFY_WITH_TIMEOUT(lead.signInDialog() && lead.signInDialog()->isVisible(), 10'000);
        const auto edits = lead.signInDialog()->findChildren<QLineEdit *>();
        edits[1]->clear();
        QTest::keyClicks(edits[1], u"sue@acme.example"_s);
        QTest::keyClicks(edits[2], QString::fromLatin1(TestWorld::Password));
        QTest::keyClick(edits[2], Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(lead.mainWindow() != nullptr, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(!lead.desk()->figures(m_world.support, 30).isEmpty(), 15'000);
        QVERIFY(!lead.desk()->figures(m_world.support, 7).isEmpty());
        DashboardWindow dashboard(*lead.desk());
        QCOMPARE(dashboard.departmentCount(), 1);
        QCOMPARE(dashboard.valueText(m_world.support, u"open"_s), u"3"_s);
        QCOMPARE(dashboard.valueText(m_world.support, u"unassigned"_s), u"3"_s);
        // The trend's axis counts in dates, ending today.
        QList<QDateTimeAxis *> axes;
        for (QChartView *view : dashboard.findChildren<QChartView *>()) {
            for (QAbstractAxis *axis : view->chart()->axes(Qt::Horizontal)) {
                if (auto *dates = qobject_cast<QDateTimeAxis *>(axis))
                    axes.append(dates);
            }
        }
        QCOMPARE(axes.size(), 1);
        const QDate today = QDateTime::currentDateTimeUtc().date(); // the server's days are UTC days
        QCOMPARE(axes.first()->max().date(), today);
        QVERIFY(axes.first()->min().date() < today);
        QCOMPARE(axes.first()->format(), u"d MMM"_s);
        // The load chart shows, per agent, the open tickets and the SLA
        // trouble among them.
        QStringList sets;
        for (QChartView *view : dashboard.findChildren<QChartView *>()) {
            for (QAbstractSeries *series : view->chart()->series()) {
                if (auto *bars = qobject_cast<QBarSeries *>(series)) {
                    for (QBarSet *set : bars->barSets())
                        sets.append(set->label());
                }
            }
        }
        QCOMPARE(sets, (QStringList{u"Open"_s, u"SLA at risk"_s, u"SLA breached"_s}));
        QCOMPARE(dashboard.valueText(m_world.support, u"first_response/median_minutes"_s), u"—"_s);
        const QStringList csv = dashboard.toCsv().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(csv.size(), 2);
        QVERIFY(csv.first().startsWith(u"department,as_of,period_days,open,new"_s));
        QVERIFY(csv.last().startsWith(u"\"Support\","_s));
        QCOMPARE(csv.last().section(u',', 2, 2), u"7"_s);
        QTemporaryDir dir;
        QVERIFY(dashboard.exportCsv(dir.filePath(u"figures.csv"_s)));
        QFile written(dir.filePath(u"figures.csv"_s));
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(written.readAll()), dashboard.toCsv());

        // The 30-day view: the same counts now, the longer period's times.
        dashboard.setPeriod(30);
        QCOMPARE(dashboard.departmentCount(), 1);
        QCOMPARE(dashboard.valueText(m_world.support, u"open"_s), u"3"_s);
        QCOMPARE(dashboard.toCsv().split(u'\n', Qt::SkipEmptyParts).last().section(u',', 2, 2), u"30"_s);
    }

    // Files go with a reply: attached from the ticket view, kept with the
    // draft, checked against the department's limits, and sent with the
    // reply when the desk is back online.
    void filesGoWithAReplyAlsoOffline()
    {
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.support),
                              {{u"attachment_limits"_s, QJsonObject{{u"file_bytes"_s, 65536}}}}, m_world.token(u"admin"_s))
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(
            [this]() {
                for (const Department &d : m_app->engine()->store().departments())
                    if (d.id == m_world.support)
                        return d.maxFileBytes == 65536;
                return false;
            }(),
            15'000);
        QTemporaryDir files;
        const QString label = files.filePath(u"label.pdf"_s);
        const QString scan = files.filePath(u"scan.tiff"_s);
        QByteArray bytes("%PDF-1.4 return label\n");
        bytes += QByteArray(2000, 'l');
        for (const auto &[path, data] : {std::pair{label, bytes}, std::pair{scan, QByteArray(100'000, 's')}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(data);
        }

        m_server->kill();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->connectionLabel()->text().contains(u"Offline"_s), 15'000);
        TicketView *view = m_window->ticketView();
        m_window->openTicket(m_tickets[0]);
        QTest::keyClicks(view->editor(), u"Your label is attached."_s);
        view->attachFiles({label, scan});
        QCOMPARE(view->attachedFiles().size(), 1);
        QVERIFY(view->filesLine()->isVisible());
        QVERIFY(view->filesLine()->text().contains(u"label.pdf"_s));
        QVERIFY2(m_window->statusBar()->currentMessage().contains(u"takes files of up to"_s),
                 qPrintable(m_window->statusBar()->currentMessage()));
        // The draft keeps its file through switching tickets.
        m_window->openTicket(m_tickets[1]);
        QVERIFY(!view->filesLine()->isVisible());
        m_window->openTicket(m_tickets[0]);
        QCOMPARE(view->attachedFiles().size(), 1);
        if (qEnvironmentVariableIsSet("SIGNPOST_SCREENSHOT_DIR"))
            m_window->grab().save(qEnvironmentVariable("SIGNPOST_SCREENSHOT_DIR") + u"/desk-attach.png"_s);

        QTest::keyClick(view->editor(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->engine()->pendingCount(), 1, 5'000);
        QVERIFY(!view->filesLine()->isVisible());
        QVERIFY(m_server->restart());
        QTRY_COMPARE_WITH_TIMEOUT(m_app->engine()->pendingCount(), 0, 60'000);
        const QJsonObject reply = m_api->get(u"/api/v1/tickets/%1"_s.arg(m_tickets[0]), m_world.token(u"admin"_s))
                                      .json()[u"messages"_s].toArray().last().toObject();
        QCOMPARE(reply[u"body"_s].toString(), u"Your label is attached."_s);
        const QJsonArray sent = reply[u"attachments"_s].toArray();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent[0][u"filename"_s].toString(), u"label.pdf"_s);
        QCOMPARE(sent[0][u"content_type"_s].toString(), u"application/pdf"_s);
        QCOMPARE(m_api->get(u"/api/v1/attachments/%1"_s.arg(sent[0][u"id"_s].toInteger()), m_world.token(u"admin"_s)).body,
                 bytes);
        QTRY_VERIFY_WITH_TIMEOUT(view->thread()->toPlainText().contains(u"label.pdf"_s), 15'000);
    }

    void offlineBannerAndPendingCount()
    {
        m_server->kill();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->connectionBanner()->isVisible(), 15'000);
        QVERIFY(m_window->connectionLabel()->text().contains(u"Offline"_s));
        m_window->openTicket(m_tickets[0]);
        m_window->ticketView()->setNoteMode(true);
        QTest::keyClicks(m_window->ticketView()->editor(), u"Noted while offline"_s);
        QTest::mouseClick(button(m_window->ticketView(), u"Add internal note"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->connectionLabel()->text().contains(u"1 change"_s), 5'000);
        QVERIFY(m_window->connectionBanner()->text().contains(u"1 change"_s));
        QVERIFY(m_window->ticketView()->thread()->toPlainText().contains(u"waiting to be sent"_s));

        QVERIFY(m_server->restart());
        QTRY_COMPARE_WITH_TIMEOUT(m_app->engine()->pendingCount(), 0, 60'000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->connectionBanner()->isVisible(), 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->ticketView()->thread()->toPlainText().contains(u"waiting to be sent"_s),
                                 15'000);
    }

private:
    QTemporaryDir m_home;
    QList<qint64> m_tickets;
    std::unique_ptr<QTemporaryDir> m_mailDrop;
    std::unique_ptr<DeskApplication> m_app;
    MainWindow *m_window = nullptr;
};

QTEST_MAIN(TestDeskUi)
#include "tst_desk_ui.moc"
