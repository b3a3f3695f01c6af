// The Debian packages as an admin installs them: cpack builds both, lintian
// finds no error in them, dpkg unpacks them into an empty root, and the
// server from that root starts with the packaged config file and serves.
// Maintainer scripts are not run here (they would change this machine):
// their syntax is checked, and what they do is the unit's and adduser's.
#include "tests/support/apiclient.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost::Test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
};

Run run(const QString &program, const QStringList &arguments, const QString &directory = {}, int timeoutMs = 600'000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!directory.isEmpty())
        process.setWorkingDirectory(directory);
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit)
        return {-1, u"%1 did not finish: %2"_s.arg(program, process.errorString())};
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

} // namespace

class TestPackages : public QObject
{
    Q_OBJECT

    QTemporaryDir m_out;
    QString m_server; // the .deb files
    QString m_desk;

    QString field(const QString &deb, const QString &name)
    {
        return run(u"dpkg-deb"_s, {u"--field"_s, deb, name}).out.trimmed();
    }
    QStringList contents(const QString &deb)
    {
        QStringList paths;
        for (const QString &line : run(u"dpkg-deb"_s, {u"--contents"_s, deb}).out.split(u'\n', Qt::SkipEmptyParts))
            paths.append(line.section(u' ', -1).remove(QRegularExpression(u"^\\."_s)));
        return paths;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        const Run built = run(u"cpack"_s, {u"-G"_s, u"DEB"_s, u"-B"_s, m_out.path()}, QStringLiteral(SIGNPOST_BUILD_DIR));
        QVERIFY2(built.exitCode == 0, qPrintable(built.out.right(3000)));
        for (const QFileInfo &file : QDir(m_out.path()).entryInfoList({u"*.deb"_s}, QDir::Files)) {
            if (file.fileName().startsWith(u"signpost-server_"))
                m_server = file.absoluteFilePath();
            else if (file.fileName().startsWith(u"signpost-desk_"))
                m_desk = file.absoluteFilePath();
        }
        QVERIFY2(!m_server.isEmpty() && !m_desk.isEmpty(), qPrintable(built.out.right(2000)));
    }

    void theServerPackageHoldsWhatAnAdminNeeds()
    {
        QCOMPARE(field(m_server, u"Package"_s), u"signpost-server"_s);
        QCOMPARE(field(m_server, u"Version"_s), QStringLiteral(SIGNPOST_VERSION "-1"));
        const QString depends = field(m_server, u"Depends"_s);
        for (const QString &library : {u"adduser"_s, u"init-system-helpers"_s, u"libc6"_s, u"libqt6core6"_s, u"libsodium23"_s, u"libgmime-3.0"_s,
                                       u"libqt6sql6-sqlite"_s})
            QVERIFY2(depends.contains(library), qPrintable(library + u" not in "_s + depends));
        const QStringList paths = contents(m_server);
        for (const QString &path :
             {u"/usr/bin/signpost-server"_s, u"/lib/systemd/system/signpost-server.service"_s,
              u"/etc/signpost/signpost.conf"_s, u"/usr/share/doc/signpost-server/copyright"_s,
              u"/usr/share/doc/signpost-server/changelog.Debian.gz"_s,
              u"/usr/share/doc/signpost-server/examples/nginx/signpost.conf"_s})
            QVERIFY2(paths.contains(path), qPrintable(path + u" not in "_s + paths.join(u", "_s)));
        QVERIFY(!paths.contains(u"/usr/bin/signpost-desk"_s));
        const QTemporaryDir control;
        QCOMPARE(run(u"dpkg-deb"_s, {u"--control"_s, m_server, control.path()}).exitCode, 0);
        QFile conffiles(control.filePath(u"conffiles"_s));
        QVERIFY(conffiles.open(QIODevice::ReadOnly));
        QCOMPARE(conffiles.readAll().trimmed(), QByteArray("/etc/signpost/signpost.conf"));
        for (const QString &script : {u"postinst"_s, u"prerm"_s, u"postrm"_s}) {
            const Run syntax = run(u"sh"_s, {u"-n"_s, control.filePath(script)});
            QVERIFY2(syntax.exitCode == 0, qPrintable(script + u": "_s + syntax.out));
        }
    }

    void theDeskPackageHoldsItsEntryIconsAndMetainfo()
    {
        QCOMPARE(field(m_desk, u"Package"_s), u"signpost-desk"_s);
        const QString depends = field(m_desk, u"Depends"_s);
        for (const QString &library : {u"libqt6widgets6"_s, u"libqt6keychain1"_s, u"libqt6sql6-sqlite"_s})
            QVERIFY2(depends.contains(library), qPrintable(library + u" not in "_s + depends));
        const QStringList paths = contents(m_desk);
        QStringList expected{u"/usr/bin/signpost-desk"_s, u"/usr/share/applications/signpost-desk.desktop"_s,
                             u"/usr/share/metainfo/signpost-desk.metainfo.xml"_s,
                             u"/usr/share/icons/hicolor/scalable/apps/signpost-desk.svg"_s};
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
            expected.append(u"/usr/share/icons/hicolor/%1x%1/apps/signpost-desk.png"_s.arg(size));
        for (const QString &path : std::as_const(expected))
            QVERIFY2(paths.contains(path), qPrintable(path + u" not in "_s + paths.join(u", "_s)));
        const QString source = QStringLiteral(SIGNPOST_SOURCE_DIR);
        const Run metainfo = run(u"appstreamcli"_s, {u"validate"_s, u"--no-net"_s,
                                                     source + u"/packaging/desktop/signpost-desk.metainfo.xml"_s});
        QVERIFY2(metainfo.exitCode == 0, qPrintable(metainfo.out));
    }

    void lintianFindsNoError()
    {
        const Run lint = run(u"lintian"_s, {u"--fail-on"_s, u"error"_s, u"--suppress-tags"_s,
                                            u"no-manual-page"_s, m_server, m_desk});
        qInfo().noquote() << "lintian:" << (lint.out.isEmpty() ? u"nothing to say"_s : lint.out);
        QVERIFY2(lint.exitCode == 0, qPrintable(lint.out));
        QVERIFY2(!lint.out.contains(u"E: "_s), qPrintable(lint.out));
    }

    // dpkg itself unpacks both into an empty root, as onto a fresh system;
    // the server from there starts with the packaged config and serves.
    void bothUnpackIntoAFreshRootAndTheServerServes()
    {
        QTemporaryDir root;
        for (const QString &dir : {u"var/lib/dpkg/info"_s, u"var/lib/dpkg/updates"_s, u"var/lib/dpkg/triggers"_s})
            QVERIFY(QDir(root.path()).mkpath(dir));
        for (const QString &file : {u"var/lib/dpkg/status"_s, u"var/lib/dpkg/available"_s}) {
            QFile empty(QDir(root.path()).filePath(file));
            QVERIFY(empty.open(QIODevice::WriteOnly));
        }
        const Run unpacked = run(u"dpkg"_s, {u"--root"_s, root.path(), u"--force-depends"_s, u"--force-not-root"_s,
                                             u"--unpack"_s, m_server, m_desk});
        QVERIFY2(unpacked.exitCode == 0, qPrintable(unpacked.out));
        const Run listed = run(u"dpkg"_s, {u"--root"_s, root.path(), u"--list"_s, u"signpost-*"_s});
        QVERIFY2(listed.out.contains(u"signpost-server"_s) && listed.out.contains(u"signpost-desk"_s),
                 qPrintable(listed.out));

        const QString binary = root.filePath(u"usr/bin/signpost-server"_s);
        // Unpacked, not configured: dpkg keeps a conffile aside until then.
        const QString config = root.filePath(u"etc/signpost/signpost.conf.dpkg-new"_s);
        QVERIFY(QFileInfo::exists(config));
        const QTemporaryDir data;
        const Run checked = run(binary, {u"check-config"_s, u"--config"_s, config, u"--data-dir"_s, data.path()});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.out));
        QVERIFY2(checked.out.contains(u"trusted-proxy = 127.0.0.1"_s), qPrintable(checked.out));

        QProcess server;
        server.start(binary, {u"--config"_s, config, u"--data-dir"_s, data.path(), u"--port"_s, u"0"_s});
        server.setReadChannel(QProcess::StandardOutput);
        QVERIFY(QTest::qWaitFor([&server]() { return server.canReadLine() || server.state() == QProcess::NotRunning; },
                                30'000));
        const QUrl base(QString::fromUtf8(server.readLine()).trimmed());
        QVERIFY2(base.port() > 0, qPrintable(QString::fromUtf8(server.readAllStandardError())));
        ApiClient api(base);
        QCOMPARE(api.get(u"/healthz"_s).status, 200);
        server.terminate();
        QVERIFY(server.waitForFinished(30'000));
        QCOMPARE(server.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPackages)
#include "tst_packages.moc"
