#include "RouterHarness.h"

#include <QJsonArray>

RouterHarness::RouterHarness(const MockOptions& options)
    : m_now(QDateTime::fromString(QStringLiteral("2026-03-02T14:20:01.733Z"), Qt::ISODateWithMs))
{
    m_zitadel = MockZitadel::create(options, &m_error);
    if (!m_zitadel)
        return;
    m_zitadel->setClock([this] { return m_now; });
    m_router = std::make_unique<MockRouter>(m_zitadel.get());
}

MockResponse RouterHarness::send(const QByteArray& method,
    const QByteArray& path,
    const QByteArray& token,
    const QByteArray& body,
    const QList<QPair<QByteArray, QByteArray>>& extraHeaders)
{
    MockRequest r;
    r.method = method;
    const qsizetype q = path.indexOf('?');
    r.path = q < 0 ? path : path.left(q);
    r.query = q < 0 ? QByteArray() : path.mid(q + 1);
    if (!token.isNull())
        r.headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token});
    r.headers.append(extraHeaders);
    r.body = body;
    return m_router->handle(r);
}

MockResponse RouterHarness::connect(const QByteArray& procedure, const QByteArray& token, const QJsonObject& body)
{
    return send("POST",
        '/' + procedure,
        token,
        QJsonDocument(body).toJson(QJsonDocument::Compact),
        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
}

QJsonObject RouterHarness::json(const MockResponse& response)
{
    return QJsonDocument::fromJson(response.body).object();
}

QJsonObject RouterHarness::restError(int code, const QString& id, const QString& text)
{
    if (id.isEmpty())
        return QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), text}};
    const QJsonObject detail {{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/zitadel.v1.ErrorDetail")},
        {QStringLiteral("id"), id},
        {QStringLiteral("message"), text}};
    return QJsonObject {{QStringLiteral("code"), code},
        {QStringLiteral("message"), QStringLiteral("%1 (%2)").arg(text, id)},
        {QStringLiteral("details"), QJsonArray {detail}}};
}

QJsonObject RouterHarness::connectError(const QString& code, const QString& id, const QString& text)
{
    if (id.isEmpty())
        return QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), text}};
    const QJsonObject detail {{QStringLiteral("type"), QStringLiteral("zitadel.v1.ErrorDetail")},
        {QStringLiteral("value"), QString::fromLatin1(errorDetailValue(id, text))},
        {QStringLiteral("debug"), QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("message"), text}}}};
    return QJsonObject {{QStringLiteral("code"), code},
        {QStringLiteral("message"), QStringLiteral("%1 (%2)").arg(text, id)},
        {QStringLiteral("details"), QJsonArray {detail}}};
}

// protobuf: field 1 (id) and field 2 (message), both length-delimited; short strings only,
// so every length fits in one varint byte.
QByteArray RouterHarness::errorDetailValue(const QString& id, const QString& text)
{
    QByteArray proto;
    const QByteArray i = id.toUtf8();
    const QByteArray m = text.toUtf8();
    Q_ASSERT(i.size() < 128 && m.size() < 128);
    proto.append(char(0x0a)).append(char(i.size())).append(i);
    proto.append(char(0x12)).append(char(m.size())).append(m);
    return proto.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals);
}

QByteArray RouterHarness::header(const MockResponse& response, const QByteArray& name)
{
    for (const auto& h : response.headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}
