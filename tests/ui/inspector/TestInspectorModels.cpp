// ExchangeHistoryModel and JsonTreeModel: structure (QAbstractItemModelTester), order, cap,
// lookups, and what the cells say.

#include "ExchangeFixtures.h"
#include "ExchangeHistoryModel.h"
#include "JsonTreeModel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Fixtures;

class TestInspectorModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void history_tester();
    void history_newestFirst();
    void history_columns();
    void history_status_data();
    void history_status();
    void history_errorsColouredWithIdInToolTip();
    void history_insertsAndRemovesWithoutReset();
    void history_capAt2000();
    void history_indexOfId();

    void tree_tester();
    void tree_nested();
    void tree_values_data();
    void tree_values();
    void tree_emptyAndReplaced();
};

namespace
{
ExchangePtr numbered(quint64 id)
{
    Exchange e = resendEmail(id);
    e.started = e.started.addMSecs(qint64(id));
    return shared(e);
}

QString cell(const QAbstractItemModel& model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

const QByteArray nestedJson = R"({
    "details": {"sequence": "42", "resourceOwner": "2695"},
    "result": [
        {"userId": "1", "tags": ["a", "b"]},
        {"userId": "2", "tags": []}
    ],
    "verified": true,
    "code": null,
    "count": 2
})";
} // namespace

void TestInspectorModels::history_tester()
{
    ExchangeHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(3); // the tester walks the whole model on every change: keep it small
    model.add(shared(resendEmail(1)));
    model.add(shared(getUser(2)));
    model.add(shared(resendPhoneV1(3)));
    model.add(shared(connectResend(4)));
    model.add(shared(timedOut(5)));
    QCOMPARE(model.rowCount(), 3);
    model.setCapacity(2);
    QCOMPARE(model.rowCount(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.add(shared(resendEmail(6)));
    QCOMPARE(model.rowCount(), 1);
}

void TestInspectorModels::history_newestFirst()
{
    ExchangeHistoryModel model;
    model.add(shared(resendEmail(1)));
    model.add(shared(getUser(2)));
    model.add(shared(resendPhoneV1(3)));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.at(0)->id, 3u);
    QCOMPARE(model.at(1)->id, 2u);
    QCOMPARE(model.at(2)->id, 1u);
    QVERIFY(!model.at(3));
    QVERIFY(!model.at(-1));
    QCOMPARE(model.data(model.index(0, 0), ExchangeHistoryModel::ExchangeIdRole).toULongLong(), 3u);
}

void TestInspectorModels::history_columns()
{
    ExchangeHistoryModel model;
    const Exchange e = resendEmail(1);
    model.add(shared(e));

    QCOMPARE(model.columnCount(), 6);
    QCOMPARE(model.headerData(ExchangeHistoryModel::TimeColumn, Qt::Horizontal).toString(), QStringLiteral("Time"));
    QCOMPARE(model.headerData(ExchangeHistoryModel::StatusColumn, Qt::Horizontal).toString(), QStringLiteral("Status"));

    QCOMPARE(cell(model, 0, ExchangeHistoryModel::TimeColumn),
        e.started.toLocalTime().toString(QStringLiteral("hh:mm:ss.zzz")));
    QCOMPARE(cell(model, 0, ExchangeHistoryModel::MethodColumn), QStringLiteral("POST"));
    QCOMPARE(cell(model, 0, ExchangeHistoryModel::PathColumn), QStringLiteral("/v2/users/1/email/resend"));
    QCOMPARE(cell(model, 0, ExchangeHistoryModel::StatusColumn), QStringLiteral("200"));
    QCOMPARE(cell(model, 0, ExchangeHistoryModel::DurationColumn), QStringLiteral("12 ms"));
    QCOMPARE(cell(model, 0, ExchangeHistoryModel::OperationColumn), QStringLiteral("ResendEmailCode (v2)"));

    const QString pathTip = cell(model, 0, ExchangeHistoryModel::PathColumn, Qt::ToolTipRole);
    QVERIFY2(pathTip.contains(base + QStringLiteral("/v2/users/1/email/resend")), qPrintable(pathTip));
    QVERIFY2(pathTip.contains(QStringLiteral("ResendEmailCode (v2)")), qPrintable(pathTip));

    const int statusAlign =
        model.data(model.index(0, ExchangeHistoryModel::StatusColumn), Qt::TextAlignmentRole).toInt();
    QVERIFY(statusAlign & Qt::AlignRight);
    const int pathAlign = model.data(model.index(0, ExchangeHistoryModel::PathColumn), Qt::TextAlignmentRole).toInt();
    QVERIFY(pathAlign & Qt::AlignLeft);
    // Successful rows keep the view's own colour.
    QVERIFY(!model.data(model.index(0, 0), Qt::ForegroundRole).isValid());
}

void TestInspectorModels::history_status_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("sent");
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("durationMs");
    QTest::addColumn<QString>("statusText");
    QTest::addColumn<QString>("durationText");

    QTest::newRow("ok") << 200 << true << int(ApiError::Kind::None) << 12.4 << "200"
                        << "12 ms";
    QTest::newRow("not found") << 404 << true << int(ApiError::Kind::NotFound) << 1500.5 << "404"
                               << "1501 ms";
    QTest::newRow("sub-millisecond") << 200 << true << int(ApiError::Kind::None) << 0.3 << "200"
                                     << "<1 ms";
    QTest::newRow("timeout") << 0 << true << int(ApiError::Kind::Timeout) << 30000.0 << "timeout"
                             << "30000 ms";
    QTest::newRow("cancelled") << 0 << true << int(ApiError::Kind::Cancelled) << 80.0 << "cancelled"
                               << "80 ms";
    QTest::newRow("invalid input") << 0 << false << int(ApiError::Kind::InvalidInput) << 0.0 << "not sent"
                                   << "\u2014";
    QTest::newRow("network") << 0 << true << int(ApiError::Kind::Network) << 3.0 << "\u2014"
                             << "3 ms";
}

void TestInspectorModels::history_status()
{
    QFETCH(int, status);
    QFETCH(bool, sent);
    QFETCH(int, kind);
    QFETCH(double, durationMs);
    QFETCH(QString, statusText);
    QFETCH(QString, durationText);

    Exchange e = resendEmail(1);
    e.status = status;
    e.sent = sent;
    e.error.kind = ApiError::Kind(kind);
    e.durationMs = durationMs;
    ExchangeHistoryModel model;
    model.add(shared(e));
    QCOMPARE(cell(model, 0, ExchangeHistoryModel::StatusColumn), statusText);
    QCOMPARE(cell(model, 0, ExchangeHistoryModel::DurationColumn), durationText);
}

void TestInspectorModels::history_errorsColouredWithIdInToolTip()
{
    ExchangeHistoryModel model;
    model.add(shared(resendPhoneV1(3)));
    for (int column = 0; column < model.columnCount(); ++column) {
        const QVariant foreground = model.data(model.index(0, column), Qt::ForegroundRole);
        QVERIFY2(foreground.canConvert<QBrush>(), qPrintable(QString::number(column)));
    }
    const QString tip = cell(model, 0, ExchangeHistoryModel::StatusColumn, Qt::ToolTipRole);
    QVERIFY2(tip.contains(QStringLiteral("COMMAND-2M9sf")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("FAILED_PRECONDITION")), qPrintable(tip));
}

void TestInspectorModels::history_insertsAndRemovesWithoutReset()
{
    ExchangeHistoryModel model;
    model.setCapacity(2);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.add(numbered(1));
    model.add(numbered(2));
    model.add(numbered(3));
    QCOMPARE(inserted.count(), 3);
    for (const auto& args : inserted) {
        QCOMPARE(args.at(1).toInt(), 0);
        QCOMPARE(args.at(2).toInt(), 0);
    }
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 2); // the oldest, at the bottom
    QCOMPARE(removed.first().at(2).toInt(), 2);
    QCOMPARE(reset.count(), 0);

    model.clear();
    QCOMPARE(reset.count(), 1);
}

void TestInspectorModels::history_capAt2000()
{
    ExchangeHistoryModel model;
    QCOMPARE(model.capacity(), 2000);
    for (quint64 id = 1; id <= 2000; ++id)
        model.add(numbered(id));
    QCOMPARE(model.rowCount(), 2000);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.add(numbered(2001));
    QCOMPARE(model.rowCount(), 2000);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 2000);
    QCOMPARE(model.at(0)->id, 2001u);
    QCOMPARE(model.at(1999)->id, 2u); // exchange 1 was dropped
}

void TestInspectorModels::history_indexOfId()
{
    ExchangeHistoryModel model;
    model.setCapacity(3);
    for (quint64 id = 10; id < 14; ++id)
        model.add(numbered(id));

    QCOMPARE(model.indexOfId(13).row(), 0);
    QCOMPARE(model.indexOfId(11).row(), 2);
    QVERIFY(!model.indexOfId(10).isValid()); // dropped by the cap
    QVERIFY(!model.indexOfId(99).isValid());
}

void TestInspectorModels::tree_tester()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(QJsonDocument::fromJson(nestedJson));
    QCOMPARE(model.rowCount(), 5);
    model.setDocument(QJsonDocument::fromJson(R"([1, [2, [3]], {"a": {}}])"));
    QCOMPARE(model.rowCount(), 3);
    model.setDocument({});
    QCOMPARE(model.rowCount(), 0);
}

void TestInspectorModels::tree_nested()
{
    JsonTreeModel model;
    model.setDocument(QJsonDocument::fromJson(nestedJson));
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(JsonTreeModel::KeyColumn, Qt::Horizontal).toString(), QStringLiteral("Key"));

    // QJsonObject keeps keys sorted.
    QStringList keys;
    for (int row = 0; row < model.rowCount(); ++row)
        keys << cell(model, row, JsonTreeModel::KeyColumn);
    QCOMPARE(keys, (QStringList {"code", "count", "details", "result", "verified"}));

    const QModelIndex details = model.index(2, 0);
    QCOMPARE(model.rowCount(details), 2);
    QCOMPARE(model.data(model.index(0, JsonTreeModel::KeyColumn, details)).toString(), QStringLiteral("resourceOwner"));
    QCOMPARE(model.data(model.index(1, JsonTreeModel::ValueColumn, details)).toString(), QStringLiteral("\"42\""));
    QCOMPARE(model.parent(model.index(1, 0, details)), details);

    const QModelIndex result = model.index(3, 0);
    QCOMPARE(cell(model, 3, JsonTreeModel::ValueColumn), QStringLiteral("[ 2 items ]"));
    QCOMPARE(cell(model, 3, JsonTreeModel::TypeColumn), QStringLiteral("array"));
    const QModelIndex first = model.index(0, 0, result);
    QCOMPARE(model.data(first).toString(), QStringLiteral("[0]"));
    QCOMPARE(model.data(first.siblingAtColumn(JsonTreeModel::ValueColumn)).toString(), QStringLiteral("{ 2 keys }"));
    const QModelIndex tags = model.index(0, 0, first);
    QCOMPARE(model.data(tags).toString(), QStringLiteral("tags"));
    QCOMPARE(model.rowCount(tags), 2);
    QCOMPARE(model.data(model.index(1, JsonTreeModel::ValueColumn, tags)).toString(), QStringLiteral("\"b\""));
    QCOMPARE(model.parent(tags), first);
    QCOMPARE(model.parent(first), result);
    QVERIFY(!model.parent(result).isValid());

    // Empty containers are leaves.
    const QModelIndex secondTags = model.index(0, 0, model.index(1, 0, result));
    QVERIFY(!model.hasChildren(secondTags));
    QCOMPARE(
        model.data(secondTags.siblingAtColumn(JsonTreeModel::ValueColumn)).toString(), QStringLiteral("[ 0 items ]"));
    QCOMPARE(model.valueAt(model.index(4, 0)), QJsonValue(true));
}

void TestInspectorModels::tree_values_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("type");

    QTest::newRow("string quoted") << QByteArray(R"({"k":"ada"})") << R"("ada")"
                                   << "string";
    QTest::newRow("string with quote and newline") << QByteArray(R"({"k":"say \"hi\"\nbye"})") << R"("say \"hi\"\nbye")"
                                                   << "string";
    QTest::newRow("integer") << QByteArray(R"({"k":50})") << "50"
                             << "number";
    QTest::newRow("fraction") << QByteArray(R"({"k":0.1})") << "0.1"
                              << "number";
    QTest::newRow("negative") << QByteArray(R"({"k":-7})") << "-7"
                              << "number";
    QTest::newRow("true") << QByteArray(R"({"k":true})") << "true"
                          << "boolean";
    QTest::newRow("false") << QByteArray(R"({"k":false})") << "false"
                           << "boolean";
    QTest::newRow("null") << QByteArray(R"({"k":null})") << "null"
                          << "null";
    QTest::newRow("object of one") << QByteArray(R"({"k":{"a":1}})") << "{ 1 key }"
                                   << "object";
    QTest::newRow("array of one") << QByteArray(R"({"k":[1]})") << "[ 1 item ]"
                                  << "array";
}

void TestInspectorModels::tree_values()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, value);
    QFETCH(QString, type);

    JsonTreeModel model;
    model.setDocument(QJsonDocument::fromJson(json));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, JsonTreeModel::KeyColumn), QStringLiteral("k"));
    QCOMPARE(cell(model, 0, JsonTreeModel::ValueColumn), value);
    QCOMPARE(cell(model, 0, JsonTreeModel::TypeColumn), type);
}

void TestInspectorModels::tree_emptyAndReplaced()
{
    JsonTreeModel model;
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setDocument(QJsonDocument::fromJson(R"(["x","y"])"));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 1, JsonTreeModel::KeyColumn), QStringLiteral("[1]"));
    QCOMPARE(cell(model, 1, JsonTreeModel::ValueColumn), QStringLiteral("\"y\""));
}

QTEST_MAIN(TestInspectorModels)
#include "TestInspectorModels.moc"
