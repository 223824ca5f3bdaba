// fuzz_mock_router: the embedded mock's request handling, MockRouter::handle, with REST,
// Connect and admin (/_mock/...) requests, without sockets (as tests/mock/RouterHarness
// drives it). Each input is a short session against a fresh mock built from the built-in
// seed, with a pinned clock and random seed, so that a crash reproduces from its input alone
// and requests can build on each other (add a fault rule, then hit it; resend, then verify).
//
// Input format (text, like HTTP/1.1 without the version, so the seeds in
// corpus/fuzz_mock_router read like requests):
//   a session is up to MaxRequests requests separated by a line "%%" (the bytes "\n%%\n");
//   a request is
//     METHOD SP TARGET LF          TARGET is the path, optionally "?" and the query; a METHOD
//                                  MockHttpServer does not name becomes UNKNOWN, as there
//     (NAME ":" VALUE LF)*         headers; one optional space after the colon is dropped
//     LF                           an empty line ends the headers
//     BODY                         every byte up to the separator or the end of the input
// A request without the empty line has headers only and an empty body. The mock's admin
// token is AdminToken below; ZITADEL tokens are the seed's (mock-admin, mock-support, ...).

#include "FuzzSupport.h"
#include "MockRouter.h"
#include "MockZitadel.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <memory>

namespace
{
constexpr int MaxRequests = 8;
const QByteArray Separator("\n%%\n");
const QString AdminToken = QStringLiteral("fuzz-admin-token");

// MockHttpServer hands the router one of these names (QHttpServerRequest's methods, UNKNOWN
// for any other), never raw bytes, and the request log writes the method as ASCII.
QByteArray adapterMethod(const QByteArray& method)
{
    static const QByteArrayList names {"GET", "PUT", "DELETE", "POST", "HEAD", "OPTIONS", "PATCH", "CONNECT", "TRACE"};
    return names.contains(method) ? method : QByteArrayLiteral("UNKNOWN");
}

MockRequest parseRequest(QByteArray input)
{
    MockRequest r;
    const QByteArray requestLine = FuzzSupport::takeLine(&input);
    const qsizetype space = requestLine.indexOf(' ');
    r.method = adapterMethod(space < 0 ? requestLine : requestLine.left(space));
    const QByteArray target = space < 0 ? QByteArray() : requestLine.mid(space + 1);
    const qsizetype q = target.indexOf('?');
    r.path = q < 0 ? target : target.left(q);
    r.query = q < 0 ? QByteArray() : target.mid(q + 1);
    while (!input.isEmpty()) {
        const QByteArray line = FuzzSupport::takeLine(&input);
        if (line.isEmpty())
            break; // the body follows
        const qsizetype colon = line.indexOf(':');
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        r.headers.append({colon < 0 ? line : line.left(colon), value});
    }
    r.body = input;
    return r;
}

QByteArray header(const MockResponse& response, const char* name)
{
    for (const auto& h : response.headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void checkResponse(const MockRouter& router, const MockResponse& response)
{
    if (response.transport == MockResponse::Transport::NoAnswer)
        return;
    if (response.status < 100 || response.status > 599)
        FuzzSupport::fail("a status code HTTP can carry");
    // Every JSON answer parses, unless a fault rule broke it on purpose (malformed-json).
    QString faultId;
    router.requestLogBuffer().visitNewestFirst([&](const MockRequestLogEntry& newest) {
        faultId = newest.faultId;
        return false;
    });
    if (faultId.isEmpty() && header(response, "Content-Type").startsWith("application/json")) {
        QJsonParseError error;
        QJsonDocument::fromJson(response.body, &error);
        if (error.error != QJsonParseError::NoError)
            FuzzSupport::fail("a JSON answer that does not parse");
    }
}

void runSession(const QByteArray& input)
{
    MockOptions options;
    options.randomSeed = 42;
    options.adminToken = AdminToken;
    QString error;
    std::unique_ptr<MockZitadel> zitadel = MockZitadel::create(options, &error);
    if (!zitadel)
        FuzzSupport::fail("the built-in seed loads");
    const QDateTime now = QDateTime(QDate(2026, 3, 2), QTime(14, 20, 1, 733), Qt::UTC);
    zitadel->setClock([now] { return now; });
    MockRouter router(zitadel.get());

    qsizetype from = 0;
    for (int i = 0; i < MaxRequests && from <= input.size(); ++i) {
        qsizetype end = input.indexOf(Separator, from);
        if (end < 0)
            end = input.size();
        const MockResponse response = router.handle(parseRequest(input.mid(from, end - from)));
        checkResponse(router, response);
        from = end + Separator.size();
    }
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::initialize("fuzz_mock_router");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    runSession(FuzzSupport::bytes(data, size));
    return 0;
}
