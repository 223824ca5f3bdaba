#include "MockFixture.h"
#include "OrganizationListModel.h"
#include "SearchDebouncer.h"
#include "SeedIds.h"
#include "UserTableModel.h"
#include "ZitadelClient.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

// The organization list and the user table talk to a real mock over loopback; every model
// runs under QAbstractItemModelTester so a wrong begin/end pair fails the test.
class TestListModels : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void organizationsLoadAndShowTheirFields();
    void organizationFilterRunsOnTheServer();
    void usersLoadOnePageAndFetchMoreOnDemand();
    void usersOfAMillionUserOrgHoldOnlyFetchedPages();
    void searchFindsByEachField_data();
    void searchFindsByEachField();
    void aNewerSearchWinsOverAnOlderOne();
    void sortingAsksTheServer();
    void aFailedPageStopsFetchingUntilReload();
    void clearingTheOrganizationEmptiesTheTable();
    void updateUserRefreshesOneRow();
    void debouncerSendsOnlyTheLastText();

private:
    void startMock(quint64 usersPerOrg, const QString& token = QString::fromLatin1(SeedIds::AdminToken));
    static QStringList column(const QAbstractItemModel& model, int column);

    std::unique_ptr<MockFixture> m_mock;
    std::unique_ptr<ZitadelClient> m_client;
};

void TestListModels::init()
{
    startMock(0);
}

void TestListModels::cleanup()
{
    m_client.reset();
    m_mock.reset();
}

void TestListModels::startMock(quint64 usersPerOrg, const QString& token)
{
    m_client.reset();
    MockOptions options;
    options.usersPerOrg = usersPerOrg;
    options.randomSeed = 7;
    m_mock = std::make_unique<MockFixture>(options);
    QVERIFY2(m_mock->ok(), qPrintable(m_mock->error()));
    m_client = std::make_unique<ZitadelClient>();
    QVERIFY(!m_client->setBaseUrl(m_mock->baseUrl()).has_value());
    m_client->setToken(token);
}

QStringList TestListModels::column(const QAbstractItemModel& model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data().toString();
    return values;
}

void TestListModels::organizationsLoadAndShowTheirFields()
{
    OrganizationListModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &OrganizationListModel::pageLoaded);
    model.reload();
    QVERIFY(model.isLoading());
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.totalCount(), 4u);
    QVERIFY(!model.canFetchMore(QModelIndex()));

    const int acme = model.rowOfId(QString::fromLatin1(SeedIds::AcmeOrg));
    QVERIFY(acme >= 0);
    QCOMPARE(
        model.index(acme, OrganizationListModel::NameColumn).data().toString(), QStringLiteral("ACME Corporation"));
    QCOMPARE(model.index(acme, OrganizationListModel::DomainColumn).data().toString(),
        QString::fromLatin1(SeedIds::AcmeDomain));
    QCOMPARE(model.index(acme, OrganizationListModel::StateColumn).data().toString(), QStringLiteral("Active"));
    QCOMPARE(
        model.index(acme, OrganizationListModel::IdColumn).data().toString(), QString::fromLatin1(SeedIds::AcmeOrg));
    QCOMPARE(
        model.index(acme, 0).data(OrganizationListModel::IdRole).toString(), QString::fromLatin1(SeedIds::AcmeOrg));

    const int umbrella = model.rowOfId(QString::fromLatin1(SeedIds::UmbrellaOrg));
    QCOMPARE(model.index(umbrella, OrganizationListModel::StateColumn).data().toString(), QStringLiteral("Inactive"));
    QVERIFY(model.index(umbrella, 0).data(Qt::ForegroundRole).isValid());
}

void TestListModels::organizationFilterRunsOnTheServer()
{
    OrganizationListModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &OrganizationListModel::pageLoaded);
    const quint64 before = m_mock->router().requestCount();
    model.setNameFilter(QStringLiteral("  glob "));
    QVERIFY(loaded.wait());
    QCOMPARE(m_mock->router().requestCount(), before + 1);
    QCOMPARE(column(model, OrganizationListModel::NameColumn), QStringList {QStringLiteral("Globex")});
    QCOMPARE(model.nameFilter(), QStringLiteral("glob"));
}

void TestListModels::usersLoadOnePageAndFetchMoreOnDemand()
{
    startMock(1000);
    UserTableModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &UserTableModel::pageLoaded);
    model.setOrganization(QString::fromLatin1(SeedIds::AcmeOrg));
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(model.totalCount() > 1000u);
    QVERIFY(model.canFetchMore(QModelIndex()));

    model.fetchMore(QModelIndex());
    QVERIFY(!model.canFetchMore(QModelIndex())); // one page at a time
    model.fetchMore(QModelIndex()); // ignored while in flight
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 200);
    QCOMPARE(loaded.count(), 2);

    // Sorted by display name on the server, ascending by default. Machine users have no
    // display name (the table shows their name instead), so ZITADEL puts them first.
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.userAt(row)->type == User::Type::Human)
            names << model.userAt(row)->displayName;
    }
    QVERIFY(names.size() > 100);
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(names, sorted);
}

void TestListModels::usersOfAMillionUserOrgHoldOnlyFetchedPages()
{
    startMock(1'000'000);
    UserTableModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &UserTableModel::pageLoaded);
    model.setOrganization(QString::fromLatin1(SeedIds::GlobexOrg));
    QVERIFY(loaded.wait(10000));
    QVERIFY(model.totalCount() >= 1'000'000u);
    for (int page = 2; page <= 3; ++page) {
        model.fetchMore(QModelIndex());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), page * 100);
    }
    QVERIFY(model.canFetchMore(QModelIndex()));
}

void TestListModels::searchFindsByEachField_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("userId");
    QTest::newRow("username") << "minnie" << SeedIds::Minnie;
    QTest::newRow("display name") << "Donald Duck" << SeedIds::Donald;
    QTest::newRow("email") << "daisy@example.com" << SeedIds::Daisy;
    QTest::newRow("phone") << "+41791234567" << SeedIds::Minnie;
    QTest::newRow("user id") << SeedIds::Goofy << SeedIds::Goofy;
}

void TestListModels::searchFindsByEachField()
{
    QFETCH(QString, search);
    QFETCH(QString, userId);
    UserTableModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &UserTableModel::pageLoaded);
    model.setOrganization(QString::fromLatin1(SeedIds::AcmeOrg));
    QVERIFY(loaded.wait());
    model.setSearch(search);
    QVERIFY(loaded.wait());
    QVERIFY2(model.rowOfId(userId) >= 0, qPrintable(column(model, UserTableModel::UserNameColumn).join(',')));
    QVERIFY(model.rowCount() < 5);
}

void TestListModels::aNewerSearchWinsOverAnOlderOne()
{
    m_mock->server().setLatency(100);
    UserTableModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &UserTableModel::pageLoaded);
    model.setOrganization(QString::fromLatin1(SeedIds::AcmeOrg));
    model.setSearch(QStringLiteral("a"));
    model.setSearch(QStringLiteral("donald"));
    QVERIFY(loaded.wait());
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(column(model, UserTableModel::UserNameColumn), QStringList {QStringLiteral("donald")});
    QCOMPARE(loaded.count(), 1); // the two superseded queries never reached the table
}

void TestListModels::sortingAsksTheServer()
{
    UserTableModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &UserTableModel::pageLoaded);
    model.setOrganization(QString::fromLatin1(SeedIds::AcmeOrg));
    QVERIFY(loaded.wait());
    model.sort(UserTableModel::UserNameColumn, Qt::DescendingOrder);
    QVERIFY(loaded.wait());
    const QStringList names = column(model, UserTableModel::UserNameColumn);
    QVERIFY(names.size() > 5);
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(), std::greater<QString>());
    QCOMPARE(names, sorted);

    const quint64 before = m_mock->router().requestCount();
    model.sort(UserTableModel::PhoneColumn); // not sortable on the server: nothing happens
    QVERIFY(!model.isLoading());
    QCOMPARE(m_mock->router().requestCount(), before);
}

void TestListModels::aFailedPageStopsFetchingUntilReload()
{
    m_client->setToken(QStringLiteral("not-a-real-token"));
    UserTableModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &UserTableModel::loadFailed);
    model.setOrganization(QString::fromLatin1(SeedIds::AcmeOrg));
    QVERIFY(failed.wait());
    QCOMPARE(model.lastError().kind, ApiError::Kind::Unauthenticated);
    QVERIFY(!model.lastError().sentence.isEmpty());
    QVERIFY(!model.canFetchMore(QModelIndex())); // a scrolling view must not hammer the server

    m_client->setToken(QString::fromLatin1(SeedIds::AdminToken));
    QSignalSpy loaded(&model, &UserTableModel::pageLoaded);
    model.reload();
    QVERIFY(loaded.wait());
    QVERIFY(model.rowCount() > 0);
    QVERIFY(!model.lastError().isError());
}

void TestListModels::clearingTheOrganizationEmptiesTheTable()
{
    UserTableModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &UserTableModel::pageLoaded);
    model.setOrganization(QString::fromLatin1(SeedIds::AcmeOrg));
    QVERIFY(loaded.wait());
    model.setOrganization(QString());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore(QModelIndex()));
}

void TestListModels::updateUserRefreshesOneRow()
{
    UserTableModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &UserTableModel::pageLoaded);
    model.setOrganization(QString::fromLatin1(SeedIds::AcmeOrg));
    QVERIFY(loaded.wait());
    const int row = model.rowOfId(QString::fromLatin1(SeedIds::Donald));
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, UserTableModel::EmailColumn).data(UserTableModel::VerifiedRole), QVariant(false));
    QCOMPARE(model.index(row, UserTableModel::PhoneColumn).data(UserTableModel::VerifiedRole), QVariant(true));
    User donald = *model.userAt(row);
    donald.emailVerified = true;
    QSignalSpy changed(&model, &UserTableModel::dataChanged);
    model.updateUser(donald);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(row, UserTableModel::EmailColumn).data(UserTableModel::VerifiedRole), QVariant(true));
    const int goofy = model.rowOfId(QString::fromLatin1(SeedIds::Goofy));
    QVERIFY(!model.index(goofy, UserTableModel::PhoneColumn).data(UserTableModel::VerifiedRole).isValid());
}

void TestListModels::debouncerSendsOnlyTheLastText()
{
    SearchDebouncer debouncer(50);
    QSignalSpy fired(&debouncer, &SearchDebouncer::triggered);
    debouncer.setText(QStringLiteral("m"));
    debouncer.setText(QStringLiteral("mi"));
    debouncer.setText(QStringLiteral("min"));
    QVERIFY(fired.wait());
    QCOMPARE(fired.count(), 1);
    QCOMPARE(fired.at(0).at(0).toString(), QStringLiteral("min"));

    debouncer.setText(QStringLiteral("minnie"));
    debouncer.flush(); // Enter: at once
    QCOMPARE(fired.count(), 2);
    debouncer.setText(QStringLiteral("minnie"));
    debouncer.flush(); // same text again: no second query
    QCOMPARE(fired.count(), 2);
}

QTEST_MAIN(TestListModels)
#include "TestListModels.moc"
