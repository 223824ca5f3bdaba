// curlCommand() and exchangeToJson(): exact text, shell semantics (run through /bin/sh), the
// saved document's fields, and that no token can appear in either.

#include "CurlCommand.h"
#include "ExchangeFixtures.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Fixtures;

Q_DECLARE_METATYPE(Exchange)

class TestCurlCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curl_data();
    void curl();
    void curlRunsInShell_data();
    void curlRunsInShell();
    void shellQuote_data();
    void shellQuote();

    void json_fields();
    void json_errorAndTimeout();
    void json_nonJsonBody();

    void noTokenLeak_data();
    void noTokenLeak();
};

namespace
{
Exchange postWithQuote()
{
    Exchange e = resendEmail(1);
    e.requestBody = R"({"returnCode":{},"note":"O'Brien"})";
    return e;
}

Exchange noToken()
{
    Exchange e = getUser(2);
    e.requestHeaders = {{"Accept", "application/json"}, {"Host", "verify.example.com"}, {"Content-Length", "0"}};
    return e;
}

// A recording that (against the client's contract) holds a real token: output must mask it.
Exchange leakyRecording()
{
    Exchange e = resendEmail(9);
    e.requestHeaders = {{"authorization", "Bearer s3cr3t-t0ken"}, {"Proxy-Authorization", "Basic dXNlcjpwYXNz"}};
    return e;
}

// Runs text through /bin/sh with curl replaced by a function that prints its arguments,
// NUL-separated: what a real shell would hand to curl.
QStringList shellArguments(const QString& command, const QString& token)
{
    QProcess sh;
    sh.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ZITADEL_TOKEN"), token);
    sh.setProcessEnvironment(env);
    sh.start(QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"), QStringLiteral("curl() { printf '%s\\0' \"$@\"; }\n") + command});
    if (!sh.waitForFinished(10000) || sh.exitCode() != 0)
        return {QStringLiteral("<sh failed>")};
    QStringList args = QString::fromUtf8(sh.readAllStandardOutput()).split(QChar(0));
    args.removeLast(); // after the final NUL
    return args;
}
} // namespace

void TestCurlCommand::curl_data()
{
    QTest::addColumn<Exchange>("exchange");
    QTest::addColumn<QString>("expected");

    QTest::newRow("GET without body, Accept-Encoding dropped")
        << getUser()
        << QStringLiteral("curl -X GET 'https://verify.example.com/v2/users/1' \\\n"
                          "  -H \"Authorization: Bearer $ZITADEL_TOKEN\" \\\n"
                          "  -H 'Accept: application/json' \\\n"
                          "  -H 'User-Agent: VerifyDesk/0.1.0'");
    QTest::newRow("POST with a single quote in the JSON body")
        << postWithQuote()
        << QStringLiteral("curl -X POST 'https://verify.example.com/v2/users/1/email/resend' \\\n"
                          "  -H \"Authorization: Bearer $ZITADEL_TOKEN\" \\\n"
                          "  -H 'Accept: application/json' \\\n"
                          "  -H 'Content-Type: application/json' \\\n"
                          "  -H 'User-Agent: VerifyDesk/0.1.0' \\\n"
                          "  --data-raw '{\"returnCode\":{},\"note\":\"O'\\''Brien\"}'");
    QTest::newRow("v1 in an organization's context")
        << resendPhoneV1()
        << QStringLiteral("curl -X POST 'https://verify.example.com/management/v1/users/1/phone/_resend_code' \\\n"
                          "  -H \"Authorization: Bearer $ZITADEL_TOKEN\" \\\n"
                          "  -H 'Accept: application/json' \\\n"
                          "  -H 'Content-Type: application/json' \\\n"
                          "  -H 'x-zitadel-orgid: 2695' \\\n"
                          "  -H 'User-Agent: VerifyDesk/0.1.0' \\\n"
                          "  --data-raw '{}'");
    QTest::newRow("Connect POST")
        << connectResend()
        << QStringLiteral("curl -X POST 'https://verify.example.com/zitadel.user.v2.UserService/ResendEmailCode' \\\n"
                          "  -H \"Authorization: Bearer $ZITADEL_TOKEN\" \\\n"
                          "  -H 'Accept: application/json' \\\n"
                          "  -H 'Content-Type: application/json' \\\n"
                          "  -H 'Connect-Protocol-Version: 1' \\\n"
                          "  -H 'User-Agent: VerifyDesk/0.1.0' \\\n"
                          "  --data-raw "
                          "'{\"userId\":\"1\",\"sendCode\":{\"urlTemplate\":"
                          "\"https://app.example.com/verify?user={{.UserID}}&note=it'\\''s\"}}'");
    QTest::newRow("no token, Host and Content-Length dropped")
        << noToken()
        << QStringLiteral("curl -X GET 'https://verify.example.com/v2/users/1' \\\n"
                          "  -H 'Accept: application/json'");
}

void TestCurlCommand::curl()
{
    QFETCH(Exchange, exchange);
    QFETCH(QString, expected);
    QCOMPARE(curlCommand(exchange), expected);
}

void TestCurlCommand::curlRunsInShell_data()
{
    QTest::addColumn<Exchange>("exchange");
    QTest::newRow("POST with quote") << postWithQuote();
    QTest::newRow("Connect") << connectResend();
    QTest::newRow("GET") << getUser();
}

void TestCurlCommand::curlRunsInShell()
{
    QFETCH(Exchange, exchange);
    const QStringList args = shellArguments(curlCommand(exchange), QStringLiteral("tok-123"));
    QVERIFY2(args.size() >= 4, qPrintable(args.join(QLatin1Char('|'))));
    QCOMPARE(args.at(0), QStringLiteral("-X"));
    QCOMPARE(args.at(1), QString::fromLatin1(exchange.method));
    QCOMPARE(args.at(2), QString::fromLatin1(exchange.url.toEncoded()));
    // The shell expanded the variable: that is the whole point of the double quotes.
    QVERIFY(args.contains(QStringLiteral("Authorization: Bearer tok-123")));
    if (exchange.requestBody.isEmpty()) {
        QVERIFY(!args.contains(QStringLiteral("--data-raw")));
    } else {
        QCOMPARE(args.at(args.size() - 2), QStringLiteral("--data-raw"));
        QCOMPARE(args.last().toUtf8(), exchange.requestBody);
    }
}

void TestCurlCommand::shellQuote_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << "abc"
                           << "'abc'";
    QTest::newRow("empty") << ""
                           << "''";
    QTest::newRow("single quote") << "it's"
                                  << "'it'\\''s'";
    QTest::newRow("shell characters") << "$HOME `id` \"x\" \\n"
                                      << "'$HOME `id` \"x\" \\n'";
    QTest::newRow("newline") << "a\nb"
                             << "'a\nb'";
}

void TestCurlCommand::shellQuote()
{
    QFETCH(QString, text);
    QFETCH(QString, quoted);
    QCOMPARE(::shellQuote(text), quoted);
    // And the shell agrees: it turns the quoted text back into exactly one argument, unchanged.
    QCOMPARE(shellArguments(QStringLiteral("curl ") + quoted, {}), QStringList {text});
}

void TestCurlCommand::json_fields()
{
    const Exchange e = resendEmail(7);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(exchangeToJson(e), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();

    QCOMPARE(root.value("operation").toString(), QStringLiteral("ResendEmailCode (v2)"));
    QCOMPARE(root.value("id").toString(), QStringLiteral("7"));
    QCOMPARE(root.value("sent").toBool(), true);
    QCOMPARE(root.value("started").toString(), QStringLiteral("2024-05-17T09:30:01.125Z"));
    QVERIFY(!root.contains("error"));

    const QJsonObject request = root.value("request").toObject();
    QCOMPARE(request.value("method").toString(), QStringLiteral("POST"));
    QCOMPARE(request.value("url").toString(), base + QStringLiteral("/v2/users/1/email/resend"));
    const QJsonArray headers = request.value("headers").toArray();
    QCOMPARE(headers.size(), e.requestHeaders.size());
    QCOMPARE(headers.at(1).toObject().value("name").toString(), QStringLiteral("Authorization"));
    QCOMPARE(headers.at(1).toObject().value("value").toString(), QString::fromUtf8(maskedBearer));
    // A JSON body is embedded as JSON, not as an escaped string.
    QVERIFY(request.value("body").isObject());
    QVERIFY(request.value("body").toObject().value("returnCode").isObject());

    const QJsonObject response = root.value("response").toObject();
    QCOMPARE(response.value("status").toInt(), 200);
    QCOMPARE(response.value("durationMs").toDouble(), 12.4);
    QCOMPARE(response.value("body").toObject().value("verificationCode").toString(), QStringLiteral("QZ3K8V"));
    QCOMPARE(response.value("headers").toArray().at(0).toObject().value("value").toString(),
        QStringLiteral("application/json"));
}

void TestCurlCommand::json_errorAndTimeout()
{
    const QJsonObject failed = QJsonDocument::fromJson(exchangeToJson(resendPhoneV1())).object();
    const QJsonObject error = failed.value("error").toObject();
    QCOMPARE(error.value("kind").toString(), QStringLiteral("precondition"));
    QCOMPARE(error.value("errorId").toString(), QStringLiteral("COMMAND-2M9sf"));
    QCOMPARE(error.value("message").toString(), QStringLiteral("Phone already verified (COMMAND-2M9sf)"));
    QCOMPARE(
        error.value("sentence").toString(), QStringLiteral("The phone number is already verified; no code was sent."));
    QCOMPARE(error.value("grpcCode").toString(), QStringLiteral("FAILED_PRECONDITION"));
    QCOMPARE(error.value("httpStatus").toInt(), 400);

    const QJsonObject timeout = QJsonDocument::fromJson(exchangeToJson(timedOut())).object();
    QCOMPARE(timeout.value("response").toObject().value("status").toInt(), 0);
    QVERIFY(!timeout.value("response").toObject().contains("body"));
    QCOMPARE(timeout.value("error").toObject().value("kind").toString(), QStringLiteral("timeout"));
    QCOMPARE(timeout.value("error").toObject().value("technical").toString(), QStringLiteral("Operation canceled"));
}

void TestCurlCommand::json_nonJsonBody()
{
    Exchange e = resendEmail();
    e.responseBody = "<html><body>502 Bad Gateway</body></html>";
    e.responseJson = {};
    e.status = 502;
    const QJsonObject root = QJsonDocument::fromJson(exchangeToJson(e)).object();
    QCOMPARE(root.value("response").toObject().value("body").toString(), QString::fromUtf8(e.responseBody));
    QVERIFY(!getUser().requestBody.size());
    QVERIFY(!QJsonDocument::fromJson(exchangeToJson(getUser())).object().value("request").toObject().contains("body"));
}

void TestCurlCommand::noTokenLeak_data()
{
    QTest::addColumn<Exchange>("exchange");
    QTest::newRow("resend email") << resendEmail();
    QTest::newRow("get user") << getUser();
    QTest::newRow("v1 phone") << resendPhoneV1();
    QTest::newRow("connect") << connectResend();
    QTest::newRow("timeout") << timedOut();
    QTest::newRow("recording with a real token") << leakyRecording();
}

void TestCurlCommand::noTokenLeak()
{
    QFETCH(Exchange, exchange);
    const QString mask = QString::fromUtf8(maskedBearer).mid(7);
    const QRegularExpression bearer(QStringLiteral("Bearer\\s+([^\\s\"']+)"));

    for (const QString& text : {curlCommand(exchange), QString::fromUtf8(exchangeToJson(exchange))}) {
        QVERIFY(!text.contains(QStringLiteral("s3cr3t")));
        QVERIFY(!text.contains(QStringLiteral("dXNlcjpwYXNz")));
        auto it = bearer.globalMatch(text);
        while (it.hasNext()) {
            const QString after = it.next().captured(1);
            QVERIFY2(after == mask || after == QStringLiteral("$ZITADEL_TOKEN"), qPrintable(after));
        }
    }
}

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "TestCurlCommand.moc"
