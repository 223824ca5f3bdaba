// The inspector's pure text helpers: the key-order-preserving pretty printer, the highlighter's
// tokenizer and colours, and header masking.

#include "ExchangeFixtures.h"
#include "ExchangeFormat.h"
#include "JsonColors.h"
#include "JsonHighlighter.h"
#include "JsonPretty.h"

#include <QPalette>
#include <QSet>
#include <QTest>

using namespace Fixtures;

class TestInspectorText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pretty_data();
    void pretty();
    void prettyTruncatesOnCharacterBoundary();
    void truncatedPlainText();
    void tokenize_data();
    void tokenize();
    void coloursFollowPalette();
    void authorizationMasked_data();
    void authorizationMasked();
    void rawMessages();
    void rawDisplay_data();
    void rawDisplay();
    void summary();
};

void TestInspectorText::pretty_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::newRow("key order kept") << QByteArray(R"({"z":1,"a":2})") << "{\n  \"z\": 1,\n  \"a\": 2\n}";
    QTest::newRow("nested") << QByteArray(R"({"d":{"s":"42"},"l":[1,2]})")
                            << "{\n  \"d\": {\n    \"s\": \"42\"\n  },\n  \"l\": [\n    1,\n    2\n  ]\n}";
    QTest::newRow("empty containers stay short")
        << QByteArray(R"({"a":{},"b":[ ]})") << "{\n  \"a\": {},\n  \"b\": []\n}";
    QTest::newRow("punctuation inside strings untouched")
        << QByteArray(R"({"s":"a,b:{c}[d] \"e\" \\"})") << "{\n  \"s\": \"a,b:{c}[d] \\\"e\\\" \\\\\"\n}";
    QTest::newRow("numbers spelled as sent") << QByteArray(R"([12345678901234567890,1.50,-0,1e3])")
                                             << "[\n  12345678901234567890,\n  1.50,\n  -0,\n  1e3\n]";
    QTest::newRow("existing whitespace replaced")
        << QByteArray("{\n\t\"a\" :  true ,\r\n \"b\":null }") << "{\n  \"a\": true,\n  \"b\": null\n}";
    QTest::newRow("unicode") << QByteArray("{\"n\":\"Zo\xc3\xab \xe2\x9c\x93\"}") << "{\n  \"n\": \"Zoë ✓\"\n}";
    QTest::newRow("empty") << QByteArray() << "";
}

void TestInspectorText::pretty()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const JsonPretty::Result result = JsonPretty::format(json);
    QCOMPARE(result.text, expected);
    QVERIFY(!result.truncated);
}

void TestInspectorText::prettyTruncatesOnCharacterBoundary()
{
    // "ë" is two bytes; with a limit that falls between them, the character must be dropped,
    // not turned into a replacement character.
    const QByteArray json = "[\"\xc3\xab\xc3\xab\xc3\xab\xc3\xab\"]";
    const JsonPretty::Result full = JsonPretty::format(json);
    QCOMPARE(full.text, QStringLiteral("[\n  \"ëëëë\"\n]"));
    const JsonPretty::Result cut = JsonPretty::format(json, 8); // "[\n  \"" is 5 bytes, then ë ë and half
    QVERIFY(cut.truncated);
    QCOMPARE(cut.text, QStringLiteral("[\n  \"ë"));
    QVERIFY(!cut.text.contains(QChar::ReplacementCharacter));

    QByteArray big = "[";
    for (int i = 0; i < 50000; ++i)
        big += "{\"userId\":\"" + QByteArray::number(i) + "\"},";
    big += "{}]";
    const JsonPretty::Result capped = JsonPretty::format(big);
    QVERIFY(capped.truncated);
    QVERIFY(capped.text.toUtf8().size() <= JsonPretty::DefaultLimitBytes);
    QVERIFY(capped.text.toUtf8().size() > JsonPretty::DefaultLimitBytes - 100);
}

void TestInspectorText::truncatedPlainText()
{
    QCOMPARE(JsonPretty::truncated("<html>").text, QStringLiteral("<html>"));
    QVERIFY(!JsonPretty::truncated("<html>").truncated);
    const JsonPretty::Result cut = JsonPretty::truncated("ab\xc3\xab", 3);
    QVERIFY(cut.truncated);
    QCOMPARE(cut.text, QStringLiteral("ab"));
}

void TestInspectorText::tokenize_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("tokens"); // "kind:text"

    QTest::newRow("key and string") << R"(  "email": "ada@example.com",)"
                                    << QStringList {R"(key:"email")", R"(string:"ada@example.com")"};
    QTest::newRow("number") << R"(  "limit": -12.5e3,)" << QStringList {R"(key:"limit")", "number:-12.5e3"};
    QTest::newRow("literals") << "  true, false, null" << QStringList {"literal:true", "literal:false", "literal:null"};
    QTest::newRow("escaped quote in key") << R"(  "a\"b" : 1)" << QStringList {R"(key:"a\"b")", "number:1"};
    QTest::newRow("string that looks like a key") << R"(  "x:y",)" << QStringList {R"(string:"x:y")"};
    QTest::newRow("not a literal") << "  nullish" << QStringList {};
    QTest::newRow("unterminated string (cut line)") << R"(  "abc)" << QStringList {R"(string:"abc)"};
    QTest::newRow("brackets only") << "}, [" << QStringList {};
}

void TestInspectorText::tokenize()
{
    QFETCH(QString, line);
    QFETCH(QStringList, tokens);
    static const char* names[] = {"key", "string", "number", "literal"};
    QStringList got;
    for (const auto& span : JsonHighlighter::tokenize(line))
        got << QLatin1String(names[int(span.token)]) + QLatin1Char(':') + line.mid(span.start, span.length);
    QCOMPARE(got, tokens);
}

void TestInspectorText::coloursFollowPalette()
{
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    QVERIFY(!JsonColors::isDark(light));
    QVERIFY(JsonColors::isDark(dark));

    // Every colour must stand out from the background it is drawn on.
    for (const QPalette& p : {light, dark}) {
        const JsonColors c = JsonColors::forPalette(p);
        const qreal base = p.color(QPalette::Base).lightnessF();
        for (const QColor& color : {c.key, c.string, c.number, c.literal, c.error})
            QVERIFY2(qAbs(color.lightnessF() - base) > 0.3, qPrintable(color.name()));
        // Distinct colours per token kind.
        QCOMPARE(QSet<QRgb>({c.key.rgb(), c.string.rgb(), c.number.rgb(), c.literal.rgb()}).size(), 4);
    }
}

void TestInspectorText::authorizationMasked_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("shown");
    QTest::newRow("recorded mask kept") << QByteArray("Authorization") << maskedBearer << maskedBearer;
    QTest::newRow("token masked") << QByteArray("authorization") << QByteArray("Bearer abc.def") << maskedBearer;
    QTest::newRow("basic masked") << QByteArray("Proxy-Authorization") << QByteArray("Basic dXNl")
                                  << QByteArray("Basic ") + maskedBearer.mid(7);
    QTest::newRow("other header untouched")
        << QByteArray("x-zitadel-orgid") << QByteArray("2695") << QByteArray("2695");
}

void TestInspectorText::authorizationMasked()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, shown);
    QCOMPARE(ExchangeFormat::displayedHeaderValue(name, value), shown);
}

void TestInspectorText::rawMessages()
{
    const Exchange e = resendEmail();
    const QString request = ExchangeFormat::rawRequest(e);
    QVERIFY(request.startsWith(QStringLiteral("POST https://verify.example.com/v2/users/1/email/resend\n")));
    QVERIFY(
        request.contains(QStringLiteral("\nAuthorization: ") + QString::fromUtf8(maskedBearer) + QLatin1Char('\n')));
    QVERIFY(request.endsWith(QStringLiteral("\n\n") + QString::fromUtf8(e.requestBody)));

    const QString response = ExchangeFormat::rawResponse(e);
    QVERIFY(response.startsWith(QStringLiteral("HTTP 200\nContent-Type: application/json\n")));
    QVERIFY(response.endsWith(QStringLiteral("\n\n") + QString::fromUtf8(e.responseBody)));

    QCOMPARE(ExchangeFormat::rawResponse(timedOut()), QStringLiteral("No response: Operation canceled"));
}

void TestInspectorText::rawDisplay_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("maxLine");
    QTest::addColumn<int>("maxChars");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("broken");
    QTest::addColumn<bool>("truncated");

    QTest::newRow("short lines untouched") << "ab\ncd" << 4 << 100 << "ab\ncd" << false << false;
    QTest::newRow("exactly maxLine") << "abcd\nef" << 4 << 100 << "abcd\nef" << false << false;
    QTest::newRow("long line broken") << "abcdefghij" << 4 << 100 << "abcd\nefgh\nij" << true << false;
    QTest::newRow("column restarts after newline") << "abc\ndefgh" << 4 << 100 << "abc\ndefg\nh" << true << false;
    // U+1F600 is a surrogate pair: the break goes after it, never between its halves.
    QTest::newRow("surrogate pair kept whole")
        << QStringLiteral("abc\U0001F600d") << 4 << 100 << QStringLiteral("abc\U0001F600\nd") << true << false;
    QTest::newRow("cut after maxChars") << "abcdef" << 100 << 4 << "abcd" << false << true;
    QTest::newRow("cut never splits a pair") << QStringLiteral("abc\U0001F600") << 100 << 4 << "abc" << false << true;
}

void TestInspectorText::rawDisplay()
{
    QFETCH(QString, text);
    QFETCH(int, maxLine);
    QFETCH(int, maxChars);
    QFETCH(QString, shown);
    QFETCH(bool, broken);
    QFETCH(bool, truncated);
    const ExchangeFormat::Display display = ExchangeFormat::forDisplay(text, maxLine, maxChars);
    QCOMPARE(display.text, shown);
    QCOMPARE(display.linesBroken, broken);
    QCOMPARE(display.truncated, truncated);
}

void TestInspectorText::summary()
{
    QCOMPARE(ExchangeFormat::summary(resendEmail()), QStringLiteral("ResendEmailCode (v2) · 200 · 12 ms"));
    QCOMPARE(ExchangeFormat::summary(resendPhoneV1()),
        QStringLiteral("ResendHumanPhoneVerification (v1) · 400 · 88 ms · "
                       "The phone number is already verified; no code was sent. (COMMAND-2M9sf)"));
}

QTEST_MAIN(TestInspectorText)
#include "TestInspectorText.moc"
