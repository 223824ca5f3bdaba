// InspectorWidget and InspectorDock driven through their real child widgets (by objectName):
// selection, Pretty/Raw/Tree, clipboard, Save… through the test seam, state round trip.

#include "CurlCommand.h"
#include "ExchangeFixtures.h"
#include "ExchangeHistoryModel.h"
#include "InspectorDock.h"
#include "InspectorWidget.h"
#include "JsonHighlighter.h"
#include "JsonPretty.h"
#include "JsonTreeModel.h"

#include <QClipboard>
#include <QDataStream>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace Fixtures;

namespace
{
// getUser() with personal data in every place the inspector shows: URL, headers, both bodies,
// the error line.
Exchange personalExchange()
{
    Exchange e = getUser(8);
    e.method = "POST";
    e.url = QUrl(base + QStringLiteral("/v2/users?search=ada%40example.com"));
    e.requestHeaders.append(qMakePair(QByteArray("X-Caller"), QByteArray("ada@example.com")));
    e.requestBody = R"({"queries":[{"phoneQuery":{"number":"+41791234567"}}]})";
    e.responseHeaders.append(qMakePair(QByteArray("X-Support"), QByteArray("call +41 44 668 18 00")));
    e.error.kind = ApiError::Kind::NotFound;
    e.error.httpStatus = 404;
    e.error.message = QStringLiteral("User ada@example.com not found");
    e.error.sentence = QStringLiteral("There is no user ada@example.com.");
    return e;
}

const QString MaskedEmail = QStringLiteral("a\u2022\u2022\u2022@example.com");
const QString MaskedPhone = QStringLiteral("+41 \u2022\u2022 \u2022\u2022\u2022 \u2022\u2022 67");

// No trace of Ada's address or phone number: not whole, not the national digits.
bool showsPersonalData(const QString& text)
{
    return text.contains(QStringLiteral("ada@example.com")) || text.contains(QStringLiteral("791234567"))
        || text.contains(QStringLiteral("44 668 18"));
}

QString allValues(const QAbstractItemModel* model)
{
    QStringList values;
    QList<QModelIndex> parents {QModelIndex()};
    while (!parents.isEmpty()) {
        const QModelIndex parent = parents.takeLast();
        for (int row = 0; row < model->rowCount(parent); ++row) {
            for (int column = 0; column < model->columnCount(parent); ++column) {
                const QModelIndex index = model->index(row, column, parent);
                values << index.data().toString() << index.data(Qt::ToolTipRole).toString();
            }
            if (model->hasChildren(model->index(row, 0, parent)))
                parents << model->index(row, 0, parent);
        }
    }
    return values.join(QLatin1Char('\n'));
}

QString headerValues(const QTreeWidget* headers)
{
    QStringList values;
    for (int i = 0; i < headers->topLevelItemCount(); ++i)
        values << headers->topLevelItem(i)->text(1);
    return values.join(QLatin1Char('\n'));
}
} // namespace

class TestInspectorWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void emptyState();
    void selectionKeptWhenAdding();
    void prettyShowsHighlightedJson();
    void rawShowsExactBytes();
    void treeHasKeys();
    void headersShowMaskedAuthorization();
    void summaryLine();
    void notSentExchange();
    void copyBody();
    void copyCurl();
    void save();
    void saveCancelled();
    void showExchange();
    void dockRevealsItself();
    void clearHistory();
    void stateRoundTrip();
    void restoreRejectsGarbage();
    void largeBodyIsCapped();
    void maskToggleMasksEveryView();
    void exportsAreMaskedWithTheToggleOff();
    void maskIsRemembered();
    void restoresAStateSavedBeforeMasking();

private:
    template <class T>
    T* child(const char* name) const
    {
        T* w = m_inspector->findChild<T*>(QLatin1String(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }
    void click(const char* name);
    void selectRowOf(quint64 id);

    std::unique_ptr<InspectorWidget> m_inspector;
};

void TestInspectorWidget::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestInspectorWidget::init()
{
    m_inspector = std::make_unique<InspectorWidget>();
    m_inspector->resize(900, 700);
    m_inspector->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_inspector.get()));
}

void TestInspectorWidget::cleanup()
{
    m_inspector.reset();
    InspectorWidget::setNextSaveFileName({}); // never leak a seeded name into the next test
    QGuiApplication::clipboard()->clear();
}

void TestInspectorWidget::click(const char* name)
{
    QAbstractButton* button = child<QAbstractButton>(name);
    QVERIFY(button);
    QVERIFY2(button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestInspectorWidget::selectRowOf(quint64 id)
{
    auto* history = child<QTableView>("historyView");
    const QModelIndex index = m_inspector->historyModel()->indexOfId(id);
    QVERIFY(index.isValid());
    QTest::mouseClick(history->viewport(), Qt::LeftButton, {}, history->visualRect(index).center());
    QCOMPARE(m_inspector->currentExchange()->id, id);
}

void TestInspectorWidget::emptyState()
{
    // init() leaves nothing selected: the hint stands where the details would be.
    auto* empty = child<QLabel>("emptyStateLabel");
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("Every request Verify Desk makes appears here.")));
    QVERIFY(!child<QTabWidget>("exchangeTabs")->isVisible());
    QCOMPARE(m_inspector->exchangeCount(), 0);
    QVERIFY(!m_inspector->currentExchange());
    QVERIFY(!child<QPushButton>("clearButton")->isEnabled());
}

void TestInspectorWidget::selectionKeptWhenAdding()
{
    QSignalSpy changed(m_inspector.get(), &InspectorWidget::currentExchangeChanged);
    m_inspector->addExchange(shared(resendEmail(1)));
    QCOMPARE(m_inspector->currentExchange()->id, 1u); // nothing was selected: the newest is
    QCOMPARE(changed.count(), 1);
    QVERIFY(child<QTabWidget>("exchangeTabs")->isVisible());

    // While the newest is shown, the next newest takes its place (a live network panel).
    m_inspector->addExchange(shared(getUser(2)));
    QCOMPARE(m_inspector->currentExchange()->id, 2u);
    QCOMPARE(changed.count(), 2);

    // A choice further down stays put while more arrive.
    selectRowOf(1);
    QCOMPARE(changed.count(), 3);
    m_inspector->addExchange(shared(resendPhoneV1(3)));
    QCOMPARE(m_inspector->exchangeCount(), 3);
    QCOMPARE(m_inspector->currentExchange()->id, 1u); // still the one being read
    QCOMPARE(changed.count(), 3);
    auto* history = child<QTableView>("historyView");
    QCOMPARE(history->currentIndex().row(), 2);
    QCOMPARE(child<QLabel>("historyCountLabel")->text(), QStringLiteral("3 requests"));
}

void TestInspectorWidget::prettyShowsHighlightedJson()
{
    m_inspector->addExchange(shared(resendEmail(1)));
    m_inspector->addExchange(shared(getUser(2)));
    selectRowOf(2);
    QCOMPARE(m_inspector->viewMode(), InspectorWidget::ViewMode::Pretty);

    const QString pretty = m_inspector->currentPrettyText(true);
    QCOMPARE(pretty, JsonPretty::format(getUser().responseBody).text);
    QVERIFY(pretty.startsWith(QStringLiteral("{\n  \"user\": {\n    \"userId\": \"1\",")));

    auto* edit = child<QPlainTextEdit>("responsePretty");
    QVERIFY(edit && edit->isVisible() && edit->isReadOnly());
    QCOMPARE(edit->toPlainText(), pretty);
    QVERIFY(edit->font().fixedPitch()
        || edit->font().family() == QFontDatabase::systemFont(QFontDatabase::FixedFont).family());

    // Line 3 is `    "userId": "1",`: the key and the string carry the highlighter's colours.
    auto* highlighter = edit->document()->findChild<JsonHighlighter*>();
    QVERIFY(highlighter);
    const QTextBlock block = edit->document()->findBlockByNumber(2);
    QCOMPARE(block.text(), QStringLiteral("    \"userId\": \"1\","));
    QTRY_VERIFY(!block.layout()->formats().isEmpty());
    QHash<int, QColor> colourAt;
    for (const QTextLayout::FormatRange& range : block.layout()->formats())
        colourAt.insert(range.start, range.format.foreground().color());
    QCOMPARE(colourAt.value(4), highlighter->format(JsonHighlighter::Token::Key).foreground().color());
    QCOMPARE(colourAt.value(14), highlighter->format(JsonHighlighter::Token::String).foreground().color());
    QVERIFY(colourAt.value(4) != colourAt.value(14));

    // The request of a GET has no body.
    QCOMPARE(m_inspector->currentPrettyText(false), QString());
}

void TestInspectorWidget::rawShowsExactBytes()
{
    m_inspector->addExchange(shared(connectResend(4)));
    click("rawButton");
    QCOMPARE(m_inspector->viewMode(), InspectorWidget::ViewMode::Raw);

    auto* raw = child<QPlainTextEdit>("responseRaw");
    QVERIFY(raw->isVisible());
    QVERIFY(!child<QTreeWidget>("responseHeaders")->isVisible()); // Raw has them inline
    const Exchange e = connectResend();
    QCOMPARE(raw->toPlainText(),
        QStringLiteral("HTTP 200\nContent-Type: application/json\nContent-Length: %1\n\n").arg(e.responseBody.size())
            + QString::fromUtf8(e.responseBody));

    m_inspector->setResponseShown(false);
    auto* requestRaw = child<QPlainTextEdit>("requestRaw");
    QVERIFY(requestRaw->isVisible());
    QVERIFY(requestRaw->toPlainText().endsWith(QStringLiteral("\n\n") + QString::fromUtf8(e.requestBody)));
    QVERIFY(requestRaw->toPlainText().startsWith(
        QStringLiteral("POST https://verify.example.com/zitadel.user.v2.UserService/ResendEmailCode\n")));
}

void TestInspectorWidget::treeHasKeys()
{
    m_inspector->addExchange(shared(getUser(2)));
    click("treeButton");
    auto* tree = child<QTreeView>("responseTree");
    QVERIFY(tree->isVisible());
    QAbstractItemModel* model = tree->model();
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex user = model->index(0, 0);
    QCOMPARE(user.data().toString(), QStringLiteral("user"));
    QStringList keys;
    for (int row = 0; row < model->rowCount(user); ++row)
        keys << model->index(row, 0, user).data().toString();
    QCOMPARE(keys, (QStringList {"human", "loginNames", "state", "userId"}));

    // Two levels open, deeper ones closed.
    QVERIFY(tree->isExpanded(user));
    const QModelIndex human = model->index(0, 0, user);
    QVERIFY(tree->isExpanded(human));
    QVERIFY(!tree->isExpanded(model->index(0, 0, human)));

    // Switching exchanges refills the tree.
    m_inspector->addExchange(shared(resendEmail(1)));
    selectRowOf(1);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("details"));
}

void TestInspectorWidget::headersShowMaskedAuthorization()
{
    m_inspector->addExchange(shared(resendPhoneV1(3)));
    m_inspector->setResponseShown(false);
    auto* headers = child<QTreeWidget>("requestHeaders");
    QVERIFY(headers->isVisible());
    const QList<QTreeWidgetItem*> auth = headers->findItems(QStringLiteral("Authorization"), Qt::MatchExactly, 0);
    QCOMPARE(auth.size(), 1);
    QCOMPARE(auth.first()->text(1), QString::fromUtf8(maskedBearer));
    QCOMPARE(headers->findItems(QStringLiteral("x-zitadel-orgid"), Qt::MatchExactly, 0).first()->text(1),
        QStringLiteral("2695"));
}

void TestInspectorWidget::summaryLine()
{
    m_inspector->addExchange(shared(resendPhoneV1(3)));
    const QString text = child<QLabel>("summaryLabel")->text();
    QVERIFY2(text.contains(QStringLiteral("ResendHumanPhoneVerification (v1)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("400")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("88 ms")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("already verified")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("COMMAND-2M9sf")), qPrintable(text));
}

void TestInspectorWidget::notSentExchange()
{
    // Refused by the client before sending: there is nothing to replay, but the reason shows.
    Exchange e;
    e.id = 6;
    e.operation = QStringLiteral("ResendEmailCode (v2)");
    e.error.kind = ApiError::Kind::InvalidInput;
    e.error.sentence = QStringLiteral("The user id is empty.");
    e.started = startedAt(6);
    m_inspector->addExchange(shared(e));

    QCOMPARE(m_inspector->historyModel()
                 ->data(m_inspector->historyModel()->index(0, ExchangeHistoryModel::StatusColumn))
                 .toString(),
        QStringLiteral("not sent"));
    QVERIFY(child<QLabel>("summaryLabel")->text().contains(QStringLiteral("The user id is empty.")));
    QVERIFY(!child<QPushButton>("copyCurlButton")->isEnabled());
    QVERIFY(!child<QPushButton>("copyBodyButton")->isEnabled());
    QVERIFY(child<QPushButton>("saveButton")->isEnabled());
    QCOMPARE(m_inspector->currentRawText(false), QStringLiteral("Not sent: The user id is empty."));
    QCOMPARE(m_inspector->currentPrettyText(true), QString());
}

void TestInspectorWidget::copyBody()
{
    m_inspector->addExchange(shared(resendEmail(1)));
    QVERIFY(m_inspector->isResponseShown()); // the response is what people come for
    click("copyBodyButton");
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromUtf8(resendEmail().responseBody));

    m_inspector->setResponseShown(false);
    click("copyBodyButton");
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromUtf8(resendEmail().requestBody));

    // A GET has no request body to copy.
    m_inspector->addExchange(shared(getUser(2)));
    selectRowOf(2);
    QVERIFY(!child<QPushButton>("copyBodyButton")->isEnabled());
}

void TestInspectorWidget::copyCurl()
{
    m_inspector->addExchange(shared(resendPhoneV1(3)));
    click("copyCurlButton");
    QCOMPARE(QGuiApplication::clipboard()->text(), curlCommand(resendPhoneV1()));
    QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("$ZITADEL_TOKEN")));
}

void TestInspectorWidget::save()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("exchange.json"));
    m_inspector->addExchange(shared(resendPhoneV1(3)));
    InspectorWidget::setNextSaveFileName(path);
    click("saveButton");

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value("operation").toString(), QStringLiteral("ResendHumanPhoneVerification (v1)"));
    QCOMPARE(root.value("request").toObject().value("method").toString(), QStringLiteral("POST"));
    QCOMPARE(root.value("response").toObject().value("status").toInt(), 400);
    QCOMPARE(root.value("error").toObject().value("errorId").toString(), QStringLiteral("COMMAND-2M9sf"));
    QVERIFY(child<QLabel>("statusLabel")->text().contains(QStringLiteral("exchange.json")));
}

void TestInspectorWidget::saveCancelled()
{
    QTemporaryDir dir;
    m_inspector->addExchange(shared(resendEmail(1)));
    InspectorWidget::setNextSaveFileName(QString()); // the user pressed Cancel
    click("saveButton");
    QVERIFY(QDir(dir.path()).isEmpty());
    QVERIFY(child<QLabel>("statusLabel")->text().isEmpty());
}

void TestInspectorWidget::showExchange()
{
    m_inspector->addExchange(shared(resendEmail(1)));
    m_inspector->addExchange(shared(getUser(2)));
    m_inspector->addExchange(shared(resendPhoneV1(3)));
    QSignalSpy reveal(m_inspector.get(), &InspectorWidget::revealRequested);

    QVERIFY(m_inspector->showExchange(3));
    QCOMPARE(m_inspector->currentExchange()->id, 3u);
    QCOMPARE(child<QTableView>("historyView")->currentIndex().row(), 0);
    QVERIFY(child<QTableView>("historyView")->selectionModel()->isRowSelected(0, {}));
    QCOMPARE(reveal.count(), 1);

    QVERIFY(!m_inspector->showExchange(42));
    QCOMPARE(m_inspector->currentExchange()->id, 3u);
    QCOMPARE(reveal.count(), 1);
}

void TestInspectorWidget::dockRevealsItself()
{
    InspectorDock dock;
    QCOMPARE(dock.objectName(), QStringLiteral("inspectorDock"));
    QCOMPARE(dock.windowTitle(), QStringLiteral("JSON inspector"));
    QVERIFY(dock.findChild<InspectorWidget*>());
    dock.addExchange(shared(resendEmail(7)));
    QVERIFY(!dock.isVisible());
    QVERIFY(!dock.showExchange(8));
    QVERIFY(!dock.isVisible());
    QVERIFY(dock.showExchange(7));
    QVERIFY(dock.isVisible());
    QCOMPARE(dock.inspector()->currentExchange()->id, 7u);
}

void TestInspectorWidget::clearHistory()
{
    m_inspector->addExchange(shared(resendEmail(1)));
    m_inspector->addExchange(shared(getUser(2)));
    click("clearButton");
    QCOMPARE(m_inspector->exchangeCount(), 0);
    QVERIFY(!m_inspector->currentExchange());
    QVERIFY(child<QLabel>("emptyStateLabel")->isVisible());
    // And the next exchange is selected again, since nothing is.
    m_inspector->addExchange(shared(resendPhoneV1(3)));
    QCOMPARE(m_inspector->currentExchange()->id, 3u);
}

void TestInspectorWidget::stateRoundTrip()
{
    m_inspector->addExchange(shared(resendEmail(1)));
    click("treeButton");
    m_inspector->setResponseShown(false);
    auto* splitter = child<QSplitter>("inspectorSplitter");
    splitter->setSizes({150, 450});
    const QList<int> sizes = splitter->sizes();
    auto* history = child<QTableView>("historyView");
    history->horizontalHeader()->resizeSection(ExchangeHistoryModel::PathColumn, 123);
    const QByteArray state = m_inspector->saveState();

    InspectorWidget restored;
    restored.resize(m_inspector->size());
    restored.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restored));
    QVERIFY(restored.restoreState(state));
    QCOMPARE(restored.viewMode(), InspectorWidget::ViewMode::Tree);
    QVERIFY(restored.findChild<QToolButton*>(QStringLiteral("treeButton"))->isChecked());
    QVERIFY(!restored.isResponseShown());
    QCOMPARE(restored.findChild<QSplitter*>(QStringLiteral("inspectorSplitter"))->sizes(), sizes);
    QCOMPARE(restored.findChild<QTableView*>(QStringLiteral("historyView"))
                 ->horizontalHeader()
                 ->sectionSize(ExchangeHistoryModel::PathColumn),
        123);
}

void TestInspectorWidget::restoreRejectsGarbage()
{
    click("rawButton");
    QVERIFY(!m_inspector->restoreState({}));
    QVERIFY(!m_inspector->restoreState("not a state"));
    QByteArray truncated = m_inspector->saveState();
    truncated.chop(truncated.size() / 2);
    QVERIFY(!m_inspector->restoreState(truncated));
    QCOMPARE(m_inspector->viewMode(), InspectorWidget::ViewMode::Raw); // untouched
}

void TestInspectorWidget::largeBodyIsCapped()
{
    // A 2 MB response: Pretty shows the first 256 KB with a note, everything else still works.
    QByteArray body = "{\"result\":[";
    for (int i = 0; body.size() < 2 * 1024 * 1024; ++i) {
        body += "{\"userId\":\"" + QByteArray::number(100000 + i) + "\",\"userName\":\"user" + QByteArray::number(i)
            + "@example.com\",\"state\":\"USER_STATE_ACTIVE\"},";
    }
    body += "{}]}";
    Exchange e = withResponse(getUser(5), 200, body);
    QVERIFY(!e.responseJson.isNull());

    QElapsedTimer timer;
    timer.start();
    m_inspector->addExchange(shared(e));
    const QString pretty = m_inspector->currentPrettyText(true);
    qInfo("2 MB response selected and shown Pretty in %lld ms", timer.elapsed());
    QVERIFY(pretty.toUtf8().size() <= JsonPretty::DefaultLimitBytes);
    auto* note = child<QLabel>("responseNote");
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("256 KB")), qPrintable(note->text()));

    timer.restart();
    click("treeButton");
    QVERIFY(!note->isVisible());
    auto* tree = child<QTreeView>("responseTree");
    QCOMPARE(tree->model()->rowCount(), 1);
    const QModelIndex result = tree->model()->index(0, 0);
    QVERIFY(tree->isExpanded(result));
    QVERIFY(!tree->isExpanded(tree->model()->index(0, 0, result))); // a long list stays closed
    qInfo("Tree shown in %lld ms", timer.elapsed());

    // Raw shows all of it; the one 2 MB line is broken for display, and says so.
    timer.restart();
    click("rawButton");
    QString raw = m_inspector->currentRawText(true);
    qInfo("Raw shown in %lld ms", timer.elapsed());
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("exact bytes")), qPrintable(note->text()));
    const qsizetype headerEnd = raw.indexOf(QStringLiteral("\n\n")) + 2;
    QCOMPARE(raw.mid(headerEnd).remove(QLatin1Char('\n')), QString::fromUtf8(body));

    click("copyBodyButton");
    QCOMPARE(QGuiApplication::clipboard()->text().size(), body.size());
}

void TestInspectorWidget::maskToggleMasksEveryView()
{
    m_inspector->addExchange(shared(personalExchange()));
    auto* button = child<QToolButton>("maskButton");
    QVERIFY(button && button->isVisible() && button->isCheckable());
    QVERIFY(!button->isChecked());
    QCOMPARE(button->text(), QStringLiteral("Mask personal data"));
    QVERIFY(showsPersonalData(m_inspector->currentPrettyText(true))); // off: exactly as received

    QSignalSpy changed(m_inspector.get(), &InspectorWidget::maskPersonalDataChanged);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(button->isChecked());
    QVERIFY(m_inspector->masksPersonalData());
    QCOMPARE(changed.count(), 1);

    // Every view of both sides, the headers, the summary line and the history.
    for (const bool response : {true, false}) {
        m_inspector->setResponseShown(response);
        const QString side = response ? QStringLiteral("response") : QStringLiteral("request");
        const QString pretty = m_inspector->currentPrettyText(response);
        const QString raw = m_inspector->currentRawText(response);
        click("treeButton");
        const QString tree = allValues(m_inspector->findChild<QTreeView*>(side + QStringLiteral("Tree"))->model());
        const QString headers = headerValues(m_inspector->findChild<QTreeWidget*>(side + QStringLiteral("Headers")));
        for (const QString& text : {pretty, raw, tree, headers})
            QVERIFY2(!showsPersonalData(text), qPrintable(side + QStringLiteral(": ") + text));
        click("prettyButton");
    }
    QVERIFY(m_inspector->currentPrettyText(true).contains(QStringLiteral("\"email\": \"") + MaskedEmail + '"'));
    QVERIFY(m_inspector->currentPrettyText(true).contains(QStringLiteral("\"phone\": \"") + MaskedPhone + '"'));
    QVERIFY(m_inspector->currentPrettyText(false).contains(MaskedPhone));
    QVERIFY(m_inspector->currentRawText(false).contains(QStringLiteral("X-Caller: ") + MaskedEmail));
    QVERIFY(m_inspector->currentRawText(true).contains(QStringLiteral("X-Support: call +41 \u2022\u2022 ")));
    // Ids, codes and timestamps are left alone.
    QVERIFY(m_inspector->currentPrettyText(true).contains(QStringLiteral("\"userId\": \"1\"")));
    QVERIFY(m_inspector->currentPrettyText(true).contains(QStringLiteral("USER_STATE_ACTIVE")));
    const QString summary = child<QLabel>("summaryLabel")->text();
    QVERIFY2(summary.contains(MaskedEmail) && !showsPersonalData(summary), qPrintable(summary));
    const ExchangeHistoryModel* history = m_inspector->historyModel();
    const QString tip = history->index(0, ExchangeHistoryModel::PathColumn).data(Qt::ToolTipRole).toString()
        + history->index(0, ExchangeHistoryModel::StatusColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(MaskedEmail) && !showsPersonalData(tip), qPrintable(tip));
    // The masked body is still JSON: the tree has the same shape and the pretty view its colours.
    auto* tree = m_inspector->findChild<QTreeView*>(QStringLiteral("responseTree"));
    QCOMPARE(tree->model()->rowCount(), 1);
    QVERIFY(m_inspector->findChild<QLabel*>(QStringLiteral("responseNote"))->text().isEmpty());

    // Copy body copies what is shown.
    m_inspector->setResponseShown(true);
    click("copyBodyButton");
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY2(!showsPersonalData(copied) && copied.contains(MaskedEmail), qPrintable(copied));
    QVERIFY(QJsonDocument::fromJson(copied.toUtf8()).isObject());
    QVERIFY(child<QLabel>("statusLabel")->text().contains(QStringLiteral("masked")));

    // Off again: everything exactly as received.
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!m_inspector->masksPersonalData());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(m_inspector->currentPrettyText(true), JsonPretty::format(personalExchange().responseBody).text);
    click("copyBodyButton");
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromUtf8(personalExchange().responseBody));
    QVERIFY(showsPersonalData(history->index(0, ExchangeHistoryModel::StatusColumn).data(Qt::ToolTipRole).toString()));
}

void TestInspectorWidget::exportsAreMaskedWithTheToggleOff()
{
    // Save… and Copy as cURL go into tickets: masked even while the view shows everything.
    m_inspector->addExchange(shared(personalExchange()));
    QVERIFY(!m_inspector->masksPersonalData());
    click("copyCurlButton");
    const QString curl = QGuiApplication::clipboard()->text();
    QVERIFY2(!showsPersonalData(curl), qPrintable(curl));
    QVERIFY(curl.contains(MaskedPhone));
    QVERIFY(child<QLabel>("statusLabel")->text().contains(QStringLiteral("phone numbers masked")));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ticket.json"));
    InspectorWidget::setNextSaveFileName(path);
    click("saveButton");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY2(!showsPersonalData(QString::fromUtf8(saved)), saved.constData());
    QVERIFY(QJsonDocument::fromJson(saved).isObject());
    QVERIFY(child<QLabel>("statusLabel")->text().contains(QStringLiteral("email addresses and phone numbers masked")));
    // The buttons say so before anyone clicks.
    QVERIFY(child<QPushButton>("saveButton")->toolTip().contains(QStringLiteral("masked")));
    QVERIFY(child<QPushButton>("copyCurlButton")->toolTip().contains(QStringLiteral("masked")));
    QVERIFY(showsPersonalData(m_inspector->currentPrettyText(true))); // the view was not changed
}

void TestInspectorWidget::maskIsRemembered()
{
    m_inspector->setMaskPersonalData(true);
    const QByteArray state = m_inspector->saveState();
    InspectorWidget restored;
    QVERIFY(!restored.masksPersonalData());
    QVERIFY(restored.restoreState(state));
    QVERIFY(restored.masksPersonalData());
    QVERIFY(restored.findChild<QToolButton*>(QStringLiteral("maskButton"))->isChecked());
    restored.addExchange(shared(personalExchange()));
    QVERIFY(!showsPersonalData(restored.currentPrettyText(true)));

    m_inspector->setMaskPersonalData(false);
    QVERIFY(restored.restoreState(m_inspector->saveState()));
    QVERIFY(!restored.masksPersonalData());
}

void TestInspectorWidget::restoresAStateSavedBeforeMasking()
{
    // A settings file written before the toggle existed (state version 1) still restores.
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << quint32(0x56444931) << quint16(1) << qint32(InspectorWidget::ViewMode::Raw) << false << QByteArray()
        << QByteArray() << QByteArray() << QByteArray();
    QVERIFY(m_inspector->restoreState(state));
    QCOMPARE(m_inspector->viewMode(), InspectorWidget::ViewMode::Raw);
    QVERIFY(!m_inspector->masksPersonalData());
}

QTEST_MAIN(TestInspectorWidget)
#include "TestInspectorWidget.moc"
