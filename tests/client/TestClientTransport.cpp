#include "ScriptedHttpServer.h"
#include "ZitadelClient.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using Kind = ApiError::Kind;
Q_DECLARE_METATYPE(ApiError::Kind)

namespace
{
const QString token = QStringLiteral("s3cr3t-PAT-do-not-leak");

// Runs one call and waits for its callback.
template <class T>
struct Waiter
{
    std::optional<Result<T>> result;
    Callback<T> callback()
    {
        return [this](const Result<T>& r) { result = r; };
    }
};

enum class Call
{
    ListOrganizations,
    GetMyOrg,
    ListUsers,
    GetUser,
    ResendEmailSend,
    ResendEmailTemplate,
    ResendEmailReturn,
    ResendPhoneReturn,
    ResendPhoneV1,
    ResendEmailV1,
    ResendContactEmail,
};
} // namespace
Q_DECLARE_METATYPE(Call)

// The client over real loopback HTTP against a scripted server: what exactly goes over the
// wire, and what comes back from hostile or broken answers.
class TestClientTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sendsTheDocumentedRequest_data();
    void sendsTheDocumentedRequest();
    void connectTransportPutsTheWholeMessageInTheBody();
    void tokenIsMaskedInTheExchange();
    void invalidInputSendsNothing_data();
    void invalidInputSendsNothing();
    void brokenAnswers_data();
    void brokenAnswers();
    void rateLimitedCarriesRetryAfter();
    void connectionRefused();
    void timeoutIsReportedAsTimeoutAndNotRetried();
    void cancelIsReportedAsCancel();
    void failedResendIsNeverRetried();
    void baseUrlPathPrefixAndIdEncoding();
    void baseUrlValidation_data();
    void baseUrlValidation();

private:
    ApiCall* start(Call call, std::optional<Result<ResendResult>>* resend);

    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<ZitadelClient> m_client;
};

void TestClientTransport::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_server->listen());
    m_client = std::make_unique<ZitadelClient>();
    QVERIFY(!m_client->setBaseUrl(m_server->baseUrl()));
    m_client->setToken(token);
}

void TestClientTransport::cleanup()
{
    m_client.reset();
    m_server.reset();
}

void TestClientTransport::sendsTheDocumentedRequest_data()
{
    QTest::addColumn<Call>("call");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body"); // compact JSON, empty for GET
    QTest::addColumn<QByteArray>("orgHeader");

    const QByteArray id = "312909075211944344";
    QTest::newRow("ListOrganizations")
        << Call::ListOrganizations << QByteArray("POST") << QByteArray("/v2/organizations/_search")
        << QByteArray(
               R"J({"query":{"asc":true,"limit":20,"offset":"40"},"queries":[{"nameQuery":{"method":"TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE","name":"acme"}}],"sortingColumn":"ORGANIZATION_FIELD_NAME_NAME"})J")
        << QByteArray();
    QTest::newRow("GetMyOrg in another org")
        << Call::GetMyOrg << QByteArray("GET") << QByteArray("/management/v1/orgs/me") << QByteArray()
        << QByteArray("312908912355508121");
    QTest::newRow("ListUsers with search")
        << Call::ListUsers << QByteArray("POST") << QByteArray("/v2/users")
        << QByteArray(
               R"J({"query":{"asc":true,"limit":100,"offset":"200"},"queries":[{"organizationIdQuery":{"organizationId":"312908912355508120"}},{"orQuery":{"queries":[{"userNameQuery":{"method":"TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE","userName":"min"}},{"displayNameQuery":{"displayName":"min","method":"TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE"}},{"emailQuery":{"emailAddress":"min","method":"TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE"}},{"inUserIdsQuery":{"userIds":["min"]}},{"phoneQuery":{"method":"TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE","number":"min"}}]}}],"sortingColumn":"USER_FIELD_NAME_DISPLAY_NAME"})J")
        << QByteArray();
    QTest::newRow("GetUserByID") << Call::GetUser << QByteArray("GET") << "/v2/users/" + id << QByteArray()
                                 << QByteArray();
    QTest::newRow("ResendEmailCode default link")
        << Call::ResendEmailSend << QByteArray("POST") << "/v2/users/" + id + "/email/resend"
        << QByteArray(R"J({"sendCode":{}})J") << QByteArray();
    QTest::newRow("ResendEmailCode with template")
        << Call::ResendEmailTemplate << QByteArray("POST") << "/v2/users/" + id + "/email/resend"
        << QByteArray(
               R"J({"sendCode":{"urlTemplate":"https://admin.example.com/verify?userID={{.UserID}}&code={{.Code}}&orgID={{.OrgID}}"}})J")
        << QByteArray();
    QTest::newRow("ResendEmailCode returnCode")
        << Call::ResendEmailReturn << QByteArray("POST") << "/v2/users/" + id + "/email/resend"
        << QByteArray(R"J({"returnCode":{}})J") << QByteArray();
    QTest::newRow("ResendPhoneCode returnCode")
        << Call::ResendPhoneReturn << QByteArray("POST") << "/v2/users/" + id + "/phone/resend"
        << QByteArray(R"J({"returnCode":{}})J") << QByteArray();
    // The first seed document: management v1 with the organization in x-zitadel-orgid.
    QTest::newRow("ResendHumanPhoneVerification v1")
        << Call::ResendPhoneV1 << QByteArray("POST") << "/management/v1/users/" + id + "/phone/_resend_verification"
        << QByteArray("{}") << QByteArray("312908912355508120");
    QTest::newRow("ResendHumanEmailVerification v1")
        << Call::ResendEmailV1 << QByteArray("POST") << "/management/v1/users/" + id + "/email/_resend_verification"
        << QByteArray("{}") << QByteArray("312908912355508120");
    // The second seed document: v3alpha contact email.
    QTest::newRow("ResendContactEmailCode v3alpha")
        << Call::ResendContactEmail << QByteArray("POST") << "/resources/v3alpha/users/" + id + "/email/_resend"
        << QByteArray(R"J({"organization":{"orgId":"312908912355508120"},"returnCode":{}})J") << QByteArray();
}

ApiCall* TestClientTransport::start(Call call, std::optional<Result<ResendResult>>* resend)
{
    const QString id = QStringLiteral("312909075211944344");
    const QString acme = QStringLiteral("312908912355508120");
    auto resendDone = [resend](const Result<ResendResult>& r) { *resend = r; };
    ResendOptions returnCode;
    returnCode.delivery = ResendOptions::Delivery::ReturnCode;
    switch (call) {
    case Call::ListOrganizations: {
        OrganizationQuery q;
        q.nameContains = QStringLiteral(" acme ");
        q.offset = 40;
        return m_client->listOrganizations(q, {});
    }
    case Call::GetMyOrg:
        return m_client->getMyOrg(QStringLiteral("312908912355508121"), {});
    case Call::ListUsers: {
        UserQuery q;
        q.organizationId = acme;
        q.search = QStringLiteral("min");
        q.offset = 200;
        return m_client->listUsers(q, {});
    }
    case Call::GetUser:
        return m_client->getUserById(id, {});
    case Call::ResendEmailSend:
        return m_client->resendEmailCode(id, {}, resendDone);
    case Call::ResendEmailTemplate: {
        ResendOptions o;
        o.urlTemplate =
            QStringLiteral("https://admin.example.com/verify?userID={{.UserID}}&code={{.Code}}&orgID={{.OrgID}}");
        return m_client->resendEmailCode(id, o, resendDone);
    }
    case Call::ResendEmailReturn:
        return m_client->resendEmailCode(id, returnCode, resendDone);
    case Call::ResendPhoneReturn:
        return m_client->resendPhoneCode(id, returnCode, resendDone);
    case Call::ResendPhoneV1:
        return m_client->resendHumanPhoneVerification(id, acme, resendDone);
    case Call::ResendEmailV1:
        return m_client->resendHumanEmailVerification(id, acme, resendDone);
    case Call::ResendContactEmail: {
        ResendOptions o = returnCode;
        o.organizationId = acme;
        return m_client->resendContactEmailCode(id, o, resendDone);
    }
    }
    return nullptr;
}

void TestClientTransport::sendsTheDocumentedRequest()
{
    QFETCH(Call, call);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, orgHeader);

    m_server->enqueue(200, "application/json", R"J({"details":{"sequence":"19"}})J");
    QSignalSpy exchanges(m_client.get(), &ZitadelClient::exchangeFinished);
    std::optional<Result<ResendResult>> resend;
    QPointer<ApiCall> handle = start(call, &resend);
    QVERIFY(handle);
    QTRY_COMPARE(exchanges.count(), 1);

    QCOMPARE(m_server->requests().size(), 1);
    const auto& request = m_server->requests().first();
    QCOMPARE(request.method, method);
    QCOMPARE(request.target, target);
    QCOMPARE(request.header("Authorization"), "Bearer " + token.toUtf8());
    QCOMPARE(request.header("x-zitadel-orgid"), orgHeader);
    QVERIFY(request.header("Connect-Protocol-Version").isEmpty());
    if (body.isEmpty()) {
        QVERIFY(request.body.isEmpty());
    } else {
        QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
        // Compare as JSON: key order is not part of the contract.
        QCOMPARE(QJsonDocument::fromJson(request.body), QJsonDocument::fromJson(body));
        QVERIFY2(!QJsonDocument::fromJson(body).isNull(), "the expected body in the table is JSON");
    }
    const ExchangePtr ex = exchanges.first().first().value<ExchangePtr>();
    QCOMPARE(ex->method, method);
    QCOMPARE(ex->url.path(QUrl::FullyEncoded).toLatin1(), target);
    QCOMPARE(ex->requestBody, request.body);
    QCOMPARE(ex->status, 200);
    if (resend) {
        QVERIFY(resend->ok());
        QCOMPARE(resend->value->details.sequence, 19u);
        QCOMPARE(resend->exchange, ex);
    }
}

void TestClientTransport::connectTransportPutsTheWholeMessageInTheBody()
{
    m_client->setV2Transport(ZitadelClient::V2Transport::Connect);
    m_server->enqueue(200, "application/json", R"J({"details":{"sequence":"3"},"verificationCode":"Q7KZ2D"})J");
    Waiter<ResendResult> w;
    ResendOptions o;
    o.delivery = ResendOptions::Delivery::ReturnCode;
    m_client->resendEmailCode(QStringLiteral("312909075211944344"), o, w.callback());
    QTRY_VERIFY(w.result);
    QVERIFY(w.result->ok());
    QCOMPARE(w.result->value->verificationCode, QStringLiteral("Q7KZ2D"));
    const auto& request = m_server->requests().first();
    QCOMPARE(request.target, QByteArray("/zitadel.user.v2.UserService/ResendEmailCode"));
    QCOMPARE(request.header("Connect-Protocol-Version"), QByteArray("1"));
    QCOMPARE(QJsonDocument::fromJson(request.body),
        QJsonDocument::fromJson(R"J({"userId":"312909075211944344","returnCode":{}})J"));
}

void TestClientTransport::tokenIsMaskedInTheExchange()
{
    m_server->enqueue(404, "application/json", R"J({"code":5,"message":"User could not be found (QUERY-Dfbg2)"})J");
    Waiter<User> w;
    m_client->getUserById(QStringLiteral("1"), w.callback());
    QTRY_VERIFY(w.result);
    QCOMPARE(w.result->error.kind, Kind::NotFound);
    const Exchange& ex = *w.result->exchange;
    bool sawAuthorization = false;
    for (const auto& h : ex.requestHeaders) {
        QVERIFY2(!h.second.contains(token.toUtf8()), h.first.constData());
        if (h.first == "Authorization") {
            sawAuthorization = true;
            QVERIFY(h.second.startsWith("Bearer \xe2\x80\xa2"));
        }
    }
    QVERIFY(sawAuthorization);
    QVERIFY(!ex.url.toString().contains(token));
    QVERIFY(!ex.requestBody.contains(token.toUtf8()));
}

void TestClientTransport::invalidInputSendsNothing_data()
{
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("urlTemplate"); // "-" = none
    QTest::addColumn<bool>("phone");
    QTest::addColumn<QString>("sentenceContains");

    QTest::newRow("empty user id") << ""
                                   << "-" << false << "user id is empty";
    QTest::newRow("201-character user id") << QString(201, QLatin1Char('9')) << "-" << false << "at most 200";
    QTest::newRow("user id with trailing space") << "312909075211944344 "
                                                 << "-" << false << "space";
    QTest::newRow("empty url template") << "1"
                                        << "" << false << "empty";
    QTest::newRow("url template too long") << "1" << QString(201, QLatin1Char('a')) << false << "201";
    QTest::newRow("url template does not parse") << "1"
                                                 << "https://x/?c={{.Code" << false << "does not parse";
    QTest::newRow("url template unknown placeholder") << "1"
                                                      << "https://x/?u={{.LoginName}}" << false << "LoginName";
    QTest::newRow("url template on a phone code") << "1"
                                                  << "https://x/?c={{.Code}}" << true << "carry no link";
}

void TestClientTransport::invalidInputSendsNothing()
{
    QFETCH(QString, userId);
    QFETCH(QString, urlTemplate);
    QFETCH(bool, phone);
    QFETCH(QString, sentenceContains);

    QSignalSpy exchanges(m_client.get(), &ZitadelClient::exchangeFinished);
    ResendOptions o;
    if (urlTemplate != QLatin1String("-"))
        o.urlTemplate = urlTemplate;
    Waiter<ResendResult> w;
    if (phone)
        m_client->resendPhoneCode(userId, o, w.callback());
    else
        m_client->resendEmailCode(userId, o, w.callback());
    QVERIFY2(!w.result, "the answer comes after the call returned, never inside it");
    QTRY_VERIFY(w.result);
    QCOMPARE(w.result->error.kind, Kind::InvalidInput);
    QVERIFY2(w.result->error.sentence.contains(sentenceContains), qPrintable(w.result->error.sentence));
    QVERIFY(!w.result->exchange);
    QCOMPARE(exchanges.count(), 0);
    QCOMPARE(m_server->requests().size(), 0);
}

void TestClientTransport::brokenAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("promisedLength"); // > body size: the connection closes mid-body
    QTest::addColumn<Kind>("kind");

    QTest::newRow("html 502 page") << 502 << QByteArray("text/html")
                                   << QByteArray("<html><body><h1>502 Bad Gateway</h1></body></html>") << -1
                                   << Kind::Server;
    QTest::newRow("empty 500") << 500 << QByteArray() << QByteArray() << -1 << Kind::Server;
    QTest::newRow("200 with truncated json")
        << 200 << QByteArray("application/json") << QByteArray(R"J({"user":{"userId":"1","human":)J") << -1
        << Kind::MalformedResponse;
    QTest::newRow("200 that is not an object")
        << 200 << QByteArray("application/json") << QByteArray("[1,2]") << -1 << Kind::MalformedResponse;
    QTest::newRow("200 without the user")
        << 200 << QByteArray("application/json") << QByteArray(R"J({"details":{}})J") << -1 << Kind::MalformedResponse;
    QTest::newRow("200 closed mid-body") << 200 << QByteArray("application/json")
                                         << QByteArray(R"J({"user":{"userId":"1")J") << 4096 << Kind::Network;
    QTest::newRow("200 html from a captive portal")
        << 200 << QByteArray("text/html") << QByteArray("<html>Please sign in to the Wi-Fi</html>") << -1
        << Kind::MalformedResponse;
}

void TestClientTransport::brokenAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, promisedLength);
    QFETCH(Kind, kind);

    if (promisedLength > 0)
        m_server->enqueueTruncated(status, body, promisedLength);
    else
        m_server->enqueue(status, contentType, body);
    Waiter<User> w;
    m_client->getUserById(QStringLiteral("1"), w.callback());
    QTRY_VERIFY(w.result);
    QVERIFY(!w.result->ok());
    QCOMPARE(w.result->error.kind, kind);
    QVERIFY(!w.result->error.sentence.isEmpty());
    QVERIFY(w.result->exchange);
    QCOMPARE(w.result->exchange->error.kind, kind);
}

void TestClientTransport::rateLimitedCarriesRetryAfter()
{
    m_server->enqueue(429, "application/json", R"J({"code":8,"message":"too many requests"})J", {"Retry-After: 42"});
    Waiter<ResendResult> w;
    m_client->resendEmailCode(QStringLiteral("1"), {}, w.callback());
    QTRY_VERIFY(w.result);
    QCOMPARE(w.result->error.kind, Kind::RateLimited);
    QCOMPARE(w.result->error.retryAfterSeconds, 42);
    QVERIFY2(w.result->error.sentence.contains(QLatin1String("42 seconds")), qPrintable(w.result->error.sentence));
}

void TestClientTransport::connectionRefused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    QVERIFY(!m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
    Waiter<OrganizationPage> w;
    m_client->listOrganizations({}, w.callback());
    QTRY_VERIFY(w.result);
    QCOMPARE(w.result->error.kind, Kind::Network);
    QVERIFY2(w.result->error.sentence.contains(QLatin1String("refused")), qPrintable(w.result->error.sentence));
    QVERIFY(w.result->exchange);
    QCOMPARE(w.result->exchange->status, 0);
}

void TestClientTransport::timeoutIsReportedAsTimeoutAndNotRetried()
{
    m_client->setTimeout(300);
    m_server->enqueueHang();
    Waiter<ResendResult> w;
    m_client->resendEmailCode(QStringLiteral("1"), {}, w.callback());
    QTRY_VERIFY_WITH_TIMEOUT(w.result, 5000);
    QCOMPARE(w.result->error.kind, Kind::Timeout);
    QVERIFY2(w.result->error.sentence.contains(QLatin1String("0.3 seconds")), qPrintable(w.result->error.sentence));
    QVERIFY2(w.result->exchange->durationMs >= 250, QByteArray::number(w.result->exchange->durationMs));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestClientTransport::cancelIsReportedAsCancel()
{
    m_server->enqueueHang();
    Waiter<ResendResult> w;
    QPointer<ApiCall> call = m_client->resendPhoneCode(QStringLiteral("1"), {}, w.callback());
    QTRY_COMPARE(m_server->requests().size(), 1);
    QVERIFY(call);
    call->cancel();
    QTRY_VERIFY(w.result);
    QCOMPARE(w.result->error.kind, Kind::Cancelled);
    QTRY_VERIFY(!call); // the call deleted itself after finishing
}

void TestClientTransport::failedResendIsNeverRetried()
{
    m_server->enqueue(503, "text/plain", "Service Unavailable");
    m_server->enqueue(200, "application/json", R"J({"org":{"id":"1","name":"ACME"}})J");
    Waiter<ResendResult> resend;
    m_client->resendEmailCode(QStringLiteral("1"), {}, resend.callback());
    QTRY_VERIFY(resend.result);
    QCOMPARE(resend.result->error.kind, Kind::Server);
    // A later call that goes through proves the server saw nothing else in between.
    Waiter<Organization> org;
    m_client->getMyOrg({}, org.callback());
    QTRY_VERIFY(org.result);
    QVERIFY(org.result->ok());
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(1).target, QByteArray("/management/v1/orgs/me"));
}

void TestClientTransport::baseUrlPathPrefixAndIdEncoding()
{
    QUrl base = m_server->baseUrl();
    base.setPath(QStringLiteral("/zitadel/"));
    QVERIFY(!m_client->setBaseUrl(base));
    m_server->enqueue(200, "application/json", R"J({"user":{"userId":"a/b c"}})J");
    Waiter<User> w;
    m_client->getUserById(QStringLiteral("a/b c?"), w.callback());
    QTRY_VERIFY(w.result);
    QVERIFY(w.result->ok());
    QCOMPARE(m_server->requests().first().target, QByteArray("/zitadel/v2/users/a%2Fb%20c%3F"));
}

void TestClientTransport::baseUrlValidation_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https") << "https://acme.zitadel.cloud" << true;
    QTest::newRow("http loopback with port") << "http://localhost:8080" << true;
    QTest::newRow("with path") << "https://example.com/zitadel" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("no scheme") << "acme.zitadel.cloud" << false;
    QTest::newRow("ftp") << "ftp://acme.zitadel.cloud" << false;
    QTest::newRow("user info") << "https://admin:pw@acme.zitadel.cloud" << false;
    QTest::newRow("query") << "https://acme.zitadel.cloud/?x=1" << false;
    QTest::newRow("no host") << "https://" << false;
}

void TestClientTransport::baseUrlValidation()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    const QUrl before = m_client->baseUrl();
    const auto problem = m_client->setBaseUrl(QUrl(url));
    QCOMPARE(!problem.has_value(), accepted);
    if (!accepted) {
        QVERIFY(!problem->isEmpty());
        QCOMPARE(m_client->baseUrl(), before);
    }
}

QTEST_GUILESS_MAIN(TestClientTransport)
#include "TestClientTransport.moc"
