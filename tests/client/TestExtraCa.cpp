#include "ExtraCa.h"
#include "TestCertificates.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// ExtraCa::load on the files a person might pick as a profile's CA file: the good ones in
// PEM (one or a bundle) and DER, and everything else with a sentence naming the file.
class TestExtraCa : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void loads_data();
    void loads();

private:
    QTemporaryDir m_dir;
};

void TestExtraCa::loads_data()
{
    QTest::addColumn<QByteArray>("content"); // written to a file; "-" none, "/" a folder
    QTest::addColumn<QString>("append"); // a file of tests/data/tls appended to it
    QTest::addColumn<int>("certificates"); // 0: refused
    QTest::addColumn<QString>("problem"); // part of the sentence, %1 = the path

    const QByteArray ca = TestCertificates::load(QStringLiteral("ca.pem")).first().toPem();
    const QByteArray other = TestCertificates::load(QStringLiteral("other-ca.pem")).first().toPem();
    QTest::newRow("PEM") << QByteArray() << "ca.pem" << 1 << QString();
    QTest::newRow("PEM bundle") << ca + other << "" << 2 << QString();
    QTest::newRow("DER") << TestCertificates::load(QStringLiteral("ca.pem")).first().toDer() << "" << 1 << QString();
    QTest::newRow("self-signed server certificate") << QByteArray() << "self-signed.pem" << 1 << QString();
    QTest::newRow("missing") << QByteArray("-") << "" << 0 << "The CA file %1 does not exist.";
    QTest::newRow("a folder") << QByteArray("/") << "" << 0 << "The CA file %1 is not a file.";
    QTest::newRow("empty") << QByteArray() << "" << 0 << "The CA file %1 holds no certificate in PEM or DER form.";
    QTest::newRow("text") << QByteArray("-----BEGIN NONSENSE-----\nabc\n") << "" << 0
                          << "The CA file %1 holds no certificate in PEM or DER form.";
    QTest::newRow("too large") << QByteArray(2 * 1024 * 1024, 'A') << "" << 0
                               << "The CA file %1 is too large to be a certificate (over 1 MB).";
    QTest::newRow("expired") << QByteArray() << "expired.pem" << 0
                             << "The certificate “localhost” in %1 expired on 2001-01-01.";
    QTest::newRow("not yet valid") << QByteArray() << "not-yet-valid.pem" << 0
                                   << "The certificate “localhost” in %1 is not valid before 2100-01-01.";
    QTest::newRow("bundle with an expired one") << ca << "expired.pem" << 0 << "expired on 2001-01-01";
}

void TestExtraCa::loads()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, append);
    QFETCH(int, certificates);
    QFETCH(QString, problem);

    QString path = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), '-'));
    if (content == "-") {
        path += QLatin1String("-missing");
    } else if (content == "/") {
        path = m_dir.path();
    } else {
        if (!append.isEmpty()) {
            QFile source(TestCertificates::path(append));
            QVERIFY(source.open(QIODevice::ReadOnly));
            content += source.readAll();
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

    QString sentence = QStringLiteral("left over");
    const QList<QSslCertificate> loaded = ExtraCa::load(path, &sentence);
    QCOMPARE(loaded.size(), certificates);
    if (certificates > 0) {
        QVERIFY2(sentence.isEmpty(), qPrintable(sentence));
    } else {
        QVERIFY2(sentence.contains(problem.contains(QLatin1String("%1")) ? problem.arg(path) : problem),
            qPrintable(sentence));
    }
}

QTEST_GUILESS_MAIN(TestExtraCa)
#include "TestExtraCa.moc"
