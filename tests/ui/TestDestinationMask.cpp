#include "DestinationMask.h"

#include <QTest>

// Masks are what support staff read aloud and what lands in screenshots: the shape must be
// recognisable and nothing but the agreed parts may show.
class TestDestinationMask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void maskEmail_data();
    void maskEmail();
    void maskPhone_data();
    void maskPhone();
    void maskPhoneShowsOnlyTheLastTwoDigits_data();
    void maskPhoneShowsOnlyTheLastTwoDigits();
};

void TestDestinationMask::maskEmail_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("masked");

    QTest::newRow("plain") << "minnie@example.com" << QString::fromUtf8("m•••@example.com");
    QTest::newRow("one-letter local part") << "m@example.com" << QString::fromUtf8("m•••@example.com");
    QTest::newRow("dots and plus in local part")
        << "bartholomew.featherstonehaugh+x@example.com" << QString::fromUtf8("b•••@example.com");
    QTest::newRow("non-ASCII") << QString::fromUtf8("zoë@exämple.ch") << QString::fromUtf8("z•••@exämple.ch");
    QTest::newRow("emoji first (surrogate pair kept whole)")
        << QString::fromUtf8("😀fan@example.com") << QString::fromUtf8("😀•••@example.com");
    QTest::newRow("surrounding blanks") << "  minnie@example.com " << QString::fromUtf8("m•••@example.com");
    QTest::newRow("quoted local part with @: last @ separates")
        << "\"a@b\"@example.com" << QString::fromUtf8("\"•••@example.com");
    QTest::newRow("empty local part") << "@example.com" << QString::fromUtf8("•••@example.com");
    QTest::newRow("no @") << "minnie" << QString::fromUtf8("m•••");
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("blank") << "   "
                           << "";
}

void TestDestinationMask::maskEmail()
{
    QFETCH(QString, email);
    QFETCH(QString, masked);
    QCOMPARE(DestinationMask::maskEmail(email), masked);
}

void TestDestinationMask::maskPhone_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("masked");

    QTest::newRow("Swiss mobile") << "+41791234567" << QString::fromUtf8("+41 •• ••• •• 67");
    QTest::newRow("Swiss mobile with spaces") << "+41 79 123 45 67" << QString::fromUtf8("+41 •• ••• •• 67");
    QTest::newRow("dashes and brackets") << "+41 (79) 123-45-67" << QString::fromUtf8("+41 •• ••• •• 67");
    QTest::newRow("Swedish") << "+46701234567" << QString::fromUtf8("+46 •• ••• •• 67");
    QTest::newRow("NANP: one-digit country code") << "+12125550123" << QString::fromUtf8("+1 ••• ••• •• 23");
    QTest::newRow("Russia/Kazakhstan: 7") << "+79161234567" << QString::fromUtf8("+7 ••• ••• •• 67");
    QTest::newRow("German 11-digit national part") << "+4915112345678" << QString::fromUtf8("+49 •• •• ••• •• 78");
    QTest::newRow("three-digit country code (Ireland)") << "+353871234567" << QString::fromUtf8("+353 •• ••• •• 67");
    QTest::newRow("no plus: no country code") << "0791234567" << QString::fromUtf8("••• ••• •• 67");
    QTest::newRow("short number") << "112" << QString::fromUtf8("• 12");
    QTest::newRow("five digits") << "12345" << QString::fromUtf8("••• 45");
    QTest::newRow("two digits are never shown whole") << "12" << QString::fromUtf8("••");
    QTest::newRow("country code only") << "+41"
                                       << "+41";
    QTest::newRow("country code and two digits") << "+4179" << QString::fromUtf8("+41 ••");
    QTest::newRow("no digits at all") << "n/a" << QString::fromUtf8("•••");
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("blank") << "  "
                           << "";
}

void TestDestinationMask::maskPhone()
{
    QFETCH(QString, phone);
    QFETCH(QString, masked);
    QCOMPARE(DestinationMask::maskPhone(phone), masked);
}

void TestDestinationMask::maskPhoneShowsOnlyTheLastTwoDigits_data()
{
    QTest::addColumn<QString>("phone");
    for (int length = 3; length <= 15; ++length) {
        const QString national = QStringLiteral("987654321098765").left(length);
        QTest::addRow("+41 and %d digits", length) << QStringLiteral("+41") + national;
        QTest::addRow("%d digits, no plus", length) << national;
    }
}

void TestDestinationMask::maskPhoneShowsOnlyTheLastTwoDigits()
{
    QFETCH(QString, phone);
    const QString masked = DestinationMask::maskPhone(phone);
    const bool plus = phone.startsWith(QLatin1Char('+'));
    const QString national = plus ? phone.mid(3) : phone;
    QString shownDigits;
    for (QChar c : masked) {
        if (c.isDigit())
            shownDigits += c;
    }
    QCOMPARE(shownDigits, (plus ? QStringLiteral("41") : QString()) + national.right(2));
    QCOMPARE(masked.count(QChar(0x2022)), national.size() - 2); // every hidden digit has its bullet
    QVERIFY2(!masked.contains(QLatin1String("  ")) && !masked.endsWith(QLatin1Char(' ')), qPrintable(masked));
}

QTEST_GUILESS_MAIN(TestDestinationMask)
#include "TestDestinationMask.moc"
