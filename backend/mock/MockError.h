#pragma once

#include <QByteArray>
#include <QString>

// One ZITADEL error as it leaves the server: a gRPC code, an optional ZITADEL error id and
// the English text. Without an id (request validation, missing auth header, routing) no
// ErrorDetail is attached, as in ZITADEL. The two wire envelopes (grpc-gateway REST and
// Connect) are produced here so every endpoint answers errors the same way.
class MockError
{
public:
    enum class Code
    {
        Ok = 0,
        Canceled = 1,
        Unknown = 2,
        InvalidArgument = 3,
        DeadlineExceeded = 4,
        NotFound = 5,
        AlreadyExists = 6,
        PermissionDenied = 7,
        ResourceExhausted = 8,
        FailedPrecondition = 9,
        Aborted = 10,
        OutOfRange = 11,
        Unimplemented = 12,
        Internal = 13,
        Unavailable = 14,
        DataLoss = 15,
        Unauthenticated = 16,
    };

    MockError() = default;
    MockError(Code code, QString id, QString text);

    // An error without ZITADEL error id, e.g. a protoc-gen-validate message.
    static MockError plain(Code code, QString text) { return MockError(code, QString(), std::move(text)); }

    bool isError() const { return m_code != Code::Ok; }
    Code code() const { return m_code; }
    QString id() const { return m_id; }
    QString text() const { return m_text; }
    // The status message: "<text> (<id>)", or the bare text without id.
    QString message() const;

    int restStatus() const;
    int connectStatus() const;
    QByteArray connectCode() const;

    // {"code":N,"message":"...","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail",...}]}
    QByteArray restBody() const;
    // {"code":"not_found","message":"...","details":[{"type":"zitadel.v1.ErrorDetail","value":...,"debug":{...}}]}
    QByteArray connectBody() const;

    // Unpadded standard base64 of the protobuf encoding of zitadel.v1.ErrorDetail{1:id, 2:message}.
    static QByteArray errorDetailBase64(const QString& id, const QString& text);

private:
    Code m_code = Code::Ok;
    QString m_id;
    QString m_text;
};
