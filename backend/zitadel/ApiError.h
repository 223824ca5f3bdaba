#pragma once

#include <QString>

// Why a call did not produce a result, in terms a support person and a program can both use.
// Filled from the REST gateway body ({"code":5,...,"details":[{"@type":...ErrorDetail}]}), the
// Connect body ({"code":"not_found",...,"details":[{"type":...,"value":...,"debug":{}}]}), the
// HTTP status, or the transport error, in that order of preference.
struct ApiError
{
    enum class Kind
    {
        None,
        InvalidInput, // rejected by the client before sending: nothing went over the wire
        Network,
        Timeout,
        Cancelled, // the user cancelled; the server may still have acted
        Tls,
        Unauthenticated,
        PermissionDenied,
        NotFound,
        Precondition,
        InvalidArgument, // the server rejected the request's content
        RateLimited,
        Server,
        MalformedResponse,
    };

    Kind kind = Kind::None;
    int httpStatus = 0; // 0 when no HTTP response arrived
    int grpcCode = -1; // -1 when the body carried none
    QString grpcCodeName; // canonical google.rpc.Code name, e.g. "FAILED_PRECONDITION"
    QString errorId; // ZITADEL's error id, e.g. "COMMAND-2M9sf"; empty when the server sent none
    QString message; // the server's message as sent, e.g. "Phone already verified (COMMAND-2M9sf)"
    QString technical; // transport or parse detail for the inspector, e.g. "Connection refused"
    int retryAfterSeconds = -1; // from Retry-After on 429/503, -1 when absent
    QString sentence; // one plain sentence a support person can read aloud

    bool isError() const { return kind != Kind::None; }
    // "sentence (errorId)" or just the sentence: what a result line shows.
    QString summary() const;

    static QString kindName(Kind kind);
    static QString grpcName(int code);
    static int grpcCodeFromConnectName(const QString& name); // -1 when unknown
};
