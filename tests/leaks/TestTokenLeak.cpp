// A real-looking personal access token, used for a whole session, shows up nowhere: not in any
// log line (every category at debug level), not in the JSON inspector (every history row and
// every rendered view, masked or not), not in Copy as cURL, Copy body or Save…, not in the
// settings file, not in the mock's own request log, and not on the stdout or stderr of the real
// `verifydesk` and `verifydesk-mock` executables. The session does real work with the token
// (organizations, users, an email and a phone resend, a verified code) and hits a 401 with a
// second real-looking token.
//
// The scan itself is checked: scanCatchesAPlantedToken shows it finds a token in every encoding
// it claims to, and each artefact is scanned once more with a token planted in it the way a real
// leak would put it there, so a collector that reads nothing cannot pass.

#include "AppSettings.h"
#include "ClientLogging.h"
#include "ConfirmResend.h"
#include "ExchangeHistoryModel.h"
#include "InMemorySecretStore.h"
#include "InspectorDock.h"
#include "InspectorWidget.h"
#include "LeakScan.h"
#include "MainWindow.h"
#include "MockFixture.h"
#include "OrganizationListModel.h"
#include "ProfileStore.h"
#include "SeedIds.h"
#include "UserPanel.h"
#include "UserTableModel.h"
#include "WindowDriver.h"
#include "ZitadelClient.h"

#include <QAbstractButton>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDataStream>
#include <QDirIterator>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

namespace
{
// Shaped like ZITADEL personal access tokens: 64 characters of base64url. Neither is one of the
// mock's well-known names; the first is added to the mock's seed, the second is unknown to it.
const QByteArray Token = "rwcEd0vP_nsB5Vn8fVra781QwaiOxgz1xqgAsF6auvVlbe6FutOHzmGGtMreZmJJ";
const QByteArray WrongToken = "EpwU0R4Zi87nzByyxpJFUTYevAqkvkGzQRB5ChR9sa42SKiZew5arvNPGXFs_RDX";
const QString ProfileName = QStringLiteral("Leak check");

struct Artefact
{
    QString name;
    QByteArray bytes;
};

// Every message of every category, as "category: message" lines. Installed for the whole test;
// debug and info messages are kept here only, warnings also go on to QtTest's handler.
class LogCapture
{
public:
    static void install() { s_previous = qInstallMessageHandler(&LogCapture::handle); }
    static QByteArray text()
    {
        QMutexLocker lock(&s_mutex);
        return s_text;
    }
    static int count()
    {
        QMutexLocker lock(&s_mutex);
        return s_count;
    }
    static void clear()
    {
        QMutexLocker lock(&s_mutex);
        s_text.clear();
        s_count = 0;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message)
    {
        {
            QMutexLocker lock(&s_mutex); // the embedded mock logs from its own thread
            s_text += QByteArray(context.category ? context.category : "default") + ": " + message.toUtf8() + '\n';
            ++s_count;
        }
        // Warnings, and this test's own figures (qInfo in the default category), reach the output.
        const bool ours = type == QtInfoMsg && qstrcmp(context.category, "default") == 0;
        if ((ours || (type != QtDebugMsg && type != QtInfoMsg)) && s_previous)
            s_previous(type, context, message);
    }

    static inline QtMessageHandler s_previous = nullptr;
    static inline QMutex s_mutex;
    static inline QByteArray s_text;
    static inline int s_count = 0;
};

// The built-in seed with one more token that may do everything, like the seed's "mock-admin".
QByteArray seedWithToken(const QByteArray& token)
{
    QFile builtIn(QStringLiteral(":/mock/seed.json"));
    if (!builtIn.open(QIODevice::ReadOnly))
        return {};
    QJsonObject seed = QJsonDocument::fromJson(builtIn.readAll()).object();
    QJsonArray tokens = seed.value(QStringLiteral("tokens")).toArray();
    tokens.append(QJsonObject {
        {QStringLiteral("token"), QString::fromLatin1(token)},
        {QStringLiteral("userId"), QString::fromLatin1(SeedIds::AdminServiceUser)},
        {QStringLiteral("description"), QStringLiteral("a personal access token of a support engineer")},
        {QStringLiteral("grants"),
            QJsonArray {QJsonObject {
                {QStringLiteral("organizationId"), QStringLiteral("*")},
                {QStringLiteral("permissions"),
                    QJsonArray {QStringLiteral("user.read"), QStringLiteral("user.write"), QStringLiteral("org.read")}},
            }}},
    });
    seed.insert(QStringLiteral("tokens"), tokens);
    return QJsonDocument(seed).toJson();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every file under `dir` (small enough to be a settings, state or saved file).
QList<Artefact> filesUnder(const QString& dir)
{
    QList<Artefact> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (QFileInfo(path).size() < 64 * 1024 * 1024)
            files.append({QStringLiteral("file ") + path, readFile(path)});
    }
    return files;
}

// Every text a widget tree shows or keeps: labels, edits, buttons, combo items, tooltips,
// titles, actions.
QByteArray widgetTexts(QWidget* root)
{
    QStringList texts;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        texts << w->windowTitle() << w->toolTip() << w->statusTip() << w->accessibleName();
        if (auto* label = qobject_cast<QLabel*>(w))
            texts << label->text();
        if (auto* edit = qobject_cast<QLineEdit*>(w))
            texts << edit->text() << edit->placeholderText();
        if (auto* button = qobject_cast<QAbstractButton*>(w))
            texts << button->text();
        if (auto* text = qobject_cast<QPlainTextEdit*>(w))
            texts << text->toPlainText();
        if (auto* combo = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i) << combo->itemData(i).toString();
        }
        for (QAction* action : w->actions())
            texts << action->text() << action->toolTip();
    }
    return texts.join(QLatin1Char('\n')).toUtf8();
}

// Every row, column and role a view may show of a model, walked without recursion.
QByteArray modelTexts(const QAbstractItemModel* model)
{
    QStringList texts;
    QList<QModelIndex> parents {QModelIndex()};
    while (!parents.isEmpty()) {
        const QModelIndex parent = parents.takeLast();
        for (int row = 0; row < model->rowCount(parent); ++row) {
            for (int column = 0; column < model->columnCount(parent); ++column) {
                const QModelIndex index = model->index(row, column, parent);
                texts << index.data(Qt::DisplayRole).toString() << index.data(Qt::ToolTipRole).toString();
            }
            const QModelIndex first = model->index(row, 0, parent);
            if (model->hasChildren(first))
                parents.append(first);
        }
    }
    return texts.join(QLatin1Char('\n')).toUtf8();
}

QByteArray headerTexts(const QTreeWidget* headers)
{
    QByteArray texts;
    for (int i = 0; i < headers->topLevelItemCount(); ++i)
        texts += headers->topLevelItem(i)->text(0).toUtf8() + ": " + headers->topLevelItem(i)->text(1).toUtf8() + '\n';
    return texts;
}

QProcessEnvironment debugEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    env.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{category}: %{message}"));
    return env;
}
} // namespace

class TestTokenLeak : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void scanCatchesAPlantedToken_data();
    void scanCatchesAPlantedToken();
    void sessionInTheWindowLeavesNoTrace();
    void executablesPrintNoToken();

private:
    void expectClean(const LeakScan& scan, const QList<Artefact>& artefacts);
    void startLiveWindow();
    void selectOrganization(const QString& id);
    void searchAndSelectUser(const QString& search, const QString& userId);
    QList<Artefact> inspectorArtefacts(InspectorWidget* inspector, const QString& saveDir);
    template <class T>
    T* child(const char* name) const
    {
        auto* widget = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no widget named %s", name);
        return widget;
    }

    std::unique_ptr<QTemporaryDir> m_dir; // what the app writes: scanned whole
    std::unique_ptr<QTemporaryDir> m_inputs; // what the test gives it (the seed, token files)
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    std::unique_ptr<MockFixture> m_live;
    std::unique_ptr<MainWindow> m_window;
    QString m_secretKey;
};

void TestTokenLeak::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Every category at debug level, whatever QT_LOGGING_RULES said (ctest sets it too).
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    LogCapture::install();
}

void TestTokenLeak::init()
{
    ConfirmResend::resetAskCount();
    LogCapture::clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_inputs = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid() && m_inputs->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_profiles = std::make_unique<ProfileStore>(m_settings->settings());
    m_secrets = std::make_unique<InMemorySecretStore>();
}

void TestTokenLeak::cleanup()
{
    m_window.reset();
    m_live.reset();
    m_secrets.reset();
    m_profiles.reset();
    m_settings.reset();
    m_dir.reset();
    m_inputs.reset();
    QGuiApplication::clipboard()->clear();
    InspectorWidget::setNextSaveFileName({});
}

void TestTokenLeak::expectClean(const LeakScan& scan, const QList<Artefact>& artefacts)
{
    for (const Artefact& artefact : artefacts) {
        const QStringList found = scan.find(artefact.bytes);
        QVERIFY2(
            found.isEmpty(), qPrintable(artefact.name + QStringLiteral(" holds ") + found.join(QStringLiteral("; "))));
    }
}

void TestTokenLeak::scanCatchesAPlantedToken_data()
{
    QTest::addColumn<QByteArray>("artefact");
    QTest::addColumn<QString>("found");
    const QByteArray head = Token.left(LeakScan::HalfLength);
    const QByteArray tail = Token.right(LeakScan::HalfLength);

    QTest::newRow("whole, in a log line") << "vd.client: Authorization: Bearer " + Token << "secret 1, whole, UTF-8";
    QTest::newRow("masked in the middle") << "Bearer " + head + "\xe2\x80\xa6"
                                          << "secret 1, first 16 characters, UTF-8";
    QTest::newRow("only the end shown") << "token \xe2\x80\xa6" + tail << "secret 1, last 16 characters, UTF-8";
    QTest::newRow("second token") << "{\"token\":\"" + WrongToken + "\"}"
                                  << "secret 2, whole, UTF-8";
    QTest::newRow("base64") << "Authorization: Basic " + Token.toBase64() << "secret 1, whole, base64";

    QByteArray stream;
    {
        QDataStream out(&stream, QIODevice::WriteOnly);
        out << QString::fromLatin1(Token); // how a QString sits in a saved state blob
    }
    QTest::newRow("QDataStream blob") << stream << "secret 1, whole, UTF-16BE";
    QTest::newRow("UTF-16LE") << QByteArray(reinterpret_cast<const char*>(QString::fromLatin1(Token).utf16()),
        Token.size() * 2) << "secret 1, whole, UTF-16LE";

    // The same blob as QSettings writes it into an INI file: a real file, read back.
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("planted.ini"));
    {
        QSettings settings(ini, QSettings::IniFormat);
        settings.setValue(QStringLiteral("inspector/state"), stream);
        settings.setValue(QStringLiteral("connection/note"), QString::fromLatin1(tail));
    }
    const QByteArray iniBytes = readFile(ini);
    QTest::newRow("INI blob") << iniBytes << "secret 1, whole, UTF-16 in an INI blob";
    QTest::newRow("INI value") << iniBytes << "secret 1, last 16 characters, UTF-8";

    // And the control: nothing is found where nothing is.
    QTest::newRow("clean") << QByteArray("Authorization: Bearer \xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2 mock-admin")
                           << QString();
}

void TestTokenLeak::scanCatchesAPlantedToken()
{
    QFETCH(QByteArray, artefact);
    QFETCH(QString, found);
    const QStringList result = LeakScan({Token, WrongToken}).find(artefact);
    if (found.isEmpty())
        QVERIFY2(result.isEmpty(), qPrintable(result.join(QStringLiteral("; "))));
    else
        QVERIFY2(result.contains(found), qPrintable(result.join(QStringLiteral("; "))));
}

void TestTokenLeak::startLiveWindow()
{
    const QString seedPath = m_inputs->filePath(QStringLiteral("seed.json"));
    const QByteArray seed = seedWithToken(Token);
    QVERIFY(!seed.isEmpty());
    QVERIFY(writeFile(seedPath, seed));
    MockOptions options;
    options.seedFile = seedPath;
    options.randomSeed = 5;
    m_live = std::make_unique<MockFixture>(options);
    QVERIFY2(m_live->ok(), qPrintable(m_live->error()));

    ConnectionProfile profile;
    profile.name = ProfileName;
    profile.baseUrl = m_live->baseUrl();
    const auto saved = m_profiles->save(profile);
    QVERIFY(saved.has_value());
    m_secretKey = saved->secretKey();
    bool written = false;
    m_secrets->write(m_secretKey, QString::fromLatin1(Token), [&](const SecretResult&) { written = true; });
    QTRY_VERIFY(written);

    m_window = std::make_unique<MainWindow>(m_settings.get(), m_profiles.get(), m_secrets.get());
    QSignalSpy loaded(m_window.get(), &MainWindow::initialLoadFinished);
    StartRequest request;
    request.connectionId = saved->id;
    m_window->start(request);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(loaded.count() == 1 || loaded.wait(15000));
    QVERIFY2(loaded.at(0).at(0).toBool(), qPrintable(loaded.at(0).at(1).toString()));
}

void TestTokenLeak::selectOrganization(const QString& id)
{
    QVERIFY(WindowDriver::selectOrganization(m_window.get(), id));
}

void TestTokenLeak::searchAndSelectUser(const QString& search, const QString& userId)
{
    QVERIFY(WindowDriver::searchAndSelectUser(m_window.get(), search, userId));
}

QList<Artefact> TestTokenLeak::inspectorArtefacts(InspectorWidget* inspector, const QString& saveDir)
{
    using Mode = InspectorWidget::ViewMode;
    QList<Artefact> artefacts;
    ExchangeHistoryModel* history = inspector->historyModel();
    artefacts.append({QStringLiteral("inspector history"), modelTexts(history)});

    const bool maskedBefore = inspector->masksPersonalData();
    for (int row = 0; row < history->rowCount(); ++row) {
        const quint64 id = history->data(history->index(row, 0), ExchangeHistoryModel::ExchangeIdRole).toULongLong();
        if (!inspector->showExchange(id))
            continue;
        const QString name = QStringLiteral("exchange %1 (%2)").arg(id).arg(inspector->currentExchange()->operation);
        for (const bool mask : {false, true}) {
            inspector->setMaskPersonalData(mask);
            const QString how = mask ? QStringLiteral(" masked") : QString();
            artefacts.append({name + how + QStringLiteral(" summary"),
                inspector->findChild<QLabel*>(QStringLiteral("summaryLabel"))->text().toUtf8()});
            for (const bool response : {false, true}) {
                inspector->setResponseShown(response);
                const QString side = response ? QStringLiteral("response") : QStringLiteral("request");
                for (const Mode mode : {Mode::Pretty, Mode::Raw, Mode::Tree}) {
                    inspector->setViewMode(mode);
                    QCoreApplication::processEvents(); // let it paint, as a person would see it
                }
                artefacts.append(
                    {name + how + QStringLiteral(" pretty ") + side, inspector->currentPrettyText(response).toUtf8()});
                artefacts.append(
                    {name + how + QStringLiteral(" raw ") + side, inspector->currentRawText(response).toUtf8()});
                artefacts.append({name + how + QStringLiteral(" tree ") + side,
                    modelTexts(inspector->findChild<QTreeView*>(side + QStringLiteral("Tree"))->model())});
                artefacts.append({name + how + QStringLiteral(" headers ") + side,
                    headerTexts(inspector->findChild<QTreeWidget*>(side + QStringLiteral("Headers")))});
                auto* copyBody = inspector->findChild<QPushButton*>(QStringLiteral("copyBodyButton"));
                if (copyBody->isEnabled()) {
                    QGuiApplication::clipboard()->clear();
                    QTest::mouseClick(copyBody, Qt::LeftButton);
                    artefacts.append({name + how + QStringLiteral(" Copy body ") + side,
                        QGuiApplication::clipboard()->text().toUtf8()});
                }
            }
            artefacts.append({name + how + QStringLiteral(" all texts"), widgetTexts(inspector)});
        }
        auto* copyCurl = inspector->findChild<QPushButton*>(QStringLiteral("copyCurlButton"));
        if (copyCurl->isEnabled()) {
            QGuiApplication::clipboard()->clear();
            QTest::mouseClick(copyCurl, Qt::LeftButton);
            const QString curl = QGuiApplication::clipboard()->text();
            if (curl.isEmpty())
                qWarning("Copy as cURL copied nothing for %s", qPrintable(name));
            artefacts.append({name + QStringLiteral(" Copy as cURL"), curl.toUtf8()});
        }
        const QString file = QDir(saveDir).filePath(QStringLiteral("exchange-%1.json").arg(id));
        InspectorWidget::setNextSaveFileName(file);
        QTest::mouseClick(inspector->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
        const QByteArray saved = readFile(file);
        if (saved.isEmpty())
            qWarning("Save… wrote nothing for %s", qPrintable(name));
        artefacts.append({name + QStringLiteral(" Save…"), saved});
    }
    inspector->setMaskPersonalData(maskedBefore);
    return artefacts;
}

void TestTokenLeak::sessionInTheWindowLeavesNoTrace()
{
    const LeakScan scan({Token, WrongToken});

    // The log capture sees debug messages of our categories: a planted one is found.
    qCDebug(lcClient) << "planted:" << Token;
    QVERIFY(!scan.find(LogCapture::text()).isEmpty());
    LogCapture::clear();

    // 1. Organizations and users, listed with the token (the mock knows it from its seed).
    startLiveWindow();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(child<QListView>("orgView")->model()->rowCount(), 4);
    // Peter's email and phone both wait for verification, with codes pending.
    selectOrganization(QString::fromLatin1(SeedIds::InitechOrg));
    searchAndSelectUser(QStringLiteral("peter"), QString::fromLatin1(SeedIds::InitechPeter));

    // 2. An email code and a phone code, each confirmed as LIVE asks.
    auto* result = child<QLabel>("resultLabel");
    const quint64 outboxBefore = m_live->zitadel().outboxTotal();
    ConfirmResend::setNextAnswer(true);
    QTest::mouseClick(child<QPushButton>("resendEmailButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(
        result->text().contains(QStringLiteral("queued for delivery to p")), qPrintable(result->text()), 15000);
    ConfirmResend::setNextAnswer(true);
    QTest::mouseClick(child<QPushButton>("resendPhoneButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(
        result->text().contains(QStringLiteral("queued for delivery to +")), qPrintable(result->text()), 15000);
    QCOMPARE(m_live->zitadel().outboxTotal(), outboxBefore + 2);
    QCOMPARE(ConfirmResend::askCount(), 2);

    // 3. The emailed code, verified.
    const QString code = m_live->zitadel().pendingEmailCode(QString::fromLatin1(SeedIds::InitechPeter));
    QVERIFY(!code.isEmpty());
    auto* channel = child<QComboBox>("verifyChannel");
    channel->setCurrentIndex(0);
    QTest::keyClicks(child<QLineEdit>("verifyCodeEdit"), code);
    QTest::mouseClick(child<QPushButton>("verifyButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("verifyResult")->text().contains(QStringLiteral("Code accepted")), 15000);

    // 4. A second real-looking token that the server does not know: 401.
    InspectorWidget* inspector = m_window->inspector()->inspector();
    bool replaced = false;
    m_secrets->write(m_secretKey, QString::fromLatin1(WrongToken), [&](const SecretResult&) { replaced = true; });
    QTRY_VERIFY(replaced);
    m_window->connections()->reconnect();
    QTRY_VERIFY_WITH_TIMEOUT(inspector->currentExchange() && inspector->currentExchange()->status == 401, 15000);
    QCOMPARE(inspector->currentExchange()->error.kind, ApiError::Kind::Unauthenticated);

    // The token really went over the wire: the mock answered the calls it authorised with it.
    int authorised = 0;
    for (const MockRequestLogEntry& entry : m_live->router().requestLog())
        authorised += entry.status == 200 ? 1 : 0;
    QVERIFY2(authorised >= 6, qPrintable(QString::number(authorised)));
    // And debug logging was on for the whole session (the client logs every call).
    const QByteArray logs = LogCapture::text();
    QVERIFY2(logs.count("vd.client: -> ") >= authorised, logs.right(2000).constData());
    QVERIFY2(logs.contains("vd.mock: "), logs.right(2000).constData());

    // Collect: logs, every inspector view, clipboard, saved files, every text in the window, the
    // mock's own request log and outbox.
    QList<Artefact> artefacts;
    const QString saveDir = m_dir->filePath(QStringLiteral("saved"));
    QVERIFY(QDir().mkpath(saveDir));
    artefacts << inspectorArtefacts(inspector, saveDir);
    const int exchanges = inspector->exchangeCount();
    QVERIFY(exchanges >= 8);
    artefacts.append({QStringLiteral("window texts"), widgetTexts(m_window.get())});
    for (const MockRequestLogEntry& entry : m_live->router().requestLog()) {
        artefacts.append({QStringLiteral("mock request log ") + QString::fromLatin1(entry.path),
            entry.method + ' ' + entry.path + '?' + entry.query + '\n' + entry.requestBody + '\n' + entry.responseBody
                + '\n' + entry.peer.toUtf8()});
    }
    for (const MockOutboxMessage& message : m_live->zitadel().outbox())
        artefacts.append({QStringLiteral("mock outbox"), (message.text + message.link + message.to).toUtf8()});

    // Closing writes the layout, inspector state and last choices; then the files are final.
    m_window->close();
    m_window.reset();
    m_settings->sync();
    artefacts.append({QStringLiteral("log messages"), LogCapture::text()});
    artefacts << filesUnder(m_dir->path());
    for (const auto location : {QStandardPaths::AppConfigLocation,
             QStandardPaths::GenericConfigLocation,
             QStandardPaths::AppDataLocation,
             QStandardPaths::CacheLocation}) {
        artefacts << filesUnder(QStandardPaths::writableLocation(location));
    }
    const QByteArray settingsFile = readFile(m_dir->filePath(QStringLiteral("settings.ini")));
    QVERIFY(settingsFile.contains("profiles")); // the profile store and the app share this file
    QVERIFY(settingsFile.contains("inspector"));
    expectClean(scan, artefacts);
    if (QTest::currentTestFailed())
        return;
    qsizetype bytes = 0;
    for (const Artefact& artefact : artefacts)
        bytes += artefact.bytes.size();
    qInfo("%d exchanges, %d log messages, %lld artefacts (%lld bytes) scanned: clean",
        exchanges,
        LogCapture::count(),
        qlonglong(artefacts.size()),
        qlonglong(bytes));

    // Plant: the same collectors do find a token where one is. First the inspector's: a recorded
    // request whose body carries the token is found in every view of it, in Copy body, Copy as
    // cURL and Save…; a recording whose Authorization header was not masked is masked again.
    {
        InspectorWidget planted;
        planted.resize(900, 600);
        planted.show();
        Exchange leaky;
        leaky.id = 1;
        leaky.sent = true;
        leaky.operation = QStringLiteral("Planted");
        leaky.method = "POST";
        leaky.url = QUrl(QStringLiteral("https://zitadel.example.com/v2/users"));
        leaky.requestHeaders = {{"Authorization", "Bearer " + Token}, {"Content-Type", "application/json"}};
        leaky.requestBody = "{\"note\":\"" + Token + "\"}";
        leaky.status = 200;
        leaky.responseBody = "{}";
        leaky.responseJson = QJsonDocument::fromJson(leaky.responseBody);
        planted.addExchange(std::make_shared<const Exchange>(leaky));
        const QString plantDir = m_dir->filePath(QStringLiteral("planted"));
        QVERIFY(QDir().mkpath(plantDir));
        QStringList caught;
        for (const Artefact& artefact : inspectorArtefacts(&planted, plantDir)) {
            if (!scan.find(artefact.bytes).isEmpty())
                caught << artefact.name;
        }
        for (const char* where :
            {"pretty request", "raw request", "tree request", "Copy body request", "Copy as cURL", "Save…"}) {
            QVERIFY2(
                caught.filter(QString::fromUtf8(where)).size() >= 1, qPrintable(caught.join(QStringLiteral(", "))));
        }
        QVERIFY2(caught.filter(QStringLiteral("headers")).isEmpty(), qPrintable(caught.join(QStringLiteral(", "))));
        leaky.requestBody = "{}";
        planted.clearHistory();
        planted.addExchange(std::make_shared<const Exchange>(leaky)); // the header alone
        expectClean(scan, inspectorArtefacts(&planted, plantDir));
    }

    // The settings file, as QSettings would write a leaked token (a QString inside a state blob).
    {
        QSettings settings(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        QByteArray state;
        QDataStream out(&state, QIODevice::WriteOnly);
        out << QString::fromLatin1(Token);
        settings.setValue(QStringLiteral("planted/state"), state);
    }
    QVERIFY(scan.find(readFile(m_dir->filePath(QStringLiteral("settings.ini"))))
                .contains(QStringLiteral("secret 1, whole, UTF-16 in an INI blob")));
}

void TestTokenLeak::executablesPrintNoToken()
{
    const LeakScan scan({Token, WrongToken});
    const QString seedPath = m_inputs->filePath(QStringLiteral("seed.json"));
    QVERIFY(writeFile(seedPath, seedWithToken(Token)));
    const QString tokenFile = m_inputs->filePath(QStringLiteral("token.txt"));
    const QString wrongTokenFile = m_inputs->filePath(QStringLiteral("wrong-token.txt"));
    QVERIFY(writeFile(tokenFile, Token + '\n'));
    QVERIFY(writeFile(wrongTokenFile, WrongToken + '\n'));

    // verifydesk-mock with every category at debug level, serving the seed with the token.
    QProcess mock;
    mock.setProcessEnvironment(debugEnvironment());
    mock.start(QStringLiteral(VD_MOCK_BINARY),
        {QStringLiteral("--seed"), seedPath, QStringLiteral("--random-seed"), QStringLiteral("9")});
    QVERIFY(mock.waitForStarted(10000));
    const auto stopMock = qScopeGuard([&mock] {
        if (mock.state() != QProcess::NotRunning) { // a check failed before the end
            mock.kill();
            mock.waitForFinished(10000);
        }
    });
    QStringList banner;
    for (int i = 0; i < 6; ++i) {
        QVERIFY(QTest::qWaitFor([&] { return mock.canReadLine() || mock.state() == QProcess::NotRunning; }, 15000));
        banner << QString::fromLocal8Bit(mock.readLine()).trimmed();
    }
    static const QRegularExpression listening(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:\\d+)$"));
    const QRegularExpressionMatch url = listening.match(banner.value(0));
    QVERIFY2(url.hasMatch(), qPrintable(banner.join(QLatin1Char('\n'))));
    const QUrl base(url.captured(1));
    const QByteArray adminToken = banner.value(1).section(QLatin1Char(' '), -1).toLatin1();
    // The seed's long token is announced by its ends only.
    QCOMPARE(banner.value(5),
        QStringLiteral("token %1\u2026%2 (64 characters): user.read, user.write, org.read in every organization")
            .arg(QString::fromLatin1(Token.left(4)), QString::fromLatin1(Token.right(4))));

    // A profile for it in a settings file, as the connection dialog would save it.
    const QString ini = m_dir->filePath(QStringLiteral("desktop.ini"));
    {
        AppSettings settings(ini);
        ProfileStore profiles(settings.settings());
        ConnectionProfile profile;
        profile.name = ProfileName;
        profile.baseUrl = base;
        QVERIFY(profiles.save(profile).has_value());
    }

    struct Run
    {
        int code = -1;
        QByteArray out, err;
    };
    auto runDesktop = [&](const QStringList& arguments) {
        QProcess app;
        app.setProcessEnvironment(debugEnvironment());
        app.start(QStringLiteral(VD_APP_BINARY), QStringList {QStringLiteral("--settings"), ini} + arguments);
        Run run;
        // Waiting with the event loop running keeps the mock's pipes drained meanwhile.
        if (!app.waitForStarted(10000)
            || !QTest::qWaitFor([&] { return app.state() == QProcess::NotRunning; }, 60000)) {
            app.kill();
            app.waitForFinished();
            return run;
        }
        run.code = app.exitStatus() == QProcess::NormalExit ? app.exitCode() : -2;
        run.out = app.readAllStandardOutput();
        run.err = app.readAllStandardError();
        return run;
    };

    // Planted: the real executable's stderr is read and scanned (a profile name it echoes).
    const Run planted = runDesktop({QStringLiteral("--profile"), QString::fromLatin1(Token)});
    QCOMPARE(planted.code, 2);
    QVERIFY2(scan.find(planted.err).contains(QStringLiteral("secret 1, whole, UTF-8")), planted.err.constData());

    // 1. verifydesk lists organizations and users with the token from the file.
    const Run listed = runDesktop({QStringLiteral("--profile"),
        ProfileName,
        QStringLiteral("--token-file"),
        tokenFile,
        QStringLiteral("--exit-after-load")});
    QVERIFY2(listed.code == 0, listed.err.right(3000).constData());
    QVERIFY2(listed.err.contains("vd.client: -> \"POST\" \"/v2/organizations/_search\"")
            || listed.err.contains("vd.client: ->"),
        listed.err.right(3000).constData()); // debug logging was on
    expectClean(
        scan, {{QStringLiteral("verifydesk stdout"), listed.out}, {QStringLiteral("verifydesk stderr"), listed.err}});

    // 2. Resends and a verification with the same token, by the app's client, to the mock.
    ZitadelClient client;
    QVERIFY(!client.setBaseUrl(base).has_value());
    client.setToken(QString::fromLatin1(Token));
    const QString peter = QString::fromLatin1(SeedIds::InitechPeter);
    int done = 0;
    QStringList errors;
    auto check = [&](const auto& r) {
        if (!r.ok())
            errors << r.error.summary();
        ++done;
    };
    client.resendEmailCode(peter, {}, check);
    client.resendPhoneCode(peter, {}, check);
    QTRY_COMPARE_WITH_TIMEOUT(done, 2, 15000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QStringLiteral("; "))));
    QNetworkAccessManager nam;
    auto adminGet = [&](const QString& path) {
        QNetworkRequest request(QUrl(base.toString() + path));
        request.setRawHeader("Authorization", "Bearer " + adminToken);
        QNetworkReply* reply = nam.get(request);
        QByteArray body;
        if (QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000))
            body = reply->readAll();
        reply->deleteLater();
        return body;
    };
    const QJsonArray messages =
        QJsonDocument::fromJson(adminGet(QStringLiteral("/_mock/outbox?userId=%1&channel=email&limit=1").arg(peter)))
            .object()
            .value(QStringLiteral("messages"))
            .toArray();
    QCOMPARE(messages.size(), 1);
    const QString code = messages.at(0).toObject().value(QStringLiteral("code")).toString();
    QVERIFY(!code.isEmpty());
    bool verified = false;
    client.verifyEmail(peter, code, [&](const Result<VerifyResult>& r) {
        verified = r.ok();
        ++done;
    });
    QTRY_COMPARE_WITH_TIMEOUT(done, 3, 15000);
    QVERIFY(verified);

    // 3. verifydesk with a token the server does not know: 401, said plainly, token not shown.
    const Run refused = runDesktop({QStringLiteral("--profile"),
        ProfileName,
        QStringLiteral("--token-file"),
        wrongTokenFile,
        QStringLiteral("--exit-after-load")});
    QCOMPARE(refused.code, 1);
    QVERIFY2(
        refused.err.contains("401") || refused.err.toLower().contains("token"), refused.err.right(3000).constData());
    expectClean(scan,
        {{QStringLiteral("verifydesk stdout (401)"), refused.out},
            {QStringLiteral("verifydesk stderr (401)"), refused.err}});

    // 4. The mock's request log as QA reads it, then everything the mock printed.
    const QByteArray requestLog = adminGet(QStringLiteral("/_mock/requests"));
    QVERIFY2(requestLog.contains("/email/resend") && requestLog.contains("/phone/resend"),
        requestLog.left(2000).constData());
    QVERIFY(requestLog.contains("\"status\":401"));
    mock.terminate();
    QVERIFY(QTest::qWaitFor([&] { return mock.state() == QProcess::NotRunning; }, 15000));
    const QByteArray mockOut = banner.join(QLatin1Char('\n')).toUtf8() + '\n' + mock.readAllStandardOutput();
    const QByteArray mockErr = mock.readAllStandardError();
    QVERIFY2(mockErr.contains("vd.mock: POST /v2/users/"), mockErr.right(3000).constData()); // debug was on
    QVERIFY2(mockErr.contains("401"), mockErr.right(3000).constData());
    expectClean(scan,
        {{QStringLiteral("mock request log"), requestLog},
            {QStringLiteral("verifydesk-mock stdout"), mockOut},
            {QStringLiteral("verifydesk-mock stderr"), mockErr},
            {QStringLiteral("this process's log"), LogCapture::text()}});
    expectClean(scan, filesUnder(m_dir->path())); // the settings file after both runs
    qInfo("verifydesk: %lld + %lld bytes of stderr (two runs), verifydesk-mock: %lld bytes of stderr, all clean",
        qlonglong(listed.err.size()),
        qlonglong(refused.err.size()),
        qlonglong(mockErr.size()));
}

QTEST_MAIN(TestTokenLeak)
#include "TestTokenLeak.moc"
