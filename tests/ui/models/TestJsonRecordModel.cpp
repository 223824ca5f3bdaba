// JsonRecordModel: refreshes of a live log insert at the top or update in place (so the
// selection survives), anything else resets; always under QAbstractItemModelTester.

#include "JsonRecordModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

namespace
{
QJsonObject rec(const QString& id, const QString& text = QString())
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("text"), text.isEmpty() ? id : text}};
}

QJsonArray records(const QStringList& ids)
{
    QJsonArray out;
    for (const QString& id : ids)
        out.append(rec(id));
    return out;
}

QList<JsonColumn> columns()
{
    return {{QStringLiteral("Text"), [](const QJsonObject& o, int role) -> QVariant {
                 return role == Qt::DisplayRole ? o.value(QLatin1String("text")).toVariant() : QVariant();
             }}};
}

QStringList idsOf(const JsonRecordModel& m)
{
    QStringList ids;
    for (int row = 0; row < m.rowCount(); ++row)
        ids.append(m.index(row, 0).data(JsonRecordModel::IdRole).toString());
    return ids;
}
} // namespace

class TestJsonRecordModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newRecordsOnTopAreInserted()
    {
        JsonRecordModel model(columns());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords(records({QStringLiteral("2"), QStringLiteral("1")}));
        QPersistentModelIndex selected = model.index(1, 0); // record "1"
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);

        model.setRecords(records({QStringLiteral("4"), QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1")}));

        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserts.count(), 1);
        QCOMPARE(inserts.first().at(1).toInt(), 0);
        QCOMPARE(inserts.first().at(2).toInt(), 1);
        QCOMPARE(idsOf(model), (QStringList {"4", "3", "2", "1"}));
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 3);
    }

    void changedRecordsAreUpdatedInPlace()
    {
        JsonRecordModel model(columns());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords(records({QStringLiteral("a"), QStringLiteral("b")}));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        model.setRecords(QJsonArray {rec(QStringLiteral("a")), rec(QStringLiteral("b"), QStringLiteral("hit twice"))});

        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.first().at(0).toModelIndex().row(), 1);
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("hit twice"));
    }

    void cappedLogDropsItsOldestWithoutReset()
    {
        JsonRecordModel model(columns());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords(records({QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1")}));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);

        model.setRecords(records({QStringLiteral("4"), QStringLiteral("3"), QStringLiteral("2")}));

        QCOMPARE(resets.count(), 0);
        QCOMPARE(removes.count(), 1);
        QCOMPARE(idsOf(model), (QStringList {"4", "3", "2"}));
    }

    void anythingElseResets_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::newRow("cleared") << QStringList {"2", "1"} << QStringList {};
        QTest::newRow("old top vanished") << QStringList {"2", "1"} << QStringList {"3", "1"};
        QTest::newRow("all new") << QStringList {"2", "1"} << QStringList {"9", "8"};
        QTest::newRow("gap below the top") << QStringList {"3", "2", "1"} << QStringList {"4", "3", "1"};
        QTest::newRow("from empty") << QStringList {} << QStringList {"1"};
    }
    void anythingElseResets()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        JsonRecordModel model(columns());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords(records(before));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        model.setRecords(records(after));

        QCOMPARE(resets.count(), 1);
        QCOMPARE(idsOf(model), after);
    }

    void lookupByIdAndRole()
    {
        JsonRecordModel model(columns());
        model.setRecords(records({QStringLiteral("x"), QStringLiteral("y")}));
        QCOMPARE(model.rowOf(QStringLiteral("y")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("z")), -1);
        QCOMPARE(model.record(0).value(QLatin1String("id")).toString(), QStringLiteral("x"));
        QVERIFY(model.record(5).isEmpty());
        QCOMPARE(model.index(1, 0).data(JsonRecordModel::RecordRole).toJsonObject(), rec(QStringLiteral("y")));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Text"));
    }
};

QTEST_GUILESS_MAIN(TestJsonRecordModel)
#include "TestJsonRecordModel.moc"
