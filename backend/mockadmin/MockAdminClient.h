#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// One answer of the admin API: the JSON object (or the raw body, for a saved state file), or
// a plain sentence saying what went wrong.
struct MockAdminReply
{
    int status = 0; // HTTP status; 0 when no answer came
    QByteArray body;
    QJsonObject json; // the body parsed, when it was a JSON object
    QString error; // empty on success

    bool ok() const { return error.isEmpty(); }
};

using MockAdminCallback = std::function<void(const MockAdminReply&)>;

// The mock's admin API (/_mock/..., docs/mock-workbench.md) over HTTP with the admin token.
// Asynchronous; every request has one timeout and is never retried. The admin token is sent
// only to the configured base URL and never logged.
class MockAdminClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 15000;

    explicit MockAdminClient(QObject* parent = nullptr);
    ~MockAdminClient() override;

    void setEndpoint(const QUrl& baseUrl, const QString& adminToken);
    void clearEndpoint() { setEndpoint(QUrl(), QString()); }
    bool hasEndpoint() const { return m_baseUrl.isValid() && !m_token.isEmpty(); }
    QUrl baseUrl() const { return m_baseUrl; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds > 0 ? milliseconds : DefaultTimeoutMs; }
    // Drops every request in flight without calling its callback.
    void cancelAll();

    // `path` is relative to /_mock, e.g. "outbox" or "faults/3".
    void get(const QString& path, const QUrlQuery& query, MockAdminCallback done);
    void post(const QString& path, const QJsonObject& body, MockAdminCallback done);
    void put(const QString& path, const QByteArray& jsonBody, MockAdminCallback done);
    void remove(const QString& path, MockAdminCallback done);

private:
    void send(const QByteArray& method,
        const QString& path,
        const QUrlQuery& query,
        const QByteArray& body,
        MockAdminCallback done);
    void finish(QNetworkReply* reply, const MockAdminCallback& done);

    QNetworkAccessManager* m_nam;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = DefaultTimeoutMs;
    quint64 m_generation = 0; // answers from before setEndpoint()/cancelAll() are dropped
};
