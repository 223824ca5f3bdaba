#include "MockError.h"

#include "MockJsonWriter.h"

MockError::MockError(Code code, QString id, QString text)
    : m_code(code)
    , m_id(std::move(id))
    , m_text(std::move(text))
{ }

QString MockError::message() const
{
    if (m_id.isEmpty())
        return m_text;
    return m_text + QLatin1String(" (") + m_id + QLatin1Char(')');
}

// grpc-gateway's runtime.HTTPStatusFromCode.
int MockError::restStatus() const
{
    switch (m_code) {
    case Code::Ok:
        return 200;
    case Code::Canceled:
        return 499;
    case Code::Unknown:
        return 500;
    case Code::InvalidArgument:
        return 400;
    case Code::DeadlineExceeded:
        return 504;
    case Code::NotFound:
        return 404;
    case Code::AlreadyExists:
        return 409;
    case Code::PermissionDenied:
        return 403;
    case Code::ResourceExhausted:
        return 429;
    case Code::FailedPrecondition:
        return 400;
    case Code::Aborted:
        return 409;
    case Code::OutOfRange:
        return 400;
    case Code::Unimplemented:
        return 501;
    case Code::Internal:
        return 500;
    case Code::Unavailable:
        return 503;
    case Code::DataLoss:
        return 500;
    case Code::Unauthenticated:
        return 401;
    }
    return 500;
}

// Current connect-go maps codes to the same statuses as the gateway (zitadel-api.md §7.1,
// "current connect-go" column); older releases differed for a few codes we never emit.
int MockError::connectStatus() const
{
    return restStatus();
}

QByteArray MockError::connectCode() const
{
    switch (m_code) {
    case Code::Ok:
        return "ok";
    case Code::Canceled:
        return "canceled";
    case Code::Unknown:
        return "unknown";
    case Code::InvalidArgument:
        return "invalid_argument";
    case Code::DeadlineExceeded:
        return "deadline_exceeded";
    case Code::NotFound:
        return "not_found";
    case Code::AlreadyExists:
        return "already_exists";
    case Code::PermissionDenied:
        return "permission_denied";
    case Code::ResourceExhausted:
        return "resource_exhausted";
    case Code::FailedPrecondition:
        return "failed_precondition";
    case Code::Aborted:
        return "aborted";
    case Code::OutOfRange:
        return "out_of_range";
    case Code::Unimplemented:
        return "unimplemented";
    case Code::Internal:
        return "internal";
    case Code::Unavailable:
        return "unavailable";
    case Code::DataLoss:
        return "data_loss";
    case Code::Unauthenticated:
        return "unauthenticated";
    }
    return "unknown";
}

QByteArray MockError::restBody() const
{
    MockJsonWriter w;
    w.beginObject();
    w.field("code", qint64(m_code));
    w.field("message", message());
    if (!m_id.isEmpty()) {
        w.key("details");
        w.beginArray();
        w.beginObject();
        w.field("@type", QLatin1String("type.googleapis.com/zitadel.v1.ErrorDetail"));
        w.field("id", m_id);
        w.field("message", m_text);
        w.endObject();
        w.endArray();
    }
    w.endObject();
    return w.take();
}

QByteArray MockError::connectBody() const
{
    MockJsonWriter w;
    w.beginObject();
    w.field("code", QLatin1String(connectCode()));
    w.field("message", message());
    if (!m_id.isEmpty()) {
        w.key("details");
        w.beginArray();
        w.beginObject();
        w.field("type", QLatin1String("zitadel.v1.ErrorDetail"));
        w.field("value", QLatin1String(errorDetailBase64(m_id, m_text)));
        w.key("debug");
        w.beginObject();
        w.field("id", m_id);
        w.field("message", m_text);
        w.endObject();
        w.endObject();
        w.endArray();
    }
    w.endObject();
    return w.take();
}

namespace
{
void appendVarint(QByteArray& out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

void appendStringField(QByteArray& out, int fieldNumber, const QString& value)
{
    if (value.isEmpty())
        return; // proto3 does not serialise empty strings
    const QByteArray utf8 = value.toUtf8();
    appendVarint(out, quint64(fieldNumber) << 3 | 2); // wire type 2: length-delimited
    appendVarint(out, quint64(utf8.size()));
    out.append(utf8);
}
} // namespace

QByteArray MockError::errorDetailBase64(const QString& id, const QString& text)
{
    QByteArray proto;
    appendStringField(proto, 1, id);
    appendStringField(proto, 2, text);
    return proto.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals);
}
