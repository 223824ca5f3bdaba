// Bodies a broken or hostile server may send, fed to the inspector directly as recorded
// exchanges: 100 000 open brackets, nesting just beyond QJsonDocument's limit, invalid UTF-8,
// and 10 MB of text or JSON. None may crash, recurse on the raw text, or freeze the window:
// every view (Pretty, Raw, Tree, masked or not) is rendered and painted within a bound, and
// Copy body and Save… still hand over the whole body.

#include "CurlCommand.h"
#include "ExchangeFixtures.h"
#include "ExchangeFormat.h"
#include "ExchangeHistoryModel.h"
#include "InspectorWidget.h"
#include "JsonHighlighter.h"
#include "JsonPretty.h"
#include "JsonTreeModel.h"
#include "PersonalDataMask.h"

#include <QClipboard>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Fixtures;

namespace
{
// Qt 6.4's JSON parser refuses documents nested deeper than this (QJsonParseError::DeepNesting).
constexpr int QtJsonNestingLimit = 1024;

// Generous for a loaded 2-core machine; a view that is quadratic in its input, or that lays out
// 10 MB as one line, takes minutes here, not seconds. Sanitized at -O0, masking 10 MB took 14 s
// on a loaded CI machine, so those builds allow a minute.
#ifdef VD_SANITIZED
constexpr qint64 RenderBoundMs = 60000;
#else
constexpr qint64 RenderBoundMs = 10000;
#endif

QByteArray nestedArrays(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

QByteArray nestedObjects(int depth)
{
    return QByteArray("{\"a\":").repeated(depth) + "1" + QByteArray(depth, '}');
}

QByteArray tenMegabytesOfLines()
{
    QByteArray text;
    text.reserve(10 * 1024 * 1024 + 100);
    for (int i = 0; text.size() < 10 * 1024 * 1024; ++i)
        text += "upstream log line " + QByteArray::number(i) + ": connection reset by peer, retrying\n";
    return text;
}

QByteArray tenMegabytesOfJson()
{
    QByteArray json = "{\"result\":[";
    json.reserve(10 * 1024 * 1024 + 200);
    for (int i = 0; json.size() < 10 * 1024 * 1024; ++i) {
        json += "{\"userId\":\"3129090752119" + QByteArray::number(10000 + i) + "\",\"username\":\"user"
            + QByteArray::number(i) + "\",\"human\":{\"email\":{\"email\":\"user" + QByteArray::number(i)
            + "@example.com\",\"isVerified\":true},\"phone\":{\"phone\":\"+4179" + QByteArray::number(1000000 + i)
            + "\"}}},";
    }
    json += "{}]}";
    return json;
}
} // namespace

class TestInspectorRobustness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void qtJsonNestingLimit();
    void hostileResponse_data();
    void hostileResponse();
    void hostileRequestBody();
    void deepButValidTreeOpensToTheBottom();
    void helpersOnHostileText_data();
    void helpersOnHostileText();

private:
    qint64 renderMs(InspectorWidget::ViewMode mode);
    std::unique_ptr<InspectorWidget> m_inspector;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestInspectorRobustness::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestInspectorRobustness::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_inspector = std::make_unique<InspectorWidget>();
    m_inspector->resize(1000, 700);
    m_inspector->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_inspector.get()));
}

void TestInspectorRobustness::cleanup()
{
    m_inspector.reset();
    m_dir.reset();
    InspectorWidget::setNextSaveFileName({});
    QGuiApplication::clipboard()->clear();
}

qint64 TestInspectorRobustness::renderMs(InspectorWidget::ViewMode mode)
{
    QElapsedTimer timer;
    timer.start();
    m_inspector->setViewMode(mode);
    QCoreApplication::processEvents();
    m_inspector->grab(); // lays out and paints what a person would see
    return timer.elapsed();
}

void TestInspectorRobustness::qtJsonNestingLimit()
{
    // The rows below sit on both sides of this limit; if Qt moves it, they must move too.
    QJsonParseError error;
    QVERIFY(!QJsonDocument::fromJson(nestedArrays(QtJsonNestingLimit), &error).isNull());
    QVERIFY(QJsonDocument::fromJson(nestedArrays(QtJsonNestingLimit + 1), &error).isNull());
    QCOMPARE(error.error, QJsonParseError::DeepNesting);
    QVERIFY(!QJsonDocument::fromJson(nestedObjects(QtJsonNestingLimit), &error).isNull());
    QVERIFY(QJsonDocument::fromJson(nestedObjects(QtJsonNestingLimit + 1), &error).isNull());
}

void TestInspectorRobustness::hostileResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("json"); // QJsonDocument accepts it, so Tree has something to show
    QTest::newRow("100 000 open brackets") << QByteArray(100000, '[') << false;
    QTest::newRow("100 000 balanced brackets") << nestedArrays(100000) << false;
    QTest::newRow("arrays at the nesting limit") << nestedArrays(QtJsonNestingLimit) << true;
    QTest::newRow("arrays just beyond the limit") << nestedArrays(QtJsonNestingLimit + 1) << false;
    QTest::newRow("objects just beyond the limit") << nestedObjects(QtJsonNestingLimit + 1) << false;
    QTest::newRow("invalid UTF-8 in JSON")
        << QByteArray("{\"name\":\"\xff\xfe\xc3\x28\",\"email\":\"ada@example.com\"}") << false;
    QTest::newRow("invalid UTF-8, 1 MB")
        << QByteArray("\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\xff").repeated(90000) << false;
    QTest::newRow("UTF-8 cut by the pretty limit")
        << "[\"" + QByteArray("\xe2\x82\xac").repeated(JsonPretty::DefaultLimitBytes / 3 + 7) + "\"]" << true;
    QTest::newRow("10 MB of text") << tenMegabytesOfLines() << false;
    QTest::newRow("10 MB on one line") << QByteArray(10 * 1024 * 1024, 'x') << false;
    QTest::newRow("10 MB of JSON") << tenMegabytesOfJson() << true;
}

void TestInspectorRobustness::hostileResponse()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, json);
    using Mode = InspectorWidget::ViewMode;

    const Exchange exchange = withResponse(getUser(9), 200, body);
    QCOMPARE(!exchange.responseJson.isNull(), json);

    QElapsedTimer timer;
    timer.start();
    m_inspector->addExchange(shared(exchange));
    QCoreApplication::processEvents();
    m_inspector->grab();
    qint64 slowest = timer.elapsed();
    QStringList figures {QStringLiteral("selected %1 ms").arg(slowest)};

    auto* note = m_inspector->findChild<QLabel*>(QStringLiteral("responseNote"));
    for (const bool mask : {false, true}) {
        timer.restart();
        m_inspector->setMaskPersonalData(mask);
        const qint64 maskMs = timer.elapsed();
        if (mask)
            figures << QStringLiteral("mask on %1 ms").arg(maskMs);
        slowest = qMax(slowest, maskMs);
        for (const Mode mode : {Mode::Pretty, Mode::Raw, Mode::Tree}) {
            const qint64 ms = renderMs(mode);
            slowest = qMax(slowest, ms);
            const QString view = mode == Mode::Pretty ? QStringLiteral("Pretty")
                : mode == Mode::Raw                   ? QStringLiteral("Raw")
                                                      : QStringLiteral("Tree");
            figures << view + (mask ? QStringLiteral(" masked ") : QStringLiteral(" ")) + QString::number(ms)
                    + QStringLiteral(" ms");
        }
        // What each view shows is bounded and says so when it is not everything.
        const QString pretty = m_inspector->currentPrettyText(true);
        // At most one character per byte shown (invalid bytes become U+FFFD), plus line breaks.
        QVERIFY(pretty.size()
            <= JsonPretty::DefaultLimitBytes + JsonPretty::DefaultLimitBytes / ExchangeFormat::RawMaxLine + 1);
        m_inspector->setViewMode(Mode::Pretty);
        if (QString::fromUtf8(body).toUtf8().size() > JsonPretty::DefaultLimitBytes)
            QVERIFY2(note->isVisible() && note->text().contains(QStringLiteral("Save")), qPrintable(note->text()));
        if (!json && !body.contains('\n') && QString::fromUtf8(body).size() > ExchangeFormat::RawMaxLine)
            QVERIFY2(note->isVisible() && note->text().contains(QStringLiteral("broken for display")),
                qPrintable(note->text()));
        QVERIFY(m_inspector->currentRawText(true).size()
            <= ExchangeFormat::RawMaxChars + ExchangeFormat::RawMaxChars / ExchangeFormat::RawMaxLine + 1);
        m_inspector->setViewMode(Mode::Tree);
        auto* tree = m_inspector->findChild<QTreeView*>(QStringLiteral("responseTree"));
        if (json) {
            QVERIFY(tree->model()->rowCount() > 0);
            QVERIFY(!note->isVisible());
        } else {
            QCOMPARE(tree->model()->rowCount(), 0);
            QVERIFY(note->isVisible());
            QVERIFY2(note->text().contains(QStringLiteral("not JSON")), qPrintable(note->text()));
        }
    }
    qInfo("%s (%lld bytes): %s", QTest::currentDataTag(), qlonglong(body.size()), qPrintable(figures.join(", ")));
    QVERIFY2(slowest < RenderBoundMs, qPrintable(figures.join(", ")));

    // Copy body hands over the whole body, exactly as received while masking is off.
    m_inspector->setMaskPersonalData(false);
    m_inspector->setResponseShown(true);
    QTest::mouseClick(m_inspector->findChild<QPushButton*>(QStringLiteral("copyBodyButton")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text().size(), QString::fromUtf8(body).size());

    // Save… writes the whole body (masked, as always), not the truncated view.
    const QString path = m_dir->filePath(QStringLiteral("big.json"));
    InspectorWidget::setNextSaveFileName(path);
    timer.restart();
    QTest::mouseClick(m_inspector->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    qInfo("Save… %lld ms", timer.elapsed());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonObject saved = QJsonDocument::fromJson(file.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonValue savedBody = saved.value("response").toObject().value("body");
    if (savedBody.isString()) {
        const QByteArray masked = PersonalDataMask::maskBody(body);
        QCOMPARE(savedBody.toString().size(), QString::fromUtf8(masked).size());
    } else {
        QVERIFY(json);
        QVERIFY(savedBody.isObject() || savedBody.isArray());
    }
}

void TestInspectorRobustness::hostileRequestBody()
{
    // The request side parses its own body (the client only parses responses).
    Exchange e = resendEmail(4);
    e.requestBody = nestedArrays(100000);
    m_inspector->addExchange(shared(e));
    m_inspector->setResponseShown(false);
    for (const auto mode :
        {InspectorWidget::ViewMode::Pretty, InspectorWidget::ViewMode::Raw, InspectorWidget::ViewMode::Tree})
        QVERIFY(renderMs(mode) < RenderBoundMs);
    QVERIFY(
        m_inspector->findChild<QLabel*>(QStringLiteral("requestNote"))->text().contains(QStringLiteral("not JSON")));
    QVERIFY(curlCommand(e).contains(QStringLiteral("[[[[")));
}

void TestInspectorRobustness::deepButValidTreeOpensToTheBottom()
{
    // 1024 levels of objects parse; the tree opens level by level down to the last value, and
    // pretty-printing indents each level without running out of room.
    const QByteArray body = nestedObjects(QtJsonNestingLimit);
    m_inspector->addExchange(shared(withResponse(getUser(3), 200, body)));
    m_inspector->setViewMode(InspectorWidget::ViewMode::Tree);
    auto* tree = m_inspector->findChild<QTreeView*>(QStringLiteral("responseTree"));
    const QAbstractItemModel* model = tree->model();
    QElapsedTimer timer;
    timer.start();
    QModelIndex index = model->index(0, 0);
    int depth = 1;
    while (model->hasChildren(index)) {
        tree->expand(index);
        index = model->index(0, 0, index);
        ++depth;
    }
    tree->scrollTo(index);
    m_inspector->grab();
    qInfo("1024 levels opened and painted in %lld ms", timer.elapsed());
    QCOMPARE(depth, QtJsonNestingLimit);
    QCOMPARE(index.siblingAtColumn(JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("1"));
    QVERIFY(timer.elapsed() < RenderBoundMs);

    const QString pretty = m_inspector->currentPrettyText(true);
    QVERIFY(pretty.startsWith(QStringLiteral("{\n  \"a\": {\n    \"a\": {")));
}

void TestInspectorRobustness::helpersOnHostileText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("100 000 open brackets") << QByteArray(100000, '[');
    QTest::newRow("100 000 open braces") << QByteArray(100000, '{');
    QTest::newRow("100 000 quotes and backslashes") << QByteArray("\"\\").repeated(50000);
    QTest::newRow("10 MB on one line") << QByteArray(10 * 1024 * 1024, 'x');
    QTest::newRow("invalid UTF-8") << QByteArray("\xff\xc3\x28\xe2\x82").repeated(200000);
}

void TestInspectorRobustness::helpersOnHostileText()
{
    // The pure helpers the views use, on raw text they might be handed: no recursion (100 000
    // levels would overflow the stack), bounded output, linear time.
    QFETCH(QByteArray, text);
    QElapsedTimer timer;
    timer.start();
    const JsonPretty::Result pretty = JsonPretty::format(text);
    QVERIFY(pretty.text.size() <= JsonPretty::DefaultLimitBytes); // invalid bytes become one U+FFFD each
    const JsonPretty::Result cut = JsonPretty::truncated(text);
    QVERIFY(cut.text.size() <= JsonPretty::DefaultLimitBytes);
    for (const QString& line : pretty.text.split(QLatin1Char('\n')))
        JsonHighlighter::tokenize(line);
    const ExchangeFormat::Display display = ExchangeFormat::forDisplay(QString::fromUtf8(text));
    QVERIFY(display.text.size()
        <= ExchangeFormat::RawMaxChars + ExchangeFormat::RawMaxChars / ExchangeFormat::RawMaxLine + 1);
    JsonTreeModel model;
    model.setDocument(QJsonDocument::fromJson(text));
    QCOMPARE(model.rowCount(), 0);
    PersonalDataMask::maskJson(text);
    qInfo("%s: %lld ms", QTest::currentDataTag(), timer.elapsed());
    QVERIFY(timer.elapsed() < RenderBoundMs);
}

QTEST_MAIN(TestInspectorRobustness)
#include "TestInspectorRobustness.moc"
