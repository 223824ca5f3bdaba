#include "ApiError.h"

#include <QHash>

QString ApiError::summary() const
{
    if (errorId.isEmpty() || sentence.contains(errorId))
        return sentence;
    return sentence + QStringLiteral(" (") + errorId + QLatin1Char(')');
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::InvalidInput:
        return QStringLiteral("invalid input");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Tls:
        return QStringLiteral("TLS");
    case Kind::Unauthenticated:
        return QStringLiteral("unauthenticated");
    case Kind::PermissionDenied:
        return QStringLiteral("permission");
    case Kind::NotFound:
        return QStringLiteral("not found");
    case Kind::Precondition:
        return QStringLiteral("precondition");
    case Kind::InvalidArgument:
        return QStringLiteral("invalid argument");
    case Kind::RateLimited:
        return QStringLiteral("rate limited");
    case Kind::Server:
        return QStringLiteral("server");
    case Kind::MalformedResponse:
        return QStringLiteral("malformed response");
    }
    return {};
}

namespace
{
// google.rpc.Code: number, canonical name, Connect's snake_case name.
struct GrpcCode
{
    int number;
    const char* canonical;
    const char* connect;
};
constexpr GrpcCode grpcCodes[] = {
    {0, "OK", "ok"},
    {1, "CANCELLED", "canceled"},
    {2, "UNKNOWN", "unknown"},
    {3, "INVALID_ARGUMENT", "invalid_argument"},
    {4, "DEADLINE_EXCEEDED", "deadline_exceeded"},
    {5, "NOT_FOUND", "not_found"},
    {6, "ALREADY_EXISTS", "already_exists"},
    {7, "PERMISSION_DENIED", "permission_denied"},
    {8, "RESOURCE_EXHAUSTED", "resource_exhausted"},
    {9, "FAILED_PRECONDITION", "failed_precondition"},
    {10, "ABORTED", "aborted"},
    {11, "OUT_OF_RANGE", "out_of_range"},
    {12, "UNIMPLEMENTED", "unimplemented"},
    {13, "INTERNAL", "internal"},
    {14, "UNAVAILABLE", "unavailable"},
    {15, "DATA_LOSS", "data_loss"},
    {16, "UNAUTHENTICATED", "unauthenticated"},
};
} // namespace

QString ApiError::grpcName(int code)
{
    for (const auto& c : grpcCodes) {
        if (c.number == code)
            return QString::fromLatin1(c.canonical);
    }
    return {};
}

int ApiError::grpcCodeFromConnectName(const QString& name)
{
    for (const auto& c : grpcCodes) {
        if (name == QLatin1String(c.connect))
            return c.number;
    }
    return -1;
}
