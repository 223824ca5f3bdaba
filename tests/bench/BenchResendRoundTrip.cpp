// Resend round trip ZitadelClient -> server over loopback: p50/p99 over N calls, against the
// mock and, in the same run, against a bare QHttpServer that returns a constant body.
// Blocks alternate between the two so that machine noise hits both alike.
//
//   build/tests/bench/bench-resend-roundtrip [calls=10000]

#include "MockHttpServer.h"
#include "MockZitadel.h"
#include "ServerThread.h"
#include "ZitadelClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>
#include <cstdio>

namespace
{
const QString userId = QStringLiteral("312909075211944345"); // pending email code in the seed
const QByteArray constantBody =
    R"({"details":{"sequence":"19","changeDate":"2025-03-02T14:20:01.733Z","resourceOwner":"312908912355508120"}})";

struct Stats
{
    QList<double> micros;
    int failures = 0;
};

// Runs `count` requests one after the other and records each round trip. `sendOne` starts
// one request and calls its argument with success once the answer is in. Runs a plain event
// loop: QTest::qWaitFor sleeps between rounds of event processing and would be measured too.
void runSequentially(int count, Stats& stats, const std::function<void(std::function<void(bool)>)>& sendOne)
{
    int done = 0;
    QEventLoop loop;
    QElapsedTimer clock;
    std::function<void()> next = [&] {
        clock.start();
        sendOne([&](bool ok) {
            stats.micros.append(double(clock.nsecsElapsed()) / 1000.0);
            if (!ok)
                ++stats.failures;
            if (++done < count)
                next();
            else
                loop.quit();
        });
    };
    next();
    loop.exec();
}

void measure(ZitadelClient& client, int count, Stats& stats)
{
    runSequentially(count, stats, [&](std::function<void(bool)> finished) {
        client.resendEmailCode(userId, {}, [finished](const Result<ResendResult>& r) { finished(r.ok()); });
    });
}

// The floor: the same POST with a bare QNetworkAccessManager, no ZitadelClient around it.
void measureRaw(QNetworkAccessManager& nam, const QUrl& url, int count, Stats& stats)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer mock-admin");
    runSequentially(count, stats, [&](std::function<void(bool)> finished) {
        QNetworkReply* reply = nam.post(request, QByteArrayLiteral("{\"sendCode\":{}}"));
        QObject::connect(reply, &QNetworkReply::finished, [reply, finished] {
            reply->readAll();
            reply->deleteLater();
            finished(reply->error() == QNetworkReply::NoError);
        });
    });
}

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(qMin(v.size() - 1, int(p * v.size())));
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int calls = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    const int blocks = 10;

    // Declared before the threads: the threads' teardown runs first and still needs them.
    std::unique_ptr<MockZitadel> zitadel;
    MockHttpServer* mockServer = nullptr;
    QHttpServer* bare = nullptr;
    QUrl mockUrl;
    QUrl bareUrl;

    ServerThread mockThread;
    mockThread.run([&] {
        QString error;
        MockOptions options;
        options.randomSeed = 1;
        zitadel = MockZitadel::create(options, &error);
        mockServer = new MockHttpServer(zitadel.get());
        mockServer->listen();
        mockUrl = mockServer->baseUrl();
    });
    mockThread.onTeardown([&] {
        delete mockServer;
        zitadel.reset();
    });

    ServerThread bareThread;
    bareThread.run([&] {
        bare = new QHttpServer;
        bare->route(QStringLiteral("/v2/users/<arg>/email/resend"),
            QHttpServerRequest::Method::Post,
            [](const QString&) { return QHttpServerResponse(QByteArrayLiteral("application/json"), constantBody); });
        bareUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(bare->listen(QHostAddress::LocalHost, 0)));
    });
    bareThread.onTeardown([&] { delete bare; });

    ZitadelClient mockClient;
    mockClient.setBaseUrl(mockUrl);
    mockClient.setToken(QStringLiteral("mock-admin"));
    ZitadelClient bareClient;
    bareClient.setBaseUrl(bareUrl);
    bareClient.setToken(QStringLiteral("mock-admin"));

    // Warm both paths up (connection set-up, first allocations) outside the figures.
    Stats warm;
    measure(mockClient, 200, warm);
    measure(bareClient, 200, warm);

    QNetworkAccessManager rawNam;
    QUrl rawUrl = bareUrl;
    rawUrl.setPath(QStringLiteral("/v2/users/") + userId + QStringLiteral("/email/resend"));
    measureRaw(rawNam, rawUrl, 200, warm);

    Stats mock, baseline, raw;
    for (int b = 0; b < blocks; ++b) {
        measureRaw(rawNam, rawUrl, calls / blocks, raw);
        measure(bareClient, calls / blocks, baseline);
        measure(mockClient, calls / blocks, mock);
    }

    auto report = [](const char* name, const Stats& s) {
        std::printf("%-28s calls=%-6lld p50=%7.1f us  p99=%7.1f us  failures=%d\n",
            name,
            qlonglong(s.micros.size()),
            percentile(s.micros, 0.50),
            percentile(s.micros, 0.99),
            s.failures);
    };
    std::printf("Resend round trip over loopback (ZitadelClient, one call at a time)\n");
    report("mock (ResendEmailCode)", mock);
    report("bare QHttpServer (constant)", baseline);
    report("bare server, raw QNAM", raw);
    std::printf("p50 ratio mock/bare: %.2f   ZitadelClient/raw QNAM (same bare server): %.2f\n",
        percentile(mock.micros, 0.5) / percentile(baseline.micros, 0.5),
        percentile(baseline.micros, 0.5) / percentile(raw.micros, 0.5));
    std::fflush(stdout);
    return mock.failures == 0 && baseline.failures == 0 && raw.failures == 0 ? 0 : 1;
}
