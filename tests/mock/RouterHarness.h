#pragma once

#include "MockRouter.h"
#include "MockZitadel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <memory>

// Drives MockRouter directly (no sockets) for the router-level tests: builds requests,
// parses answers, and pins the mock's clock so timestamps are predictable.
class RouterHarness
{
public:
    explicit RouterHarness(const MockOptions& options = defaultOptions());

    static MockOptions defaultOptions()
    {
        MockOptions o;
        o.randomSeed = 42;
        return o;
    }

    bool ok() const { return m_zitadel != nullptr; }
    QString error() const { return m_error; }
    MockZitadel& zitadel() { return *m_zitadel; }
    MockRouter& router() { return *m_router; }

    // The clock the mock sees; advance() moves it on by `ms`.
    QDateTime now() const { return m_now; }
    void advance(qint64 ms) { m_now = m_now.addMSecs(ms); }

    MockResponse send(const QByteArray& method,
        const QByteArray& path,
        const QByteArray& token,
        const QByteArray& body = {},
        const QList<QPair<QByteArray, QByteArray>>& extraHeaders = {});
    MockResponse get(const QByteArray& path, const QByteArray& token) { return send("GET", path, token); }
    MockResponse post(const QByteArray& path, const QByteArray& token, const QJsonObject& body = {})
    {
        return send("POST", path, token, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    // An admin API call (/_mock/...) with the mock's admin token.
    MockResponse admin(const QByteArray& method, const QByteArray& path, const QByteArray& body = {})
    {
        return send(method, path, m_zitadel->adminToken().toUtf8(), body);
    }
    // A Connect unary call: POST /<service>/<method>, Content-Type application/json.
    MockResponse connect(const QByteArray& procedure, const QByteArray& token, const QJsonObject& body);

    static QJsonObject json(const MockResponse& response);

    // The error bodies ZITADEL sends, written out independently of MockError so the tests
    // do not check the mock against itself. An empty id means "no ErrorDetail".
    static QJsonObject restError(int code, const QString& id, const QString& text);
    static QJsonObject connectError(const QString& code, const QString& id, const QString& text);
    static QByteArray errorDetailValue(const QString& id, const QString& text);
    static QByteArray header(const MockResponse& response, const QByteArray& name);

private:
    std::unique_ptr<MockZitadel> m_zitadel;
    std::unique_ptr<MockRouter> m_router;
    QDateTime m_now;
    QString m_error;
};
