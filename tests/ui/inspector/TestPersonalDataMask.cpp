// PersonalDataMask and MaskedExchange: which text is an email address or a phone number (and
// which must never be taken for one: ZITADEL ids, timestamps, codes), JSON that stays JSON, URLs,
// and the masked copy of a whole exchange that Save… and Copy as cURL take.

#include "CurlCommand.h"
#include "DestinationMask.h"
#include "ExchangeFixtures.h"
#include "MaskedExchange.h"
#include "PersonalDataMask.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Fixtures;

namespace
{
// "•" in the expected texts below.
QString b(const char* text)
{
    return QString::fromUtf8(text).replace(QLatin1Char('*'), QChar(0x2022));
}

// What a real v2 GetUserByID answers for a human user, as the mock and ZITADEL send it.
const QByteArray V2User =
    R"({"user":{"userId":"312909075211944345","details":{"sequence":"19","changeDate":)"
    R"("2025-03-02T14:20:01.733Z","resourceOwner":"312908912355508120"},"state":"USER_STATE_ACTIVE",)"
    R"("username":"donald","loginNames":["donald@acme.zitadel.cloud"],"preferredLoginName":)"
    R"("donald@acme.zitadel.cloud","human":{"profile":{"givenName":"Donald","familyName":"Duck",)"
    R"("displayName":"Donald Duck"},"email":{"email":"donald@example.com","isVerified":false},)"
    R"("phone":{"phone":"+41791234567","isVerified":true}}}})";
} // namespace

class TestPersonalDataMask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emailsInText_data();
    void emailsInText();
    void phonesInText_data();
    void phonesInText();
    void leftAlone_data();
    void leftAlone();
    void maskingTwiceChangesNothing_data();
    void maskingTwiceChangesNothing();
    void json_data();
    void json();
    void jsonKeepsEverythingElseByteForByte();
    void body_data();
    void body();
    void url_data();
    void url();
    void maskedExchange();
    void exportsAlwaysMask();
    void linearOnHostileInput_data();
    void linearOnHostileInput();
};

void TestPersonalDataMask::emailsInText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::newRow("alone") << "donald@example.com" << b("d***@example.com");
    QTest::newRow("in a sentence") << "Write to donald@example.com." << b("Write to d***@example.com.");
    QTest::newRow("dots and plus") << "first.last+tag@sub.example.co.uk" << b("f***@sub.example.co.uk");
    QTest::newRow("mailto") << "mailto:ada@example.com" << b("mailto:a***@example.com");
    QTest::newRow("angle brackets") << "Ada <ada@example.com>" << b("Ada <a***@example.com>");
    QTest::newRow("shell quotes") << "'donald@example.com'" << b("'d***@example.com'");
    QTest::newRow("apostrophe in the local part") << "o'brien@example.ie" << b("o***@example.ie");
    QTest::newRow("non-ASCII") << QStringLiteral("zoë.müller@exämple.ch") << b("z***@exämple.ch");
    QTest::newRow("two") << "a@x.io, b@y.io" << b("a***@x.io, b***@y.io");
    QTest::newRow("login name") << "minnie@acme.zitadel.cloud" << b("m***@acme.zitadel.cloud");
    QTest::newRow("error message") << "User donald@example.com not found (QUERY-Dfbg2)"
                                   << b("User d***@example.com not found (QUERY-Dfbg2)");
    QTest::newRow("digits in the local part") << "user0791234567@example.com" << b("u***@example.com");
    QTest::newRow("dash after the domain") << "donald@example.com-" << b("d***@example.com-");
}

void TestPersonalDataMask::emailsInText()
{
    QFETCH(QString, text);
    QFETCH(QString, masked);
    QCOMPARE(PersonalDataMask::maskText(text), masked);
}

void TestPersonalDataMask::phonesInText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    // E.164 and its written forms: the country code and the last two digits stay.
    QTest::newRow("E.164") << "+41791234567" << b("+41 ** *** ** 67");
    QTest::newRow("E.164 spaced") << "+41 79 123 45 67" << b("+41 ** *** ** 67");
    QTest::newRow("E.164 with (0)") << "+41 (0)79 123 45 67" << b("+41 *** *** ** 67");
    QTest::newRow("NANP bracketed") << "+1 (415) 555-0100" << b("+1 *** *** ** 00");
    QTest::newRow("UK") << "+44 20 7946 0958" << b("+44 *** *** ** 58");
    QTest::newRow("dashes") << "+49-30-1234567" << b("+49 ** *** ** 67");
    QTest::newRow("no-break spaces") << QStringLiteral("+41\u00a079\u00a0123\u00a045\u00a067") << b("+41 ** *** ** 67");
    QTest::newRow("tel: URI") << "tel:+41791234567" << b("tel:+41 ** *** ** 67");
    QTest::newRow("in brackets") << "(+41791234567)" << b("(+41 ** *** ** 67)");
    QTest::newRow("end of a sentence") << "Call +41791234567." << b("Call +41 ** *** ** 67.");
    // "00" international prefix and national forms: we cannot tell the country, all but two go.
    QTest::newRow("00 prefix") << "Call 0041 79 123 45 67 now" << b("Call *** *** *** ** 67 now");
    QTest::newRow("Swiss national") << "079 123 45 67" << b("*** *** ** 67");
    QTest::newRow("national, no spaces") << "0791234567" << b("*** *** ** 67");
    QTest::newRow("Zurich landline") << "044 668 18 00" << b("*** *** ** 00");
    QTest::newRow("French") << "06 12 34 56 78" << b("*** *** ** 78");
    QTest::newRow("German with slash") << "030/1234567" << b("*** *** ** 67");
    QTest::newRow("bracketed area code") << "(415) 555-0100" << b("*** *** ** 00");
    QTest::newRow("NANP dashes") << "415-555-0100" << b("*** *** ** 00");
    QTest::newRow("NANP dots") << "415.555.0100" << b("*** *** ** 00");
    QTest::newRow("NANP with 1") << "1-415-555-0100" << b("** ** *** ** 00");
    QTest::newRow("two numbers in a row") << "079 123 45 67 044 668 18 00" << b("*** *** ** 67 *** *** ** 00");
    QTest::newRow("phone and email") << "donald@example.com, +41791234567" << b("d***@example.com, +41 ** *** ** 67");
    QTest::newRow("then an id") << "+41 79 123 45 67 312909075211944344" << b("+41 ** *** ** 67 312909075211944344");
}

void TestPersonalDataMask::phonesInText()
{
    QFETCH(QString, text);
    QFETCH(QString, masked);
    QCOMPARE(PersonalDataMask::maskText(text), masked);
}

void TestPersonalDataMask::leftAlone_data()
{
    QTest::addColumn<QString>("text");
    // ZITADEL's own numbers must read exactly as sent: support staff copy them into tickets.
    QTest::newRow("user id") << "312909075211944344";
    QTest::newRow("ids in text") << "user 312909075211944344 in org 312908912355508120";
    QTest::newRow("id with plus") << "+312909075211944344";
    QTest::newRow("id path") << "/v2/users/312909075211944345/email/resend";
    QTest::newRow("timestamp") << "2025-03-02T14:20:01.733Z";
    QTest::newRow("timestamp with offset") << "2024-05-17T09:30:01+02:00";
    QTest::newRow("date and time") << "2024-05-17 09:30:01";
    QTest::newRow("signed date") << "+2024-05-17";
    QTest::newRow("European date") << "17.05.2024 09:30";
    QTest::newRow("US date") << "05-17-2024";
    QTest::newRow("unix seconds") << "1715938201";
    QTest::newRow("unix milliseconds") << "1715938201200";
    QTest::newRow("sequence") << "sequence 42";
    QTest::newRow("alphanumeric code") << "QZ3K8V";
    QTest::newRow("numeric code") << "583201";
    QTest::newRow("8-digit code") << "12345678";
    QTest::newRow("error id") << "COMMAND-2M9sf";
    QTest::newRow("org id header") << "x-zitadel-orgid: 2695";
    QTest::newRow("content length") << "Content-Length: 1048576";
    QTest::newRow("exponent") << "1e+10";
    QTest::newRow("decimal") << "0.1234567890";
    QTest::newRow("negative decimal") << "-0.12345678901";
    QTest::newRow("loopback and port") << "127.0.0.1:8089";
    QTest::newRow("IP address") << "192.168.100.200";
    QTest::newRow("version") << "v2.71.4";
    QTest::newRow("list of numbers") << "200 300 4000";
    QTest::newRow("identifier") << "ID-0791234567";
    QTest::newRow("glued to letters") << "abc0791234567 0791234567abc";
    QTest::newRow("zero padded") << "0000000042";
    QTest::newRow("short number") << "+41 79";
    QTest::newRow("national too short") << "079 123 45";
    QTest::newRow("mixed separators") << "01.02.2024 10";
    QTest::newRow("sixteen digits with plus") << "+4179123456789012";
    QTest::newRow("no domain dot") << "donald@localhost";
    QTest::newRow("numeric domain") << "user@1.2";
    QTest::newRow("lone at") << "@example.com and donald@";
    QTest::newRow("spaced at") << "a @ b.com";
    QTest::newRow("version pin") << "buf.build/zitadel@v2";
    QTest::newRow("URL template")
        << "https://app.example.com/verify?userID={{.UserID}}&code={{.Code}}&orgID={{.OrgID}}";
    QTest::newRow("duration") << "12.4 ms";
    QTest::newRow("empty") << "";
}

void TestPersonalDataMask::leftAlone()
{
    QFETCH(QString, text);
    QCOMPARE(PersonalDataMask::maskText(text), text);
}

void TestPersonalDataMask::maskingTwiceChangesNothing_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("email") << "donald@example.com";
    QTest::newRow("E.164") << "+41791234567";
    QTest::newRow("national") << "079 123 45 67";
    QTest::newRow("mixed") << "donald@example.com called from +1 (415) 555-0100";
}

void TestPersonalDataMask::maskingTwiceChangesNothing()
{
    // What the masked view shows is found again in a search of the masked text; masking it again
    // must not eat the last two digits or the first letter that were kept on purpose.
    QFETCH(QString, text);
    const QString once = PersonalDataMask::maskText(text);
    QVERIFY(once != text);
    QCOMPARE(PersonalDataMask::maskText(once), once);
}

void TestPersonalDataMask::json_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("masked");
    QTest::newRow("v2 user") << V2User
                             << b(R"({"user":{"userId":"312909075211944345","details":{"sequence":"19","changeDate":)"
                                  R"("2025-03-02T14:20:01.733Z","resourceOwner":"312908912355508120"},"state":)"
                                  R"("USER_STATE_ACTIVE","username":"donald","loginNames":["d***@acme.zitadel.cloud"],)"
                                  R"("preferredLoginName":"d***@acme.zitadel.cloud","human":{"profile":{"givenName":)"
                                  R"("Donald","familyName":"Duck","displayName":"Donald Duck"},"email":{"email":)"
                                  R"("d***@example.com","isVerified":false},"phone":{"phone":"+41 ** *** ** 67",)"
                                  R"("isVerified":true}}}})")
                                    .toUtf8();
    QTest::newRow("v1 user") << QByteArray(R"({"user":{"id":"312909075211944344","userName":"minnie@example.com",)"
                                           R"("human":{"email":{"email":"minnie@example.com","isEmailVerified":true},)"
                                           R"("phone":{"phone":"+41 79 123 45 67","isPhoneVerified":false}}}})")
                             << b(R"({"user":{"id":"312909075211944344","userName":"m***@example.com",)"
                                  R"("human":{"email":{"email":"m***@example.com","isEmailVerified":true},)"
                                  R"("phone":{"phone":"+41 ** *** ** 67","isPhoneVerified":false}}}})")
                                    .toUtf8();
    // Under "phone" and "email" the value is masked whatever it looks like.
    QTest::newRow("short phone") << QByteArray(R"({"phone":{"phone":"12345"}})")
                                 << b(R"({"phone":{"phone":"*** 45"}})").toUtf8();
    QTest::newRow("email that is no address")
        << QByteArray(R"({"email":"not-an-address"})") << b(R"({"email":"n***"})").toUtf8();
    QTest::newRow("array under email") << QByteArray(R"({"email":["a@x.io","b"]})")
                                       << b(R"({"email":["a***@x.io","b***"]})").toUtf8();
    QTest::newRow("empty values stay empty")
        << QByteArray(R"({"email":"","phone":""})") << QByteArray(R"({"email":"","phone":""})");
    QTest::newRow("search queries") << QByteArray(R"({"queries":[{"emailQuery":{"emailAddress":"donald@example.com",)"
                                                  R"("method":"TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE"}},)"
                                                  R"({"phoneQuery":{"number":"+41791234567"}}]})")
                                    << b(R"({"queries":[{"emailQuery":{"emailAddress":"d***@example.com",)"
                                         R"("method":"TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE"}},)"
                                         R"({"phoneQuery":{"number":"+41 ** *** ** 67"}}]})")
                                           .toUtf8();
    QTest::newRow("outbox message") << QByteArray(R"({"to":"+41791234567","text":"Your code is 583201"})")
                                    << b(R"({"to":"+41 ** *** ** 67","text":"Your code is 583201"})").toUtf8();
    QTest::newRow("escapes kept valid") << QByteArray(R"({"note":"line1\nmail: donald@example.com \"quoted\" \\ end"})")
                                        << b(R"({"note":"line1\nmail: d***@example.com \"quoted\" \\ end"})").toUtf8();
    QTest::newRow("unicode escape") << QByteArray(R"({"email":"don\u0061ld@example.com"})")
                                    << b(R"({"email":"d***@example.com"})").toUtf8();
    QTest::newRow("object keyed by address")
        << QByteArray(R"({"donald@example.com":{"state":"x"}})") << b(R"({"d***@example.com":{"state":"x"}})").toUtf8();
    QTest::newRow("numbers are not strings")
        << QByteArray(R"({"sequence":312909075211944344,"phone":41791234567,"n":-0.5e+10})")
        << QByteArray(R"({"sequence":312909075211944344,"phone":41791234567,"n":-0.5e+10})");
    const QByteArray connectError = R"json({"code":"not_found","message":"User could not be found (QUERY-Dfbg2)",)json"
                                    R"json("details":[{"type":"zitadel.v1.ErrorDetail",)json"
                                    R"json("value":"CgtRVUVSWS1EZmJnMhIXVXNlciBjb3VsZCBub3QgYmUgZm91bmQ"}]})json";
    QTest::newRow("Connect error") << connectError << connectError;
    QTest::newRow("pretty printed")
        << QByteArray("{\n  \"b\": \"x@y.com\",\n  \"a\": [\n    1,\n    \"+41791234567\"\n  ]\n}")
        << b("{\n  \"b\": \"x***@y.com\",\n  \"a\": [\n    1,\n    \"+41 ** *** ** 67\"\n  ]\n}").toUtf8();
    QTest::newRow("top-level string") << QByteArray(R"("donald@example.com")") << b(R"("d***@example.com")").toUtf8();
    // Broken JSON is masked as far as it goes and not repaired or lengthened.
    QTest::newRow("unterminated string") << QByteArray(R"({"email":"donald@exa)")
                                         << b(R"({"email":"d***@exa)").toUtf8();
    QTest::newRow("unbalanced") << QByteArray(R"(]]}{"a":"donald@example.com")")
                                << b(R"(]]}{"a":"d***@example.com")").toUtf8();
}

void TestPersonalDataMask::json()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, masked);
    const QByteArray result = PersonalDataMask::maskJson(json);
    QCOMPARE(QString::fromUtf8(result), QString::fromUtf8(masked));
    // What parsed before parses after: masked JSON is still JSON.
    QJsonParseError before;
    QJsonDocument::fromJson(json, &before);
    if (before.error == QJsonParseError::NoError) {
        QJsonParseError after;
        QJsonDocument::fromJson(result, &after);
        QVERIFY2(after.error == QJsonParseError::NoError, qPrintable(after.errorString()));
    }
}

void TestPersonalDataMask::jsonKeepsEverythingElseByteForByte()
{
    // Outside the changed strings not one byte moves: key order, 64-bit ids, spacing.
    const QByteArray masked = PersonalDataMask::maskJson(V2User);
    const QJsonObject original = QJsonDocument::fromJson(V2User).object();
    const QJsonObject after = QJsonDocument::fromJson(masked).object();
    QCOMPARE(after.value("user").toObject().value("userId"), original.value("user").toObject().value("userId"));
    QCOMPARE(after.value("user").toObject().value("details"), original.value("user").toObject().value("details"));
    QCOMPARE(after.value("user").toObject().value("username").toString(), QStringLiteral("donald"));
    QVERIFY(!masked.contains("donald@"));
    QVERIFY(!masked.contains("791234567"));
    // Nothing in, nothing changed: the very same bytes (and no copy of a large body).
    const QByteArray clean = getUser().requestBody + R"({"details":{"sequence":"42"}})";
    QVERIFY(PersonalDataMask::maskJson(clean).constData() == clean.constData());
}

void TestPersonalDataMask::body_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("masked");
    QTest::newRow("JSON") << QByteArray(R"( {"email":"a@b.io"})") << b(R"( {"email":"a***@b.io"})").toUtf8();
    QTest::newRow("HTML error page") << QByteArray("<html><p>Contact admin@example.com or +41 44 668 18 00</p></html>")
                                     << b("<html><p>Contact a***@example.com or +41 ** *** ** 00</p></html>").toUtf8();
    QTest::newRow("plain text") << QByteArray("upstream connect error") << QByteArray("upstream connect error");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    // Invalid UTF-8 without personal data comes back byte for byte, not "repaired".
    QTest::newRow("invalid UTF-8") << QByteArray("\xff\xfe broken \xc3") << QByteArray("\xff\xfe broken \xc3");
    QTest::newRow("invalid UTF-8 with email") << QByteArray(
        "\xff donald@example.com") << (QString(QChar::ReplacementCharacter) + b(" d***@example.com")).toUtf8();
}

void TestPersonalDataMask::body()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, masked);
    QCOMPARE(PersonalDataMask::maskBody(body), masked);
}

void TestPersonalDataMask::url_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("shown");
    QTest::newRow("ids only") << QUrl("https://h.example.com/v2/users/312909075211944345?limit=10")
                              << "https://h.example.com/v2/users/312909075211944345?limit=10";
    QTest::newRow("query email") << QUrl("https://h.example.com/v2/users?email=donald%40example.com&limit=10")
                                 << b("https://h.example.com/v2/users?email=d***@example.com&limit=10");
    QTest::newRow("query phone, encoded plus") << QUrl("https://h.example.com/v2/users?phone=%2B41791234567")
                                               << b("https://h.example.com/v2/users?phone=%2B41 ** *** ** 67");
    QTest::newRow("path") << QUrl("https://h.example.com/lookup/donald@example.com")
                          << b("https://h.example.com/lookup/d***@example.com");
    QTest::newRow("fragment") << QUrl("https://h.example.com/#to=ada@example.com")
                              << b("https://h.example.com/#to=a***@example.com");
}

void TestPersonalDataMask::url()
{
    QFETCH(QUrl, url);
    QFETCH(QString, shown);
    const QUrl masked = PersonalDataMask::maskUrl(url);
    QVERIFY(masked.isValid());
    QCOMPARE(masked.toDisplayString(), shown);
    QCOMPARE(masked.host(), url.host());
}

void TestPersonalDataMask::maskedExchange()
{
    Exchange e = getUser(2);
    e.url = QUrl(base + QStringLiteral("/v2/users?search=ada%40example.com"));
    e.requestHeaders.append(qMakePair(QByteArray("X-Caller"), QByteArray("ada@example.com")));
    e.responseHeaders.append(qMakePair(QByteArray("Location"), QByteArray("https://x.example.com/u/+41791234567")));
    e.error.kind = ApiError::Kind::NotFound;
    e.error.message = QStringLiteral("User ada@example.com not found");
    e.error.sentence = QStringLiteral("No user with ada@example.com.");
    e.error.technical = QStringLiteral("reply to +41791234567");

    const Exchange m = ::maskedExchange(e);
    QCOMPARE(m.id, e.id);
    QCOMPARE(m.operation, e.operation);
    QCOMPARE(m.status, e.status);
    QCOMPARE(m.started, e.started);
    QCOMPARE(m.requestHeaders.at(1), e.requestHeaders.at(1)); // Authorization: its mask, untouched
    QCOMPARE(m.requestHeaders.last().second, b("a***@example.com").toUtf8());
    QCOMPARE(m.responseHeaders.last().second, b("https://x.example.com/u/+41 ** *** ** 67").toUtf8());
    QVERIFY(m.url.toDisplayString().contains(b("a***@example.com")));
    QCOMPARE(m.error.message, b("User a***@example.com not found"));
    QCOMPARE(m.error.sentence, b("No user with a***@example.com."));
    QCOMPARE(m.error.technical, b("reply to +41 ** *** ** 67"));
    QCOMPARE(m.error.errorId, e.error.errorId);
    // The parsed response follows the masked body, so the Tree shows the same masks.
    QVERIFY(!m.responseJson.isNull());
    const QJsonObject human = m.responseJson.object().value("user").toObject().value("human").toObject();
    QCOMPARE(human.value("email").toObject().value("email").toString(), b("a***@example.com"));
    QCOMPARE(human.value("phone").toObject().value("phone").toString(), b("+41 ** *** ** 67"));
    QCOMPARE(m.responseJson.object().value("user").toObject().value("loginNames").toArray().at(1).toString(),
        b("a***@example.com"));

    // Nothing to mask: the very same bodies and parse, no copies.
    const Exchange clean = resendEmail();
    const Exchange same = ::maskedExchange(clean);
    QVERIFY(same.responseBody.constData() == clean.responseBody.constData());
    QCOMPARE(same.responseJson, clean.responseJson);
    QCOMPARE(same.url, clean.url);
}

void TestPersonalDataMask::exportsAlwaysMask()
{
    // curl and Save… mask on their own, whatever the caller passes in.
    Exchange e = getUser(2);
    e.method = "POST";
    e.requestBody = R"({"queries":[{"emailQuery":{"emailAddress":"ada@example.com"}}],"phone":"+41791234567"})";
    const QString curl = curlCommand(e);
    const QByteArray saved = exchangeToJson(e);
    for (const QByteArray& text : {curl.toUtf8(), saved}) {
        QVERIFY2(!text.contains("ada@example.com"), text.constData());
        QVERIFY2(!text.contains("791234567"), text.constData());
        QVERIFY2(!text.contains("+41791234567"), text.constData());
    }
    QVERIFY(curl.contains(b("a***@example.com")));
    const QJsonObject root = QJsonDocument::fromJson(saved).object();
    QCOMPARE(root.value("response")
                 .toObject()
                 .value("body")
                 .toObject()
                 .value("user")
                 .toObject()
                 .value("human")
                 .toObject()
                 .value("phone")
                 .toObject()
                 .value("phone")
                 .toString(),
        b("+41 ** *** ** 67"));
    // The same rule as the user panel's confirmation: one piece of code for one rule.
    QVERIFY(curl.contains(DestinationMask::maskEmail(QStringLiteral("ada@example.com"))));
}

void TestPersonalDataMask::linearOnHostileInput_data()
{
    QTest::addColumn<QByteArray>("input");
    // Sanitized builds scan a quarter of it: at -O0 under ASan 4 MB of spaced digits took up
    // to 126 s on a loaded CI machine. A quadratic scan of 1 MB still needs far longer.
#ifdef VD_SANITIZED
    constexpr int Big = 1024 * 1024;
#else
    constexpr int Big = 4 * 1024 * 1024;
#endif
    QTest::newRow("digits") << QByteArray(Big, '7');
    QTest::newRow("spaced digits") << QByteArray("1 ").repeated(Big / 2);
    QTest::newRow("local part then at") << QByteArray(Big, 'a') + "@";
    QTest::newRow("many ats") << QByteArray("a@").repeated(Big / 2);
    QTest::newRow("labels") << "x@" + QByteArray("a.").repeated(Big / 2);
    QTest::newRow("plus signs") << QByteArray("+1").repeated(Big / 2);
    QTest::newRow("brackets") << QByteArray("(1").repeated(Big / 2);
    QTest::newRow("nested arrays") << QByteArray(Big / 2, '[') + "\"a@b.io\"" + QByteArray(Big / 2, ']');
    QTest::newRow("unterminated strings") << QByteArray("\"\\").repeated(Big / 2);
    QTest::newRow("one long string") << "\"" + QByteArray("donald@example.com ").repeated(Big / 20) + "\"";
}

void TestPersonalDataMask::linearOnHostileInput()
{
    // 4 MB (sanitized: 1 MB) of input built to make a naive scanner backtrack: each runs in one
    // pass. The bound is generous for a loaded 2-core machine; a quadratic scan would need hours,
    // not seconds. Sanitized at -O0 the same pass runs up to ~90x slower.
#ifdef VD_SANITIZED
    constexpr qint64 boundMs = 120000;
#else
    constexpr qint64 boundMs = 5000;
#endif
    QFETCH(QByteArray, input);
    QElapsedTimer timer;
    timer.start();
    const QByteArray masked = PersonalDataMask::maskBody(input);
    const qint64 ms = timer.elapsed();
    qInfo("%s: %lld ms for %lld bytes", QTest::currentDataTag(), ms, qlonglong(input.size()));
    QVERIFY2(ms < boundMs, qPrintable(QString::number(ms)));
    QVERIFY(!masked.isEmpty());
}

QTEST_GUILESS_MAIN(TestPersonalDataMask)
#include "TestPersonalDataMask.moc"
