#include "AppSettings.h"
#include "ConfirmResend.h"
#include "ConnectionController.h"
#include "HeadlessBrowser.h"
#include "InMemorySecretStore.h"
#include "MainWindow.h"
#include "MockFixture.h"
#include "MockOidcProvider.h"
#include "OrganizationListModel.h"
#include "ProfileStore.h"
#include "SeedIds.h"
#include "UserPanel.h"
#include "UserTableModel.h"
#include "WindowDriver.h"
#include "ZitadelClient.h"

#include <QComboBox>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <memory>

// "Sign in with ZITADEL" in the real window against a mock-backed profile: the browser page
// (followed headlessly), the person in the status bar, a resend allowed in the support
// agent's organization and refused in another, renewal after a 401, sign-out.
class TestSignInWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void supportAgentSignsInAndResendsOnlyInTheirOrganization();
    void refusedTokenIsRenewedAndTheListLoads();
    void signOutForgetsTheSignInAndAsksAgain();
    void cancellingTheBrowserWaitKeepsTheOffer();
    void embeddedMockSignsInWithoutAConnectionProfile();
    void aRenewedTokenRefusedAgainAsksForASignInInsteadOfLooping();

private:
    template <class T>
    T* child(const char* name) const
    {
        return m_window->findChild<T*>(QString::fromLatin1(name));
    }
    void startWindow();
    // Opens the window on `request` with the headless browser hooked in; `loadedOk` is what the
    // first load must report.
    void openWindow(const StartRequest& request, bool loadedOk);
    bool signInAsInTheBrowser(const char* userId);
    void selectOrganization(const QString& id);
    void searchAndSelectUser(const QString& search, const QString& userId);
    QString settingsFileText() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    std::unique_ptr<MockFixture> m_live;
    std::unique_ptr<MainWindow> m_window;
    ConnectionProfile m_profile;
    QList<QUrl> m_opened; // what the window asked the browser to open
};

void TestSignInWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSignInWindow::init()
{
    ConfirmResend::resetAskCount();
    m_opened.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_profiles = std::make_unique<ProfileStore>(m_settings->settings());
    m_secrets = std::make_unique<InMemorySecretStore>();
    m_live = std::make_unique<MockFixture>();
    QVERIFY2(m_live->ok(), qPrintable(m_live->error()));
    ConnectionProfile profile;
    profile.name = QStringLiteral("Mock sign-in");
    profile.baseUrl = m_live->baseUrl();
    profile.credential = ConnectionProfile::Credential::SignIn;
    profile.clientId = QStringLiteral("312909075212468632@verifydesk");
    const auto saved = m_profiles->save(profile);
    QVERIFY(saved);
    m_profile = *saved;
}

void TestSignInWindow::cleanup()
{
    m_window.reset();
    m_live.reset();
    m_secrets.reset();
    m_profiles.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestSignInWindow::openWindow(const StartRequest& request, bool loadedOk)
{
    m_window = std::make_unique<MainWindow>(m_settings.get(), m_profiles.get(), m_secrets.get());
    m_window->setBrowserOpener([this](const QUrl& url) {
        m_opened.append(url);
        return true;
    });
    QSignalSpy loaded(m_window.get(), &MainWindow::initialLoadFinished);
    m_window->start(request);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(loaded.count() == 1 || loaded.wait(20000));
    QCOMPARE(loaded.at(0).at(0).toBool(), loadedOk);
}

void TestSignInWindow::startWindow()
{
    StartRequest request;
    request.connectionId = m_profile.id;
    // Nothing stored yet: the window asks for a sign-in and sends nothing meanwhile.
    openWindow(request, false);
    QTRY_VERIFY(child<QWidget>("signInBar")->isVisible());
    QVERIFY(child<QPushButton>("signInButton")->isVisible());
    QVERIFY(!child<QWidget>("signedInIndicator")->isVisible());
}

bool TestSignInWindow::signInAsInTheBrowser(const char* userId)
{
    QTest::mouseClick(child<QPushButton>("signInButton"), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return !m_opened.isEmpty(); }, 20000))
        return false;
    if (!child<QPushButton>("cancelSignInButton")->isVisible()) // "waiting for the browser"
        return false;
    HeadlessBrowser browser;
    const HeadlessBrowser::Page page = browser.signIn(m_opened.takeLast(), "userId", userId);
    if (page.status != 200 || !page.body.contains("received the answer"))
        return false;
    return QTest::qWaitFor([&] { return child<QWidget>("signedInIndicator")->isVisible(); }, 20000);
}

void TestSignInWindow::selectOrganization(const QString& id)
{
    QVERIFY(WindowDriver::selectOrganization(m_window.get(), id));
}

void TestSignInWindow::searchAndSelectUser(const QString& search, const QString& userId)
{
    QVERIFY(WindowDriver::searchAndSelectUser(m_window.get(), search, userId));
}

QString TestSignInWindow::settingsFileText() const
{
    m_settings->sync();
    QFile file(m_dir->filePath(QStringLiteral("settings.ini")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

void TestSignInWindow::supportAgentSignsInAndResendsOnlyInTheirOrganization()
{
    startWindow();
    QVERIFY(signInAsInTheBrowser(SeedIds::Daisy));
    QCOMPARE(child<QLabel>("signedInLabel")->text(), QStringLiteral("Signed in as Daisy Duck · ACME Corporation"));
    QVERIFY(!child<QWidget>("signInBar")->isVisible());

    selectOrganization(QString::fromLatin1(SeedIds::AcmeOrg));
    searchAndSelectUser(QStringLiteral("donald"), QString::fromLatin1(SeedIds::Donald));
    const quint64 outboxBefore = m_live->zitadel().outboxTotal();
    ConfirmResend::setNextAnswer(true); // live: the question comes first
    QTest::mouseClick(child<QPushButton>("resendEmailButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>("resultLabel")->text().contains(QStringLiteral("queued for delivery")), 20000);
    QCOMPARE(m_live->zitadel().outboxTotal(), outboxBefore + 1);

    // Globex is not hers: ZITADEL does not even list it for her (org.read in ACME only), and a
    // resend to one of its users is refused, exactly as the fixed support token is.
    auto* orgs = qobject_cast<OrganizationListModel*>(child<QListView>("orgView")->model());
    QCOMPARE(orgs->rowOfId(QString::fromLatin1(SeedIds::GlobexOrg)), -1);
    std::optional<Result<ResendResult>> globex;
    m_window->client()->resendEmailCode(QString::fromLatin1(SeedIds::GlobexFrank),
        ResendOptions(),
        [&globex](const Result<ResendResult>& r) { globex = r; });
    QTRY_VERIFY_WITH_TIMEOUT(globex.has_value(), 20000);
    QCOMPARE(globex->error.kind, ApiError::Kind::PermissionDenied);
    QCOMPARE(m_live->zitadel().outboxTotal(), outboxBefore + 1);

    // The refresh token is in the keychain; no token of any kind is in the settings file.
    const auto stored = m_secrets->peek(m_profile.signInSecretKey());
    QVERIFY(stored && stored->size() >= 20);
    const QString settings = settingsFileText();
    QVERIFY(!settings.isEmpty());
    QVERIFY(!settings.contains(*stored));
    QVERIFY(!settings.contains(m_window->connections()->session()->accessToken()));
    QVERIFY(settings.contains(QStringLiteral("credential=sign-in")));
}

void TestSignInWindow::refusedTokenIsRenewedAndTheListLoads()
{
    startWindow();
    QVERIFY(signInAsInTheBrowser(SeedIds::Mickey));
    auto* orgs = qobject_cast<OrganizationListModel*>(child<QListView>("orgView")->model());
    QTRY_VERIFY_WITH_TIMEOUT(orgs->rowCount() >= 3, 20000);
    const QString before = m_window->connections()->session()->accessToken();
    QVERIFY(m_live->zitadel().oidc().expireAccessTokens() >= 1);

    QSignalSpy renewed(m_window->connections(), &ConnectionController::signInRenewed);
    m_window->findChild<QAction*>(QStringLiteral("reloadAction"))->trigger(); // meets the 401
    QVERIFY(renewed.wait(20000));
    QVERIFY(m_window->connections()->session()->accessToken() != before);
    QVERIFY(!child<QWidget>("tokenRejectedBar")->isVisible()); // no token to paste for a person
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("renewed")));
    m_window->findChild<QAction*>(QStringLiteral("reloadAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(orgs->rowCount() >= 3, 20000);
    QVERIFY(child<QWidget>("signedInIndicator")->isVisible());
}

void TestSignInWindow::signOutForgetsTheSignInAndAsksAgain()
{
    startWindow();
    QVERIFY(signInAsInTheBrowser(SeedIds::Goofy));
    QVERIFY(child<QLabel>("signedInLabel")->text().startsWith(QStringLiteral("Signed in as Goofy Goof")));
    QTest::mouseClick(child<QToolButton>("signOutButton"), Qt::LeftButton);
    QTRY_VERIFY(child<QWidget>("signInBar")->isVisible());
    QVERIFY(!child<QWidget>("signedInIndicator")->isVisible());
    QTRY_VERIFY(!m_secrets->peek(m_profile.signInSecretKey()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(QStringLiteral("Signed out of")), 20000);

    // The next start finds nothing to restore and asks again.
    m_window.reset();
    startWindow();
}

void TestSignInWindow::cancellingTheBrowserWaitKeepsTheOffer()
{
    startWindow();
    QTest::mouseClick(child<QPushButton>("signInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 20000);
    QTRY_VERIFY(child<QPushButton>("cancelSignInButton")->isVisible());
    QTest::mouseClick(child<QPushButton>("reopenBrowserButton"), Qt::LeftButton);
    QCOMPARE(m_opened.size(), 2);
    QCOMPARE(m_opened.at(1), m_opened.at(0)); // the same page, the same sign-in
    QTest::mouseClick(child<QPushButton>("cancelSignInButton"), Qt::LeftButton);
    QTRY_VERIFY(child<QPushButton>("signInButton")->isVisible());
    QVERIFY(child<QLabel>("signInLabel")->text().contains(QStringLiteral("cancelled")));
    // The page opened before the cancel can no longer finish a sign-in.
    HeadlessBrowser browser;
    const HeadlessBrowser::Page page = browser.signIn(m_opened.at(0), "userId", SeedIds::Daisy);
    QVERIFY(page.status <= 0 || !page.body.contains("received the answer"));
    QVERIFY(!child<QWidget>("signedInIndicator")->isVisible());
}

void TestSignInWindow::embeddedMockSignsInWithoutAConnectionProfile()
{
    // Sales and QA: no profile, no server; the mock identity box offers the sign-in page.
    StartRequest request;
    request.connectionId = ConnectionController::mockId();
    request.mockOptions.randomSeed = 5;
    openWindow(request, true); // mock-admin first, as always

    auto* identity = child<QComboBox>("mockTokenCombo");
    const int signInItem = identity->findData(ConnectionController::mockSignIn());
    QVERIFY(signInItem >= 0);
    identity->setCurrentIndex(signInItem);
    Q_EMIT identity->activated(signInItem); // what choosing it with the mouse emits
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("signInButton")->isVisible(), 20000);
    QVERIFY(!child<QWidget>("signedInIndicator")->isVisible());
    QVERIFY(signInAsInTheBrowser(SeedIds::Daisy));
    QCOMPARE(child<QLabel>("signedInLabel")->text(), QStringLiteral("Signed in as Daisy Duck · ACME Corporation"));
    QCOMPARE(m_opened.size(), 0); // taken by the headless browser
    auto* orgs = qobject_cast<OrganizationListModel*>(child<QListView>("orgView")->model());
    QTRY_COMPARE_WITH_TIMEOUT(orgs->rowCount(), 1, 20000); // only ACME is hers
    QCOMPARE(orgs->rowOfId(QString::fromLatin1(SeedIds::AcmeOrg)), 0);
    // The mock's refresh token stays in memory: nothing of it reaches the system keychain.
    QCOMPARE(m_secrets->count(), 0);

    // Back to a fixed token: the sign-in strip and the person go away.
    const int admin = identity->findData(QStringLiteral("mock-admin"));
    identity->setCurrentIndex(admin);
    Q_EMIT identity->activated(admin);
    QTRY_VERIFY_WITH_TIMEOUT(orgs->rowCount() >= 3, 20000);
    QVERIFY(!child<QWidget>("signedInIndicator")->isVisible());
    QVERIFY(!child<QWidget>("signInBar")->isVisible());
}

void TestSignInWindow::aRenewedTokenRefusedAgainAsksForASignInInsteadOfLooping()
{
    startWindow();
    QVERIFY(signInAsInTheBrowser(SeedIds::Daisy));
    selectOrganization(QString::fromLatin1(SeedIds::AcmeOrg));
    searchAndSelectUser(QStringLiteral("donald"), QString::fromLatin1(SeedIds::Donald));
    // Whatever token comes, the API refuses it (as for an application whose project may not
    // use ZITADEL's API).
    QString problem;
    QVERIFY(m_live->router().faults().add(QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("email-resend")},
                                              {QStringLiteral("error"), QStringLiteral("token-invalid")}},
        &problem));
    QSignalSpy renewed(m_window->connections(), &ConnectionController::signInRenewed);
    ConfirmResend::setNextAnswer(true);
    QTest::mouseClick(child<QPushButton>("resendEmailButton"), Qt::LeftButton);
    QVERIFY(renewed.wait(20000)); // the first refusal renews once
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("resendEmailButton")->isEnabled(), 20000);
    ConfirmResend::setNextAnswer(true);
    QTest::mouseClick(child<QPushButton>("resendEmailButton"), Qt::LeftButton);
    // The fresh token is refused too: no second renewal, the person is asked instead.
    QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>("signInBar")->isVisible(), 20000);
    QVERIFY2(child<QLabel>("signInLabel")->text().contains(QStringLiteral("even after renewing")),
        qPrintable(child<QLabel>("signInLabel")->text()));
    QCOMPARE(renewed.count(), 1);
    // The view stays as it was, ready for when the sign-in works again.
    QVERIFY(child<UserPanel>("userPanel")->user() && child<UserPanel>("userPanel")->user()->id == SeedIds::Donald);
}

QTEST_MAIN(TestSignInWindow)
#include "TestSignInWindow.moc"
