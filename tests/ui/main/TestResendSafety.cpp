#include "AppSettings.h"
#include "ConfirmResend.h"
#include "InMemorySecretStore.h"
#include "MainWindow.h"
#include "MockFixture.h"
#include "OrganizationListModel.h"
#include "ProfileStore.h"
#include "ResendController.h"
#include "SeedIds.h"
#include "UserPanel.h"
#include "UserTableModel.h"

#include <QApplication>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QWindow>
#include <QtTest>

#include <memory>

enum class Mode
{
    Mock, // the embedded mock: a resend goes out at once
    Live // a live profile: every resend asks first
};
Q_DECLARE_METATYPE(Mode)

// Every way a person can send a verification code twice, or to the wrong server, by accident,
// tried on the real main window. The servers are real: the embedded mock (MOCK mode) and
// MockFixture instances standing in for live ZITADEL instances (LIVE mode, where every resend
// asks first in the real, window-modal confirmation box). What counts is what each server's
// request log received.
//
// Input goes the way a person's goes: mouse and keys through the window system
// (qt_handleMouseEvent / qt_handleKeyEvent, the calls QTest's QWindow overloads make), so
// window modality, focus and shortcut matching apply as they do for a person. Where a test
// also delivers an event straight to a widget, it says so: that stands for input that got
// past a guard, to show the next guard holds.
class TestResendSafety : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void doubleClickSendsOnce_data();
    void doubleClickSendsOnce();
    void heldKeySendsAtMostOnce_data();
    void heldKeySendsAtMostOnce();
    void repeatedShortcutSendsOnce_data();
    void repeatedShortcutSendsOnce();
    void clicksWhileTheQuestionIsOpenSendNothing_data();
    void clicksWhileTheQuestionIsOpenSendNothing();
    void aQuestionFromTheOldConnectionSendsNothing_data();
    void aQuestionFromTheOldConnectionSendsNothing();

private:
    void startWindow(Mode mode);
    QString addLiveProfile(const QString& name, MockFixture& server);
    void selectOrganization(const QString& id);
    void selectUser(const QString& search, const QString& userId);
    void waitForUsersOf(const QString& organizationId);
    // Resend calls a server received (any API, REST or Connect).
    quint64 resendsAt(MockFixture& server) const;
    quint64 resendsAtEmbeddedMock() const;
    quint64 resends() const; // at the server the window started on
    QMessageBox* openQuestion() const; // the visible confirmation box, or null
    int visibleQuestions() const;
    QPushButton* boxButton(QMessageBox* box, const QString& text) const;
    QString visibleNotice() const; // what the panel tells the person, wherever it shows it

    // A person's input, through the window system.
    void click(QWidget* widget);
    void doubleClick(QWidget* widget);
    // Holds a key on whatever has the keyboard focus: a press, `repeats` autorepeat
    // release/press pairs (as X11 and Wayland send them), then the release. Each event goes to
    // the window that has the focus at that moment, as a keyboard's do.
    void holdKey(Qt::Key key, Qt::KeyboardModifiers modifiers, int repeats);
    void pressKey(Qt::Key key, Qt::KeyboardModifiers modifiers);
    void sendKey(QEvent::Type type, Qt::Key key, Qt::KeyboardModifiers modifiers, bool autoRepeat);

    template <class T>
    T* child(const char* name) const
    {
        auto* widget = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no widget named %s", name);
        return widget;
    }
    QPushButton* button(const char* name) const { return child<QPushButton>(name); }
    UserPanel* panel() const { return child<UserPanel>("userPanel"); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<MockFixture> m_live; // "Staging", the live server the window starts on in LIVE mode
    std::unique_ptr<MockFixture> m_other; // "Production", a second live server
    QString m_liveId;
    QString m_otherId;
    Mode m_mode = Mode::Mock;
};

void TestResendSafety::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestResendSafety::init()
{
    ConfirmResend::resetAskCount(); // and no queued answers: every question is the real box
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_profiles = std::make_unique<ProfileStore>(m_settings->settings());
    m_secrets = std::make_unique<InMemorySecretStore>();
    m_live = std::make_unique<MockFixture>();
    m_other = std::make_unique<MockFixture>();
    QVERIFY2(m_live->ok() && m_other->ok(), qPrintable(m_live->error() + m_other->error()));
    m_liveId = addLiveProfile(QStringLiteral("Staging"), *m_live);
    m_otherId = addLiveProfile(QStringLiteral("Production"), *m_other);
}

void TestResendSafety::cleanup()
{
    m_window.reset(); // closes an unanswered box with it
    m_other.reset();
    m_live.reset();
    m_secrets.reset();
    m_profiles.reset();
    m_settings.reset();
    m_dir.reset();
}

QString TestResendSafety::addLiveProfile(const QString& name, MockFixture& server)
{
    ConnectionProfile profile;
    profile.name = name;
    profile.baseUrl = server.baseUrl();
    const auto saved = m_profiles->save(profile);
    if (!saved)
        return {};
    bool written = false;
    m_secrets->write(
        saved->secretKey(), QString::fromLatin1(SeedIds::AdminToken), [&](const SecretResult&) { written = true; });
    if (!QTest::qWaitFor([&] { return written; }, 10000))
        return {};
    return saved->id;
}

void TestResendSafety::startWindow(Mode mode)
{
    QVERIFY(!m_liveId.isEmpty() && !m_otherId.isEmpty());
    m_mode = mode;
    StartRequest request;
    request.connectionId = mode == Mode::Live ? m_liveId : ConnectionController::mockId();
    request.mockOptions.randomSeed = 11;
    m_window = std::make_unique<MainWindow>(m_settings.get(), m_profiles.get(), m_secrets.get());
    QSignalSpy loaded(m_window.get(), &MainWindow::initialLoadFinished);
    m_window->start(request);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(loaded.count() == 1 || loaded.wait(10000));
    QVERIFY2(loaded.at(0).at(0).toBool(), qPrintable(loaded.at(0).at(1).toString()));
    QCOMPARE(panel()->isLiveMode(), mode == Mode::Live);
}

void TestResendSafety::selectOrganization(const QString& id)
{
    auto* view = child<QListView>("orgView");
    auto* model = qobject_cast<OrganizationListModel*>(view->model());
    QTRY_VERIFY(model->rowOfId(id) >= 0);
    view->setCurrentIndex(model->index(model->rowOfId(id), 0));
    waitForUsersOf(id);
}

void TestResendSafety::waitForUsersOf(const QString& organizationId)
{
    auto* users = qobject_cast<UserTableModel*>(child<QTableView>("userView")->model());
    QTRY_VERIFY_WITH_TIMEOUT(users->organizationId() == organizationId, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(users->hasLoadedOnce() && !users->isLoading(), 10000);
}

void TestResendSafety::selectUser(const QString& search, const QString& userId)
{
    auto* edit = child<QLineEdit>("userSearchEdit");
    auto* view = child<QTableView>("userView");
    auto* model = qobject_cast<UserTableModel*>(view->model());
    edit->clear();
    QTest::keyClicks(edit, search);
    QTRY_COMPARE_WITH_TIMEOUT(model->search(), search, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(model->hasLoadedOnce() && !model->isLoading() && model->rowOfId(userId) >= 0, 10000);
    view->setCurrentIndex(model->index(model->rowOfId(userId), UserTableModel::DisplayNameColumn));
    QTRY_VERIFY(panel()->user().has_value() && panel()->user()->id == userId);
}

quint64 TestResendSafety::resendsAt(MockFixture& server) const
{
    quint64 count = 0;
    for (const MockRequestLogEntry& entry : server.router().requestLog()) {
        if (entry.operation.contains(QLatin1String("Resend")))
            ++count;
    }
    return count;
}

quint64 TestResendSafety::resendsAtEmbeddedMock() const
{
    quint64 count = 0;
    m_window->connections()->embeddedMock()->withMock([&count](MockZitadel&, MockHttpServer& server) {
        for (const MockRequestLogEntry& entry : server.router().requestLog()) {
            if (entry.operation.contains(QLatin1String("Resend")))
                ++count;
        }
    });
    return count;
}

quint64 TestResendSafety::resends() const
{
    return m_mode == Mode::Live ? resendsAt(*m_live) : resendsAtEmbeddedMock();
}

QMessageBox* TestResendSafety::openQuestion() const
{
    for (QMessageBox* box : m_window->findChildren<QMessageBox*>(QStringLiteral("confirmResendBox"))) {
        if (box->isVisible())
            return box;
    }
    return nullptr;
}

int TestResendSafety::visibleQuestions() const
{
    int count = 0;
    for (QMessageBox* box : m_window->findChildren<QMessageBox*>(QStringLiteral("confirmResendBox")))
        count += box->isVisible() ? 1 : 0;
    return count;
}

QPushButton* TestResendSafety::boxButton(QMessageBox* box, const QString& text) const
{
    for (QAbstractButton* b : box->buttons()) {
        if (b->text() == text)
            return qobject_cast<QPushButton*>(b);
    }
    qWarning("no button %s in the box", qPrintable(text));
    return nullptr;
}

QString TestResendSafety::visibleNotice() const
{
    for (const char* name : {"noticeLabel", "emptyStateLabel"}) { // the inspector has an emptyStateLabel too
        auto* label = panel()->findChild<QLabel*>(QString::fromLatin1(name));
        if (label && label->isVisible() && !label->text().isEmpty())
            return label->text();
    }
    return {};
}

void TestResendSafety::click(QWidget* widget)
{
    QWidget* top = widget->window();
    QTest::mouseClick(top->windowHandle(), Qt::LeftButton, {}, widget->mapTo(top, widget->rect().center()));
}

void TestResendSafety::doubleClick(QWidget* widget)
{
    QWidget* top = widget->window();
    QTest::mouseDClick(top->windowHandle(), Qt::LeftButton, {}, widget->mapTo(top, widget->rect().center()));
}

void TestResendSafety::sendKey(QEvent::Type type, Qt::Key key, Qt::KeyboardModifiers modifiers, bool autoRepeat)
{
    // When the box closes, a desktop's window manager activates the main window again;
    // offscreen has none, so the test does what it would.
    if (!QGuiApplication::focusWindow()) {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    QWindow* target = QGuiApplication::focusWindow();
    QString text;
    if (key == Qt::Key_Space)
        text = QStringLiteral(" ");
    else if (key == Qt::Key_Return || key == Qt::Key_Enter)
        text = QStringLiteral("\r");
    qt_handleKeyEvent(target, type, key, modifiers, text, autoRepeat);
    QCoreApplication::processEvents();
}

void TestResendSafety::holdKey(Qt::Key key, Qt::KeyboardModifiers modifiers, int repeats)
{
    sendKey(QEvent::KeyPress, key, modifiers, false);
    for (int i = 0; i < repeats; ++i) {
        sendKey(QEvent::KeyRelease, key, modifiers, true);
        sendKey(QEvent::KeyPress, key, modifiers, true);
    }
    sendKey(QEvent::KeyRelease, key, modifiers, false);
}

void TestResendSafety::pressKey(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    sendKey(QEvent::KeyPress, key, modifiers, false);
    sendKey(QEvent::KeyRelease, key, modifiers, false);
}

// (1) A double click, then a third click for good measure. MOCK: the first click sends, the
// button is disabled while the answer is awaited, and the controller refuses a second start.
// LIVE: the first click opens the window-modal question; the rest cannot reach the button; one
// "Send" sends one code.
void TestResendSafety::doubleClickSendsOnce_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::newRow("mock") << Mode::Mock;
    QTest::newRow("live") << Mode::Live;
}

void TestResendSafety::doubleClickSendsOnce()
{
    QFETCH(Mode, mode);
    startWindow(mode);
    selectUser(QStringLiteral("goofy"), QString::fromLatin1(SeedIds::Goofy));
    auto* resend = button("resendEmailButton");
    QVERIFY(resend->isEnabled());
    const quint64 before = resends();
    QSignalSpy started(m_window->resends(), &ResendController::started);

    doubleClick(resend);
    click(resend);
    if (mode == Mode::Live) {
        QCOMPARE(visibleQuestions(), 1);
        QCOMPARE(ConfirmResend::askCount(), 1);
        QCOMPARE(started.count(), 0);
        click(boxButton(openQuestion(), QStringLiteral("Send")));
    }
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("resultLabel")->text().contains(QStringLiteral("queued")), 10000);
    QCOMPARE(started.count(), 1);
    QCOMPARE(resends(), before + 1);
    QCOMPARE(ConfirmResend::askCount(), mode == Mode::Live ? 1 : 0);
    // Now the cooldown guards the button, with its countdown.
    QVERIFY(!resend->isEnabled());
    QVERIFY2(resend->text().contains(QStringLiteral(" s)")), qPrintable(resend->text()));
}

// (2) A key held down on the focused resend button (or, in LIVE mode, on the box's buttons).
// Space presses a focused button once, on its real release; Enter presses only a dialog's
// (auto-)default button, which the main window's buttons are not; the box's default is Cancel,
// so Enter held into it cancels; Enter held on its Send button (tabbed to) sends once.
// `expectedSends` is what reaches the server; `expectedQuestions` how often the box opened.
void TestResendSafety::heldKeySendsAtMostOnce_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<Qt::Key>("key");
    QTest::addColumn<QString>("where"); // "button", "box" (default button), "send" (focus on Send)
    QTest::addColumn<int>("expectedSends");
    QTest::addColumn<int>("expectedQuestions");

    QTest::newRow("mock, Space on the button") << Mode::Mock << Qt::Key_Space << "button" << 1 << 0;
    QTest::newRow("mock, Return on the button") << Mode::Mock << Qt::Key_Return << "button" << 0 << 0;
    QTest::newRow("mock, Enter on the button") << Mode::Mock << Qt::Key_Enter << "button" << 0 << 0;
    QTest::newRow("live, Space on the button") << Mode::Live << Qt::Key_Space << "button" << 0 << 1;
    QTest::newRow("live, Return into the box") << Mode::Live << Qt::Key_Return << "box" << 0 << 1;
    QTest::newRow("live, Return on the box's Send") << Mode::Live << Qt::Key_Return << "send" << 1 << 1;
}

void TestResendSafety::heldKeySendsAtMostOnce()
{
    QFETCH(Mode, mode);
    QFETCH(Qt::Key, key);
    QFETCH(QString, where);
    QFETCH(int, expectedSends);
    QFETCH(int, expectedQuestions);
    startWindow(mode);
    selectUser(QStringLiteral("goofy"), QString::fromLatin1(SeedIds::Goofy));
    auto* resend = button("resendEmailButton");
    const quint64 before = resends();
    QSignalSpy started(m_window->resends(), &ResendController::started);
    QSignalSpy finished(m_window->resends(), &ResendController::finished);

    if (where == QLatin1String("button")) {
        resend->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(resend->hasFocus());
    } else {
        click(resend);
        QMessageBox* box = openQuestion();
        QVERIFY(box);
        QTRY_COMPARE(QGuiApplication::focusWindow(), box->windowHandle());
        if (where == QLatin1String("send")) {
            QPushButton* send = boxButton(box, QStringLiteral("Send"));
            send->setFocus(Qt::TabFocusReason);
            QTRY_VERIFY(send->hasFocus());
        } else {
            QVERIFY(box->defaultButton()->hasFocus()); // Cancel, so that Enter does not send
        }
    }
    holdKey(key, Qt::NoModifier, 20);
    if (QTest::currentTestFailed())
        return;
    if (expectedSends > 0)
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(started.count(), expectedSends);
    QCOMPARE(resends(), before + quint64(expectedSends));
    QCOMPARE(ConfirmResend::askCount(), expectedQuestions);
    if (where == QLatin1String("box"))
        QCOMPARE(visibleNotice(), QStringLiteral("Nothing was sent."));
    if (where == QLatin1String("button") && mode == Mode::Live) {
        QCOMPARE(visibleQuestions(), 1); // one question for the whole key press, not one per repeat
        click(boxButton(openQuestion(), QStringLiteral("Cancel")));
        QCOMPARE(resends(), before);
    }
}

// (3) The resend shortcut pressed again and again, or held down (autorepeat). MOCK: the first
// press sends; the QAction ignores autorepeats, and the controller refuses presses while the
// answer is awaited and during the cooldown. LIVE: the first press opens the question, which
// then has the focus, so the window's shortcut no longer fires; one Send sends once.
void TestResendSafety::repeatedShortcutSendsOnce_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<bool>("held");
    QTest::newRow("mock, pressed 5 times") << Mode::Mock << false;
    QTest::newRow("mock, held") << Mode::Mock << true;
    QTest::newRow("live, pressed 5 times") << Mode::Live << false;
    QTest::newRow("live, held") << Mode::Live << true;
}

void TestResendSafety::repeatedShortcutSendsOnce()
{
    QFETCH(Mode, mode);
    QFETCH(bool, held);
    startWindow(mode);
    selectUser(QString::fromLatin1(SeedIds::Zoe), QString::fromLatin1(SeedIds::Zoe));
    child<QTableView>("userView")->setFocus(); // as after picking the user
    const quint64 before = resends();
    QSignalSpy started(m_window->resends(), &ResendController::started);

    if (held) {
        holdKey(Qt::Key_E, Qt::ControlModifier, 20);
    } else {
        for (int i = 0; i < 5; ++i)
            pressKey(Qt::Key_E, Qt::ControlModifier);
    }
    if (QTest::currentTestFailed())
        return;
    if (mode == Mode::Live) {
        QCOMPARE(visibleQuestions(), 1);
        QCOMPARE(ConfirmResend::askCount(), 1);
        QCOMPARE(started.count(), 0);
        QCOMPARE(visibleNotice(), QString()); // the question had the keys, not the window
        click(boxButton(openQuestion(), QStringLiteral("Send")));
    } else {
        // Held: the action ignores the autorepeats, so they never reach the panel. Pressed
        // again and again: each press reaches it, and the controller refuses it, saying why.
        QCOMPARE(visibleNotice().isEmpty(), held);
    }
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("resultLabel")->text().contains(QStringLiteral("queued")), 10000);
    pressKey(Qt::Key_E, Qt::ControlModifier); // during the cooldown: refused, and no question
    QCOMPARE(started.count(), 1);
    QCOMPARE(resends(), before + 1);
    QCOMPARE(ConfirmResend::askCount(), mode == Mode::Live ? 1 : 0);
    QVERIFY2(visibleNotice().contains(QStringLiteral("to avoid a resend storm")), qPrintable(visibleNotice()));
}

// (4) Clicks on a resend button while the question is open, the same one or the other channel's.
// Each guard on its own: the box is window-modal (a real click does not reach the window); a
// click that got there anyway meets a disabled button; the panel's slot, which a shortcut would
// call, refuses to stack a second question. One question, and one Send sends one code.
void TestResendSafety::clicksWhileTheQuestionIsOpenSendNothing_data()
{
    QTest::addColumn<QString>("second");
    QTest::newRow("the same button") << "resendEmailButton";
    QTest::newRow("the other channel's button") << "resendPhoneButton";
}

void TestResendSafety::clicksWhileTheQuestionIsOpenSendNothing()
{
    QFETCH(QString, second);
    startWindow(Mode::Live);
    selectOrganization(QString::fromLatin1(SeedIds::InitechOrg));
    selectUser(QStringLiteral("peter"), QString::fromLatin1(SeedIds::InitechPeter)); // email and phone pending
    auto* email = button("resendEmailButton");
    auto* other = button(qPrintable(second));
    QVERIFY(email->isEnabled() && other->isEnabled());
    const quint64 before = resends();
    QSignalSpy started(m_window->resends(), &ResendController::started);

    click(email);
    QMessageBox* box = openQuestion();
    QVERIFY(box);
    QCOMPARE(box->windowModality(), Qt::WindowModal);
    QCOMPARE(QApplication::activeModalWidget(), box);

    click(other); // through the window system: blocked by the modal box
    QCOMPARE(visibleQuestions(), 1);
    QVERIFY(!other->isEnabled()); // and had it got through, the button is disabled meanwhile
    QCOMPARE(other->toolTip(), QStringLiteral("Answer the confirmation first."));
    QTest::mouseClick(other, Qt::LeftButton); // delivered straight to the button
    if (second == QLatin1String("resendEmailButton"))
        panel()->requestEmailResend(); // what the shortcut calls
    else
        panel()->requestPhoneResend();
    QCOMPARE(visibleQuestions(), 1);
    QCOMPARE(ConfirmResend::askCount(), 1);
    QCOMPARE(started.count(), 0);
    QCOMPARE(resends(), before);

    click(boxButton(box, QStringLiteral("Send")));
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("resultLabel")->text().contains(QStringLiteral("queued")), 10000);
    QCOMPARE(started.count(), 1);
    QCOMPARE(resends(), before + 1);
    QString operation; // the one resend: the email one that was asked about
    for (const MockRequestLogEntry& entry : m_live->router().requestLog()) {
        if (entry.operation.contains(QLatin1String("Resend")))
            operation = entry.operation;
    }
    QCOMPARE(operation, QStringLiteral("user.ResendEmailCode"));
}

// (5) The connection changes while the question is open: the box is window-modal, so a person
// cannot do it through the window, but something else can (a reconnect, an edited profile). The
// question was about the old server; accepting it now must send nothing, to the old server or
// the new one, and say why - also when the same user (same id, same seed) is shown again on the
// new server, the case where checking the user alone would send.
void TestResendSafety::aQuestionFromTheOldConnectionSendsNothing_data()
{
    QTest::addColumn<bool>("toMock"); // else to the second live server
    QTest::addColumn<bool>("sameUserAgain");
    QTest::newRow("to another live server") << false << false;
    QTest::newRow("to another live server, same user shown again") << false << true;
    QTest::newRow("to the mock") << true << false;
    QTest::newRow("to the mock, same user shown again") << true << true;
}

void TestResendSafety::aQuestionFromTheOldConnectionSendsNothing()
{
    QFETCH(bool, toMock);
    QFETCH(bool, sameUserAgain);
    startWindow(Mode::Live);
    const QString goofy = QString::fromLatin1(SeedIds::Goofy);
    selectUser(QStringLiteral("goofy"), goofy);
    const quint64 oldBefore = resendsAt(*m_live);
    const quint64 otherBefore = resendsAt(*m_other);
    const quint64 mockBefore = resendsAtEmbeddedMock();
    QSignalSpy started(m_window->resends(), &ResendController::started);

    click(button("resendEmailButton"));
    QMessageBox* box = openQuestion();
    QVERIFY(box);
    QPointer<QPushButton> send = boxButton(box, QStringLiteral("Send"));

    // Switch the way the connection box does.
    auto* combo = child<QComboBox>("connectionCombo");
    const int index = combo->findData(toMock ? ConnectionController::mockId() : m_otherId);
    QVERIFY(index >= 0);
    QSignalSpy connected(m_window->connections(), &ConnectionController::connected);
    combo->setCurrentIndex(index);
    Q_EMIT combo->activated(index);
    QVERIFY(connected.count() == 1 || connected.wait(10000));
    waitForUsersOf(QString::fromLatin1(SeedIds::AcmeOrg));
    QCOMPARE(panel()->isLiveMode(), !toMock);
    if (sameUserAgain)
        selectUser(QStringLiteral("goofy"), goofy); // straight to the widgets: past the modal box

    QVERIFY(send && send->isVisible()); // the old question is still open
    click(send);
    QVERIFY(!openQuestion());
    QCOMPARE(started.count(), 0);
    QVERIFY(!m_window->resends()->isBusy());
    QCOMPARE(resendsAt(*m_live), oldBefore);
    QCOMPARE(resendsAt(*m_other), otherBefore);
    QCOMPARE(resendsAtEmbeddedMock(), mockBefore);
    QVERIFY2(visibleNotice().contains(QStringLiteral("Nothing was sent: the connection changed")),
        qPrintable(visibleNotice()));
}

QTEST_MAIN(TestResendSafety)
#include "TestResendSafety.moc"
