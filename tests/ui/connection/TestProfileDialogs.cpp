#include "AppSettings.h"
#include "ExtraCa.h"
#include "InMemorySecretStore.h"
#include "MockFixture.h"
#include "ProfileEditDialog.h"
#include "ProfileManagerDialog.h"
#include "ProfileStore.h"
#include "SeedIds.h"
#include "StatusStyle.h"
#include "TokenUpdateDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace
{
const QString connectedToAcme = QStringLiteral("Connected to ACME Corporation (312908912355508120)");
const QString badTokenSentence =
    QStringLiteral("The server did not accept your token: it is invalid or has expired. (AUTH-7fs1e)");
const QString plainHttpSentence =
    QStringLiteral("Plain http:// would send the token unencrypted over the network; use https://, or "
                   "explicitly allow plain http for this connection.");
const QString sessionOnly =
    QStringLiteral("No system keychain is available, so the token is kept for this session only.");

template <class T>
T* child(const QObject* parent, const char* name)
{
    return parent->findChild<T*>(QLatin1String(name));
}

// Types like a person would: replaces what the field holds (an empty text clears it).
void typeInto(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

struct Fields
{
    QString name, url, token, org;
};

void fill(ProfileEditDialog& dialog, const Fields& f)
{
    typeInto(child<QLineEdit>(&dialog, "nameEdit"), f.name);
    typeInto(child<QLineEdit>(&dialog, "urlEdit"), f.url);
    typeInto(child<QLineEdit>(&dialog, "tokenEdit"), f.token);
    typeInto(child<QLineEdit>(&dialog, "orgEdit"), f.org);
}

QPushButton* okButton(const QDialog& dialog)
{
    return child<QDialogButtonBox>(&dialog, "buttonBox")->button(QDialogButtonBox::Ok);
}

// Presses OK the way the hook's caller would see it: accepted only if OK was enabled.
bool pressOk(ProfileEditDialog& dialog)
{
    QPushButton* ok = okButton(dialog);
    if (!ok->isEnabled())
        return false;
    ok->click();
    return dialog.result() == QDialog::Accepted;
}

StatusStyle::Tone toneOf(const QLabel* label)
{
    return static_cast<StatusStyle::Tone>(label->property("tone").toInt());
}

QString tlsFile(const char* name)
{
    return QFINDTESTDATA(QStringLiteral("tls/") + QLatin1String(name));
}

// https on 127.0.0.1 with a certificate for localhost/127.0.0.1 signed by a test CA, answering
// every request with GetMyOrg's JSON. No system trusts that CA, so only the extra CA makes the
// handshake succeed. The files in tls/ were made once (valid for 100 years; ca.key was thrown
// away) with:
//   openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 36500
//       -subj "/CN=Verify Desk test CA" -addext basicConstraints=critical,CA:TRUE
//       -addext keyUsage=critical,keyCertSign,cRLSign
//   openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=localhost
//   openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -out server.pem -days 36500
//       -extfile ext.cnf      (subjectAltName=DNS:localhost,IP:127.0.0.1 and serverAuth)
//   openssl x509 -in ca.pem -outform DER -out ca.der
class TlsOrgServer
{
public:
    bool listen()
    {
        QFile cert(tlsFile("server.pem"));
        QFile key(tlsFile("server.key"));
        if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            return false;
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificate(QSslCertificate(cert.readAll(), QSsl::Pem));
        ssl.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa, QSsl::Pem));
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone); // clients have no certificate
        m_server.setSslConfiguration(ssl);
        QObject::connect(&m_server, &QTcpServer::pendingConnectionAvailable, &m_server, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                serve(socket);
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl baseUrl() const { return QUrl(QStringLiteral("https://localhost:%1").arg(m_server.serverPort())); }
    int requests() const { return m_requests; }

private:
    void serve(QTcpSocket* socket)
    {
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            m_buffer[socket] += socket->readAll();
            if (!m_buffer[socket].contains("\r\n\r\n"))
                return;
            m_buffer.remove(socket);
            ++m_requests;
            const QByteArray body = R"({"org":{"id":"4242","name":"Behind the company CA",)"
                                    R"("state":"ORG_STATE_ACTIVE","primaryDomain":"ca.example"}})";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                          "Content-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
    }

    QSslServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffer;
    int m_requests = 0;
};
} // namespace

class TestProfileDialogs : public QObject
{
    Q_OBJECT

private:
    QByteArray iniBytes() const
    {
        m_settings->sync();
        QFile file(m_dir->filePath(QStringLiteral("settings.ini")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    ConnectionProfile saveProfile(const QString& name, const QUrl& url, const QString& token)
    {
        ConnectionProfile p;
        p.name = name;
        p.baseUrl = url;
        const auto saved = m_store->save(p);
        Q_ASSERT(saved);
        m_secrets->write(saved->secretKey(), token, {});
        return *saved;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<InMemorySecretStore> m_secrets;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
        m_store = std::make_unique<ProfileStore>(m_settings->settings());
        m_secrets = std::make_unique<InMemorySecretStore>();
        ProfileManagerDialog::setNextDeleteAnswer(std::nullopt);
    }
    void cleanup()
    {
        m_secrets.reset();
        m_store.reset();
        m_settings.reset();
        m_dir.reset();
    }

    // ---- ProfileEditDialog: Test connection against the mock ----

    void testConnection_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("org");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("expected");
        QTest::newRow("admin") << "mock-admin"
                               << "" << true << connectedToAcme;
        QTest::newRow("support") << "mock-support"
                                 << "" << true << connectedToAcme;
        QTest::newRow("admin in Globex") << "mock-admin" << SeedIds::GlobexOrg << true
                                         << "Connected to Globex (312908912355508121)";
        QTest::newRow("bad token") << "not-a-token"
                                   << "" << false << badTokenSentence;
    }
    void testConnection()
    {
        QFETCH(QString, token);
        QFETCH(QString, org);
        QFETCH(bool, ok);
        QFETCH(QString, expected);
        MockFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));

        ProfileEditDialog dialog(m_store.get(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        fill(dialog, {QStringLiteral("Mock"), fx.baseUrl().toString(), token, org});
        auto* button = child<QPushButton>(&dialog, "testButton");
        auto* result = child<QLabel>(&dialog, "testResultLabel");
        QSignalSpy finished(&dialog, &ProfileEditDialog::testFinished);

        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(button->text(), QStringLiteral("Cancel test"));
        QVERIFY(dialog.isTesting());
        QVERIFY(finished.wait(5000));

        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), ok);
        QCOMPARE(result->text(), expected);
        QCOMPARE(toneOf(result), ok ? StatusStyle::Tone::Success : StatusStyle::Tone::Error);
        QCOMPARE(button->text(), QStringLiteral("Test connection"));
        // An error clears nothing the user typed.
        QCOMPARE(child<QLineEdit>(&dialog, "tokenEdit")->text(), token);
        QCOMPARE(child<QLineEdit>(&dialog, "urlEdit")->text(), fx.baseUrl().toString());
    }

    void cancelTestThenTestAgain()
    {
        MockFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        fx.server().setLatency(3000);
        ProfileEditDialog dialog(m_store.get(), {});
        dialog.show();
        fill(dialog, {QStringLiteral("Mock"), fx.baseUrl().toString(), QStringLiteral("mock-admin"), {}});
        auto* button = child<QPushButton>(&dialog, "testButton");
        auto* result = child<QLabel>(&dialog, "testResultLabel");
        QSignalSpy finished(&dialog, &ProfileEditDialog::testFinished);

        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(button->text(), QStringLiteral("Cancel test"));
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(button->text(), QStringLiteral("Test connection"));
        QCOMPARE(result->text(), QStringLiteral("The test was cancelled."));
        QVERIFY(!dialog.isTesting());

        // The next test reports only its own answer, once.
        fx.server().setLatency(0);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(result->text(), connectedToAcme);
    }

    void slowServerTimesOut()
    {
        MockFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        fx.server().setLatency(3000);
        ProfileEditDialog dialog(m_store.get(), {});
        dialog.setTestTimeout(200);
        fill(dialog, {QStringLiteral("Mock"), fx.baseUrl().toString(), QStringLiteral("mock-admin"), {}});
        QSignalSpy finished(&dialog, &ProfileEditDialog::testFinished);
        child<QPushButton>(&dialog, "testButton")->click();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        auto* result = child<QLabel>(&dialog, "testResultLabel");
        QVERIFY(!result->text().isEmpty());
        QCOMPARE(toneOf(result), StatusStyle::Tone::Error);
        QCOMPARE(child<QPushButton>(&dialog, "testButton")->text(), QStringLiteral("Test connection"));
    }

    // Nothing is sent when the token would cross the network in clear text.
    void testRefusesPlainHttpToAnotherMachine()
    {
        ProfileEditDialog dialog(m_store.get(), {});
        fill(dialog,
            {QStringLiteral("Remote"), QStringLiteral("http://zitadel.example.com"), QStringLiteral("pat"), {}});
        QSignalSpy finished(&dialog, &ProfileEditDialog::testFinished);
        child<QPushButton>(&dialog, "testButton")->click();
        QCOMPARE(child<QLabel>(&dialog, "testResultLabel")->text(), plainHttpSentence);
        QVERIFY(!dialog.isTesting());
        QCOMPARE(child<QLabel>(&dialog, "validationLabel")->text(), plainHttpSentence);
        QVERIFY(!okButton(dialog)->isEnabled());
        QCOMPARE(finished.count(), 0);
    }

    void testWithTheStoredToken()
    {
        MockFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        const ConnectionProfile stored =
            saveProfile(QStringLiteral("Mock"), fx.baseUrl(), QStringLiteral("mock-admin"));
        ProfileEditDialog dialog(m_store.get(), stored);
        dialog.setSecretStore(m_secrets.get());
        QSignalSpy finished(&dialog, &ProfileEditDialog::testFinished);
        child<QPushButton>(&dialog, "testButton")->click();
        QVERIFY(finished.wait(5000));
        QCOMPARE(child<QLabel>(&dialog, "testResultLabel")->text(), connectedToAcme);
    }

    // ---- ProfileEditDialog: validation while typing ----

    void invalidUrlShowsProblemAndKeepsText_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no scheme") << "acme.zitadel.cloud"
                                   << "The instance URL must start with https:// (or http:// for a server on this "
                                      "computer).";
        QTest::newRow("ftp") << "ftp://acme.zitadel.cloud"
                             << "The instance URL must start with https:// (or http:// for a server on this "
                                "computer).";
        QTest::newRow("query") << "https://acme.zitadel.cloud/?org=1"
                               << "The instance URL must not contain ? or #; enter only the address of the instance.";
        QTest::newRow("plain http remote") << "http://acme.zitadel.cloud" << plainHttpSentence;
    }
    void invalidUrlShowsProblemAndKeepsText()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        ProfileEditDialog dialog(m_store.get(), {});
        dialog.show();
        fill(dialog, {QStringLiteral("Staging"), url, QStringLiteral("pat-1"), {}});
        auto* validation = child<QLabel>(&dialog, "validationLabel");
        QCOMPARE(validation->text(), expected);
        QVERIFY(validation->isVisible());
        QCOMPARE(toneOf(validation), StatusStyle::Tone::Error);
        QVERIFY(!okButton(dialog)->isEnabled());

        QTest::keyClick(child<QLineEdit>(&dialog, "urlEdit"), Qt::Key_Return); // OK is disabled: stays open
        QVERIFY(dialog.isVisible());
        QCOMPARE(child<QLineEdit>(&dialog, "urlEdit")->text(), url);
        QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Staging"));
        QCOMPARE(child<QLineEdit>(&dialog, "tokenEdit")->text(), QStringLiteral("pat-1"));
    }

    void validationFollowsTyping()
    {
        saveProfile(QStringLiteral("Production"), QUrl(QStringLiteral("https://p.example")), QStringLiteral("t"));
        ProfileEditDialog dialog(m_store.get(), {});
        auto* validation = child<QLabel>(&dialog, "validationLabel");
        auto* ok = okButton(dialog);
        QVERIFY(validation->isHidden()); // an untouched form is not scolded
        QVERIFY(!ok->isEnabled());

        typeInto(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("production"));
        QCOMPARE(validation->text(),
            QStringLiteral("Another connection is already called \"Production\"; choose another name."));
        typeInto(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("Staging"));
        QCOMPARE(validation->text(), QStringLiteral("Enter the instance URL, for example https://acme.zitadel.cloud."));
        typeInto(child<QLineEdit>(&dialog, "urlEdit"), QStringLiteral("https://staging.example"));
        QCOMPARE(validation->text(), QStringLiteral("Enter the personal access token for this connection."));
        typeInto(child<QLineEdit>(&dialog, "tokenEdit"), QStringLiteral("pat 1"));
        QCOMPARE(validation->text(),
            QStringLiteral("The token contains spaces, line breaks or other invisible characters; paste it again "
                           "without them."));
        typeInto(child<QLineEdit>(&dialog, "tokenEdit"), QStringLiteral("pat-1"));
        QVERIFY(validation->isHidden());
        QVERIFY(ok->isEnabled());
        typeInto(child<QLineEdit>(&dialog, "orgEdit"), QStringLiteral("acme"));
        QCOMPARE(validation->text(),
            QStringLiteral("The default organization id must contain only digits, like 312908912355508120."));
        QVERIFY(!ok->isEnabled());
        typeInto(child<QLineEdit>(&dialog, "orgEdit"), QStringLiteral(" 42 ")); // trimmed
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.profile().defaultOrganizationId, QStringLiteral("42"));
        QCOMPARE(dialog.profile().name, QStringLiteral("Staging"));
        QCOMPARE(dialog.token(), QStringLiteral("pat-1"));
        QVERIFY(dialog.profile().id.isEmpty());
    }

    void editKeepsStoredTokenWhenEmpty()
    {
        const ConnectionProfile existing =
            saveProfile(QStringLiteral("Production"), QUrl(QStringLiteral("https://p.example")), QStringLiteral("t"));
        ProfileEditDialog dialog(m_store.get(), existing);
        auto* token = child<QLineEdit>(&dialog, "tokenEdit");
        QVERIFY(token->text().isEmpty());
        QCOMPARE(token->placeholderText(), QStringLiteral("Stored — leave empty to keep"));
        QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Production"));
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(child<QLabel>(&dialog, "validationLabel")->isHidden());
        QCOMPARE(dialog.profile(), existing);
        QVERIFY(dialog.token().isEmpty());
    }

    void showHideToken()
    {
        ProfileEditDialog dialog(m_store.get(), {});
        auto* token = child<QLineEdit>(&dialog, "tokenEdit");
        auto* toggle = child<QAction>(&dialog, "showTokenAction");
        QVERIFY(toggle);
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        toggle->trigger();
        QCOMPARE(token->echoMode(), QLineEdit::Normal);
        toggle->trigger();
        QCOMPARE(token->echoMode(), QLineEdit::Password);
    }

    // ---- ProfileEditDialog: plain http to another computer is an explicit choice ----

    void plainHttpWarningFollowsTheAddress_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("warned");
        QTest::newRow("https") << "https://acme.zitadel.cloud" << false;
        QTest::newRow("http localhost") << "http://localhost:8080" << false;
        QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8080" << false;
        QTest::newRow("http 127.1.2.3") << "http://127.1.2.3" << false;
        QTest::newRow("http ::1") << "http://[::1]:8080" << false;
        QTest::newRow("http lab host") << "http://zitadel.lab.example:8080" << true;
        QTest::newRow("http LAN address") << "http://192.168.1.20" << true;
        QTest::newRow("http name like localhost") << "http://localhost.example.com" << true;
    }
    void plainHttpWarningFollowsTheAddress()
    {
        QFETCH(QString, url);
        QFETCH(bool, warned);
        ProfileEditDialog dialog(m_store.get(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        fill(dialog, {QStringLiteral("Lab"), url, QStringLiteral("pat-1"), {}});
        auto* warning = child<QLabel>(&dialog, "plainHttpWarning");
        auto* allow = child<QCheckBox>(&dialog, "allowPlainHttpCheck");
        auto* validation = child<QLabel>(&dialog, "validationLabel");
        QCOMPARE(warning->isVisible(), warned);
        QCOMPARE(allow->isVisible(), warned);
        QVERIFY(!allow->isChecked());
        QCOMPARE(okButton(dialog)->isEnabled(), !warned);
        if (!warned) {
            QVERIFY(validation->isHidden());
            return;
        }
        // What is at risk, in words: the token and the users' data, unencrypted.
        const QString risk = warning->text();
        QVERIFY2(risk.contains(QLatin1String("token")) && risk.contains(QLatin1String("email addresses"))
                && risk.contains(QLatin1String("clear text")),
            qPrintable(risk));
        QCOMPARE(toneOf(warning), StatusStyle::Tone::Warning);
        QCOMPARE(validation->text(), plainHttpSentence);
        QVERIFY(!dialog.profile().allowPlainHttp);

        // Unticked, Test is refused with the same sentence and nothing is sent.
        QSignalSpy finished(&dialog, &ProfileEditDialog::testFinished);
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(&dialog, "testResultLabel")->text(), plainHttpSentence);
        QVERIFY(!dialog.isTesting());
        QCOMPARE(finished.count(), 0);

        // Ticked, the profile may be saved, and says so.
        QTest::mouseClick(allow, Qt::LeftButton);
        QVERIFY(allow->isChecked());
        QVERIFY(validation->isHidden());
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(dialog.profile().allowPlainHttp);
        QCOMPARE(child<QLineEdit>(&dialog, "urlEdit")->text(), url);
        QCOMPARE(child<QLineEdit>(&dialog, "tokenEdit")->text(), QStringLiteral("pat-1"));
    }

    // The choice belongs to the address it was made for: https drops it, and coming back to
    // plain http asks again.
    void theChoiceIsForgottenWhenTheAddressIsSafe()
    {
        ProfileEditDialog dialog(m_store.get(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        fill(dialog, {QStringLiteral("Lab"), QStringLiteral("http://zitadel.lab.example"), QStringLiteral("pat"), {}});
        auto* allow = child<QCheckBox>(&dialog, "allowPlainHttpCheck");
        QTest::mouseClick(allow, Qt::LeftButton);
        QVERIFY(okButton(dialog)->isEnabled());

        typeInto(child<QLineEdit>(&dialog, "urlEdit"), QStringLiteral("https://zitadel.lab.example"));
        QVERIFY(!child<QLabel>(&dialog, "plainHttpWarning")->isVisible());
        QVERIFY(!allow->isVisible());
        QVERIFY(!allow->isChecked());
        QVERIFY(!dialog.profile().allowPlainHttp);
        QVERIFY(okButton(dialog)->isEnabled());

        typeInto(child<QLineEdit>(&dialog, "urlEdit"), QStringLiteral("http://zitadel.lab.example"));
        QVERIFY(child<QLabel>(&dialog, "plainHttpWarning")->isVisible());
        QVERIFY(allow->isVisible());
        QVERIFY(!allow->isChecked());
        QVERIFY(!okButton(dialog)->isEnabled());
        QCOMPARE(child<QLabel>(&dialog, "validationLabel")->text(), plainHttpSentence);
    }

    // Ticked, Test really goes out over plain http. 0.0.0.0 is not this computer by
    // ProfileStore's rules, yet Linux delivers a connection to it to the loopback mock: a
    // stand-in for a lab server that needs no network.
    void plainHttpAllowedIsTestedAndSaved()
    {
        MockFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        const QString url = QStringLiteral("http://0.0.0.0:%1").arg(fx.baseUrl().port());
        QVERIFY(ProfileStore::isPlainHttpToOtherHost(QUrl(url)));
        ProfileManagerDialog manager(m_store.get(), m_secrets.get());
        bool tested = false;
        manager.setEditHook([&](ProfileEditDialog& editor) {
            editor.show();
            fill(editor, {QStringLiteral("Lab"), url, QStringLiteral("mock-admin"), {}});
            QSignalSpy finished(&editor, &ProfileEditDialog::testFinished);
            auto* test = child<QPushButton>(&editor, "testButton");
            test->click();
            if (finished.count() != 0 || editor.isTesting())
                return false; // refused before the tick, as it must be
            QTest::mouseClick(child<QCheckBox>(&editor, "allowPlainHttpCheck"), Qt::LeftButton);
            test->click();
            tested = finished.wait(10000) && finished.at(0).at(0).toBool()
                && child<QLabel>(&editor, "testResultLabel")->text() == connectedToAcme;
            return pressOk(editor);
        });
        child<QPushButton>(&manager, "addButton")->click();
        QVERIFY(tested);
        const auto saved = m_store->byName(QStringLiteral("Lab"));
        QVERIFY(saved);
        QVERIFY(saved->allowPlainHttp);
        QCOMPARE(saved->baseUrl, QUrl(url));

        // Opened again, the choice is shown as made.
        ProfileEditDialog again(m_store.get(), *saved);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(child<QCheckBox>(&again, "allowPlainHttpCheck")->isVisible());
        QVERIFY(child<QCheckBox>(&again, "allowPlainHttpCheck")->isChecked());
        QVERIFY(okButton(again)->isEnabled());
        QCOMPARE(again.profile(), *saved);
    }

    // ---- ProfileEditDialog: an extra CA file ----

    void badCaFileIsNamedNextToTheField_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("sentenceEnd");
        QTest::newRow("missing") << "missing"
                                 << "does not exist.";
        QTest::newRow("directory") << "directory"
                                   << "is not a file.";
        QTest::newRow("not a certificate") << "text"
                                           << "holds no certificate in PEM or DER form.";
        QTest::newRow("a private key") << "key"
                                       << "holds no certificate in PEM or DER form.";
    }
    void badCaFileIsNamedNextToTheField()
    {
        QFETCH(QString, kind);
        QFETCH(QString, sentenceEnd);
        QString path;
        if (kind == QLatin1String("missing")) {
            path = m_dir->filePath(QStringLiteral("nowhere/company-ca.pem"));
        } else if (kind == QLatin1String("directory")) {
            path = m_dir->path();
        } else if (kind == QLatin1String("key")) {
            path = tlsFile("server.key");
        } else {
            path = m_dir->filePath(QStringLiteral("notes.pem"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("ask Bob for the real one\n");
        }
        MockFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        const quint64 before = fx.router().requestCount();
        ProfileEditDialog dialog(m_store.get(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        fill(dialog, {QStringLiteral("Mock"), fx.baseUrl().toString(), QStringLiteral("mock-admin"), {}});
        typeInto(child<QLineEdit>(&dialog, "caFileEdit"), path);
        auto* problem = child<QLabel>(&dialog, "caProblemLabel");

        // Save: refused, with ExtraCa's sentence under the field; everything stays.
        QVERIFY(okButton(dialog)->isEnabled()); // nothing else is wrong
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().startsWith(QLatin1String("The CA file ")) && problem->text().contains(path)
                && problem->text().endsWith(sentenceEnd),
            qPrintable(problem->text()));
        QString expected;
        ExtraCa::load(path, &expected);
        QCOMPARE(problem->text(), expected);
        QCOMPARE(toneOf(problem), StatusStyle::Tone::Error);
        QCOMPARE(child<QLineEdit>(&dialog, "caFileEdit")->text(), path);
        QCOMPARE(child<QLineEdit>(&dialog, "tokenEdit")->text(), QStringLiteral("mock-admin"));
        QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Mock"));

        // Test: refused too, before anything is sent.
        QSignalSpy finished(&dialog, &ProfileEditDialog::testFinished);
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QVERIFY(!dialog.isTesting());
        QCOMPARE(child<QLabel>(&dialog, "testResultLabel")->text(),
            QStringLiteral("Not tested: the extra CA certificate cannot be used (see above)."));
        QCOMPARE(finished.count(), 0);
        QCOMPARE(fx.router().requestCount(), before);

        // Changing the field takes the old sentence away; emptying it is fine (the CA is optional).
        typeInto(child<QLineEdit>(&dialog, "caFileEdit"), QString());
        QVERIFY(problem->isHidden());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void browsePicksTheCaFileAndChecksIt()
    {
        ProfileEditDialog dialog(m_store.get(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* edit = child<QLineEdit>(&dialog, "caFileEdit");
        auto* browse = child<QPushButton>(&dialog, "browseCaButton");
        auto* problem = child<QLabel>(&dialog, "caProblemLabel");
        QVERIFY(edit->toolTip().contains(QLatin1String("no option to ignore certificate errors")));
        QVERIFY(child<QLabel>(&dialog, "caHelpLabel")->text().contains(QLatin1String("never ignored")));

        ProfileEditDialog::setNextCaFileName(tlsFile("ca.pem"));
        QTest::mouseClick(browse, Qt::LeftButton);
        QCOMPARE(edit->text(), QDir::toNativeSeparators(tlsFile("ca.pem")));
        QVERIFY(problem->isHidden());
        QCOMPARE(dialog.profile().extraCaFile, edit->text());

        const QString missing = m_dir->filePath(QStringLiteral("gone.pem"));
        ProfileEditDialog::setNextCaFileName(missing);
        QTest::mouseClick(browse, Qt::LeftButton);
        QCOMPARE(edit->text(), missing);
        QTRY_VERIFY(problem->isVisible()); // checked at once, not only on Save
        QCOMPARE(problem->text(), QStringLiteral("The CA file %1 does not exist.").arg(missing));

        ProfileEditDialog::setNextCaFileName(QString()); // the person cancelled the file dialog
        QTest::mouseClick(browse, Qt::LeftButton);
        QCOMPARE(edit->text(), missing);
    }

    // Test connection trusts the extra CA, and nothing else: without it the same server fails.
    void testConnectionTrustsTheExtraCa_data()
    {
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<bool>("ok");
        QTest::newRow("no extra CA") << QString() << false;
        QTest::newRow("PEM") << "ca.pem" << true;
        QTest::newRow("DER") << "ca.der" << true;
    }
    void testConnectionTrustsTheExtraCa()
    {
        QFETCH(QString, caFile);
        QFETCH(bool, ok);
        TlsOrgServer server;
        QVERIFY(server.listen());
        ProfileEditDialog dialog(m_store.get(), {});
        dialog.show();
        fill(dialog, {QStringLiteral("Company"), server.baseUrl().toString(), QStringLiteral("pat-ca"), {}});
        if (!caFile.isEmpty())
            typeInto(child<QLineEdit>(&dialog, "caFileEdit"), tlsFile(caFile.toLatin1().constData()));
        QSignalSpy finished(&dialog, &ProfileEditDialog::testFinished);
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toBool(), ok);
        auto* result = child<QLabel>(&dialog, "testResultLabel");
        if (ok) {
            QCOMPARE(result->text(), QStringLiteral("Connected to Behind the company CA (4242)"));
            QCOMPARE(server.requests(), 1);
        } else {
            QCOMPARE(toneOf(result), StatusStyle::Tone::Error);
            QVERIFY2(!result->text().isEmpty(), "a TLS failure must be explained");
            QCOMPARE(server.requests(), 0); // the token never left: the handshake failed first
        }
    }

    void editingAProfileWhoseCaFileIsGoneSaysSoAtOnce()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("Company");
        p.baseUrl = QUrl(QStringLiteral("https://zitadel.corp.example"));
        p.extraCaFile = m_dir->filePath(QStringLiteral("moved-away.pem"));
        const auto saved = m_store->save(p);
        QVERIFY(saved);
        ProfileEditDialog dialog(m_store.get(), *saved);
        auto* problem = child<QLabel>(&dialog, "caProblemLabel");
        QVERIFY(!problem->isHidden());
        QCOMPARE(problem->text(), QStringLiteral("The CA file %1 does not exist.").arg(p.extraCaFile));
        QCOMPARE(child<QLineEdit>(&dialog, "caFileEdit")->text(), p.extraCaFile);
    }

    // ---- TokenUpdateDialog ----

    // The token is stored before the dialog closes; a keychain that refuses keeps it open with
    // the reason and the typed token, and a missing keychain is reported as session-only.
    void tokenUpdateStoresOrSaysWhyNot()
    {
        const ConnectionProfile profile =
            saveProfile(QStringLiteral("Production"), QUrl(QStringLiteral("https://p.example")), QStringLiteral("old"));
        TokenUpdateDialog dialog(m_secrets.get(), profile);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(child<QLabel>(&dialog, "introLabel")
                    ->text()
                    .startsWith(QStringLiteral("“Production” (https://p.example)")));
        auto* token = child<QLineEdit>(&dialog, "tokenEdit");
        auto* save = child<QDialogButtonBox>(&dialog, "buttonBox")->button(QDialogButtonBox::Save);
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        QVERIFY(token->text().isEmpty());
        QVERIFY(!save->isEnabled());
        typeInto(token, QStringLiteral("pat-new-1"));
        QVERIFY(save->isEnabled());

        m_secrets->setSimulateFailure(QStringLiteral("Access denied."));
        QSignalSpy finished(&dialog, &QDialog::finished);
        QTest::mouseClick(save, Qt::LeftButton);
        auto* problem = child<QLabel>(&dialog, "validationLabel");
        QTRY_COMPARE(problem->text(), QStringLiteral("The token could not be stored: Access denied."));
        QVERIFY(dialog.isVisible());
        QCOMPARE(finished.count(), 0);
        QCOMPARE(token->text(), QStringLiteral("pat-new-1"));
        QVERIFY(save->isEnabled());
        QCoreApplication::processEvents();
        QCOMPARE(m_secrets->peek(profile.secretKey()), std::optional<QString>(QStringLiteral("old")));

        m_secrets->setSimulateFailure(QString());
        m_secrets->setSimulateNoBackend(true);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).toInt(), int(QDialog::Accepted));
        QCOMPARE(m_secrets->peek(profile.secretKey()), std::optional<QString>(QStringLiteral("pat-new-1")));
        QCOMPARE(dialog.notice(), sessionOnly);
        QVERIFY(token->text().isEmpty()); // nothing of the token stays in the window
        QVERIFY(!iniBytes().contains("pat-new-1"));
    }

    // ---- ProfileManagerDialog ----

    void managerAddsProfileAndStoresToken()
    {
        ProfileManagerDialog manager(m_store.get(), m_secrets.get());
        QSignalSpy changed(&manager, &ProfileManagerDialog::profilesChanged);
        manager.setEditHook([](ProfileEditDialog& editor) {
            fill(editor,
                {QStringLiteral("Production"), QStringLiteral("https://p.example"), QStringLiteral("pat-123"), {}});
            return pressOk(editor);
        });
        child<QPushButton>(&manager, "addButton")->click();

        auto* list = child<QListWidget>(&manager, "profileList");
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), QStringLiteral("Production"));
        QCOMPARE(changed.count(), 1);
        const auto saved = m_store->byName(QStringLiteral("Production"));
        QVERIFY(saved);
        QCOMPARE(manager.currentProfileId(), saved->id);
        QTRY_COMPARE(m_secrets->peek(saved->secretKey()), std::optional<QString>(QStringLiteral("pat-123")));
        QVERIFY(child<QLabel>(&manager, "secretNoticeLabel")->isHidden());
        QVERIFY(!iniBytes().contains("pat-123"));
    }

    void managerEditRenamesAndKeepsToken()
    {
        const ConnectionProfile existing = saveProfile(
            QStringLiteral("Production"), QUrl(QStringLiteral("https://p.example")), QStringLiteral("tok-old-7"));
        ProfileManagerDialog manager(m_store.get(), m_secrets.get());
        manager.selectProfile(existing.id);

        manager.setEditHook([](ProfileEditDialog& editor) {
            if (!child<QLineEdit>(&editor, "tokenEdit")->text().isEmpty())
                return false;
            typeInto(child<QLineEdit>(&editor, "nameEdit"), QStringLiteral("Prod (EU)"));
            return pressOk(editor);
        });
        child<QPushButton>(&manager, "editButton")->click();
        const auto renamed = m_store->byId(existing.id);
        QVERIFY(renamed);
        QCOMPARE(renamed->name, QStringLiteral("Prod (EU)"));
        QCOMPARE(m_store->profiles().size(), 1);
        QCOMPARE(child<QListWidget>(&manager, "profileList")->item(0)->text(), QStringLiteral("Prod (EU)"));
        QCoreApplication::processEvents();
        QCOMPARE(m_secrets->peek(existing.secretKey()), std::optional<QString>(QStringLiteral("tok-old-7")));

        manager.setEditHook([](ProfileEditDialog& editor) {
            typeInto(child<QLineEdit>(&editor, "tokenEdit"), QStringLiteral("tok-new-8"));
            return pressOk(editor);
        });
        child<QPushButton>(&manager, "editButton")->click();
        QTRY_COMPARE(m_secrets->peek(existing.secretKey()), std::optional<QString>(QStringLiteral("tok-new-8")));
        QCOMPARE(m_store->byId(existing.id)->name, QStringLiteral("Prod (EU)"));
        const QByteArray ini = iniBytes();
        QVERIFY(!ini.contains("tok-old-7"));
        QVERIFY(!ini.contains("tok-new-8"));
    }

    void managerSavesTheCaFileAndRefusesABadOne()
    {
        ProfileManagerDialog manager(m_store.get(), m_secrets.get());
        QString caPath = m_dir->filePath(QStringLiteral("missing.pem"));
        bool refused = false;
        manager.setEditHook([&](ProfileEditDialog& editor) {
            fill(editor,
                {QStringLiteral("Company"),
                    QStringLiteral("https://zitadel.corp.example"),
                    QStringLiteral("pat-c"),
                    {}});
            typeInto(child<QLineEdit>(&editor, "caFileEdit"), caPath);
            refused = !pressOk(editor) && !child<QLabel>(&editor, "caProblemLabel")->isHidden();
            typeInto(child<QLineEdit>(&editor, "caFileEdit"), tlsFile("ca.pem"));
            return pressOk(editor);
        });
        child<QPushButton>(&manager, "addButton")->click();
        QVERIFY(refused);
        const auto saved = m_store->byName(QStringLiteral("Company"));
        QVERIFY(saved);
        QCOMPARE(saved->extraCaFile, tlsFile("ca.pem"));
        QVERIFY(!saved->allowPlainHttp);
    }

    void managerEditCancelledChangesNothing()
    {
        const ConnectionProfile existing =
            saveProfile(QStringLiteral("Production"), QUrl(QStringLiteral("https://p.example")), QStringLiteral("old"));
        ProfileManagerDialog manager(m_store.get(), m_secrets.get());
        QSignalSpy changed(&manager, &ProfileManagerDialog::profilesChanged);
        manager.setEditHook([](ProfileEditDialog& editor) {
            typeInto(child<QLineEdit>(&editor, "nameEdit"), QStringLiteral("Other"));
            typeInto(child<QLineEdit>(&editor, "tokenEdit"), QStringLiteral("other"));
            editor.reject();
            return false;
        });
        child<QPushButton>(&manager, "editButton")->click();
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m_store->byId(existing.id), std::optional<ConnectionProfile>(existing));
        QCoreApplication::processEvents();
        QCOMPARE(m_secrets->peek(existing.secretKey()), std::optional<QString>(QStringLiteral("old")));
    }

    void managerDelete_data()
    {
        QTest::addColumn<bool>("confirm");
        QTest::newRow("declined") << false;
        QTest::newRow("confirmed") << true;
    }
    void managerDelete()
    {
        QFETCH(bool, confirm);
        const ConnectionProfile a =
            saveProfile(QStringLiteral("Alpha"), QUrl(QStringLiteral("https://a.example")), QStringLiteral("ta"));
        const ConnectionProfile b =
            saveProfile(QStringLiteral("Beta"), QUrl(QStringLiteral("https://b.example")), QStringLiteral("tb"));
        ProfileManagerDialog manager(m_store.get(), m_secrets.get());
        QSignalSpy changed(&manager, &ProfileManagerDialog::profilesChanged);
        manager.selectProfile(a.id);

        ProfileManagerDialog::setNextDeleteAnswer(confirm);
        child<QPushButton>(&manager, "removeButton")->click();
        QCOMPARE(m_store->byId(a.id).has_value(), !confirm);
        QCOMPARE(changed.count(), confirm ? 1 : 0);
        QCOMPARE(child<QListWidget>(&manager, "profileList")->count(), confirm ? 1 : 2);
        QTRY_COMPARE(m_secrets->peek(a.secretKey()).has_value(), !confirm);
        QCOMPARE(m_secrets->peek(b.secretKey()), std::optional<QString>(QStringLiteral("tb")));
        QVERIFY(m_store->byId(b.id));
    }

    void managerWithoutKeychainShowsSessionNotice()
    {
        m_secrets->setSimulateNoBackend(true);
        ProfileManagerDialog manager(m_store.get(), m_secrets.get());
        manager.setEditHook([](ProfileEditDialog& editor) {
            fill(editor,
                {QStringLiteral("Production"), QStringLiteral("https://p.example"), QStringLiteral("pat-9"), {}});
            return pressOk(editor);
        });
        child<QPushButton>(&manager, "addButton")->click();
        auto* notice = child<QLabel>(&manager, "secretNoticeLabel");
        QTRY_VERIFY(!notice->isHidden());
        QCOMPARE(notice->text(), sessionOnly);
        const auto saved = m_store->byName(QStringLiteral("Production"));
        QVERIFY(saved); // the profile is saved all the same
        QCOMPARE(m_secrets->peek(saved->secretKey()), std::optional<QString>(QStringLiteral("pat-9")));
        QVERIFY(!iniBytes().contains("pat-9"));
    }

    void managerReportsAKeychainThatRefuses()
    {
        m_secrets->setSimulateFailure(QStringLiteral("Access denied."));
        ProfileManagerDialog manager(m_store.get(), m_secrets.get());
        manager.setEditHook([](ProfileEditDialog& editor) {
            fill(
                editor, {QStringLiteral("Production"), QStringLiteral("https://p.example"), QStringLiteral("pat"), {}});
            return pressOk(editor);
        });
        child<QPushButton>(&manager, "addButton")->click();
        auto* notice = child<QLabel>(&manager, "secretNoticeLabel");
        QTRY_VERIFY(!notice->isHidden());
        QCOMPARE(notice->text(),
            QStringLiteral("The connection “Production” was saved, but its token could not be stored: Access denied."));
        QCOMPARE(toneOf(notice), StatusStyle::Tone::Error);
    }

    // Without the seams: the editor and the question open window-modal, without exec().
    void managerOpensRealEditorAndQuestion()
    {
        ProfileManagerDialog manager(m_store.get(), m_secrets.get());
        manager.show();
        QVERIFY(QTest::qWaitForWindowExposed(&manager));
        child<QPushButton>(&manager, "addButton")->click();
        ProfileEditDialog* editor = nullptr;
        QTRY_VERIFY((editor = manager.findChild<ProfileEditDialog*>()) && editor->isVisible());
        QCOMPARE(editor->windowModality(), Qt::WindowModal);
        fill(*editor, {QStringLiteral("Live"), QStringLiteral("https://live.example"), QStringLiteral("pat-x"), {}});
        QTest::mouseClick(okButton(*editor), Qt::LeftButton);
        QTRY_VERIFY(!manager.findChild<ProfileEditDialog*>());
        const auto saved = m_store->byName(QStringLiteral("Live"));
        QVERIFY(saved);
        QTRY_COMPARE(m_secrets->peek(saved->secretKey()), std::optional<QString>(QStringLiteral("pat-x")));

        child<QPushButton>(&manager, "removeButton")->click();
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = manager.findChild<QMessageBox*>()) && box->isVisible());
        QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
        QTRY_VERIFY(!manager.findChild<QMessageBox*>());
        QVERIFY(m_store->byId(saved->id)); // "No" keeps it

        child<QPushButton>(&manager, "removeButton")->click();
        QTRY_VERIFY((box = manager.findChild<QMessageBox*>()) && box->isVisible());
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_VERIFY(!m_store->byId(saved->id));
        QTRY_VERIFY(!m_secrets->peek(saved->secretKey()));
    }
};

QTEST_MAIN(TestProfileDialogs)
#include "TestProfileDialogs.moc"
