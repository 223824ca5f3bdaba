// The throughput baseline: a QHttpServer that answers the resend path with a constant body,
// nothing else. Prints "listening on http://127.0.0.1:PORT" like verifydesk-mock.
//
//   bench-bare-server [port]

#include <QCoreApplication>
#include <QHttpServer>
#include <QHttpServerResponse>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QHttpServer server;
    const QByteArray body =
        R"({"details":{"sequence":"19","changeDate":"2025-03-02T14:20:01.733Z","resourceOwner":"312908912355508120"}})";
    server.route(QStringLiteral("/v2/users/<arg>/email/resend"),
        QHttpServerRequest::Method::Post,
        [body](const QString&) { return QHttpServerResponse(QByteArrayLiteral("application/json"), body); });
    const quint16 port = server.listen(QHostAddress::LocalHost, argc > 1 ? quint16(QByteArray(argv[1]).toUInt()) : 0);
    if (!port) {
        std::fprintf(stderr, "could not listen\n");
        return 1;
    }
    std::printf("listening on http://127.0.0.1:%u\n", port);
    std::fflush(stdout);
    return app.exec();
}
