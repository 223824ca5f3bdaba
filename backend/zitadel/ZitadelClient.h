#pragma once

#include "ApiCall.h"
#include "ZitadelTypes.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

// The outcome of one call: a value, or an error, and the exchange that produced it (null when
// the client refused the input and nothing was sent).
template <class T>
struct Result
{
    std::optional<T> value;
    ApiError error;
    ExchangePtr exchange;
    bool ok() const { return value.has_value(); }
};

template <class T>
using Callback = std::function<void(const Result<T>&)>;

// ZITADEL's HTTP API, asynchronously, over one QNetworkAccessManager. Live and mock differ
// only in base URL and token. Every call validates its input first (nothing is sent when it
// is invalid), has one timeout, is never retried, and reports an Exchange.
class ZitadelClient : public QObject
{
    Q_OBJECT

public:
    // v2 methods can go over the REST gateway (/v2/...) or the Connect protocol
    // (/zitadel.user.v2.UserService/...); the official SDKs use Connect.
    enum class V2Transport
    {
        Rest,
        Connect
    };

    static constexpr int DefaultTimeoutMs = 30000;

    // Creates its own QNetworkAccessManager, with a SystemProxyFactory: the system's proxy for
    // other hosts, never one for this computer (the embedded mock).
    explicit ZitadelClient(QObject* parent = nullptr);
    // Uses a shared QNetworkAccessManager (not owned); its owner decides about proxies.
    explicit ZitadelClient(QNetworkAccessManager* nam, QObject* parent = nullptr);

    // Returns a plain sentence when the URL is unusable; the previous URL is kept then.
    std::optional<QString> setBaseUrl(const QUrl& baseUrl);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString& token) { m_token = token; }
    // Forgets URL, token and extra CAs: until the next setBaseUrl() every call fails before
    // sending, so nothing can reach the previous server while another connection is being set up.
    void clearConnection()
    {
        m_baseUrl = QUrl();
        m_token.clear();
        setExtraCaCertificates({});
    }
    // Certificate authorities trusted on top of the system's (a profile's extra CA file) for
    // every following call; empty for the system's alone. Nothing here can switch checks off.
    void setExtraCaCertificates(const QList<QSslCertificate>& certificates);
    QList<QSslCertificate> extraCaCertificates() const { return m_extraCas; }
    bool hasToken() const { return !m_token.isEmpty(); }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds > 0 ? milliseconds : DefaultTimeoutMs; }
    int timeout() const { return m_timeoutMs; }
    void setV2Transport(V2Transport transport) { m_transport = transport; }
    V2Transport v2Transport() const { return m_transport; }

    // Cancels every call in flight (e.g. when the connection changes); each reports Cancelled.
    // Sign-in calls marked survivesCancelAll go on; their owner drops answers it no longer wants.
    void cancelAll();

    // Organizations: v2 ListOrganizations (name filter, paging); v1 GetMyOrg, optionally in
    // the context of another organization (x-zitadel-orgid).
    ApiCall* listOrganizations(const OrganizationQuery& query, Callback<OrganizationPage> done);
    ApiCall* getMyOrg(const QString& organizationId, Callback<Organization> done);

    // Users: v2 ListUsers and GetUserByID.
    ApiCall* listUsers(const UserQuery& query, Callback<UserPage> done);
    ApiCall* getUserById(const QString& userId, Callback<User> done);

    // Resends. v2 email/phone (send, optionally with a link template, or return the code);
    // v1 management with the organization as x-zitadel-orgid; v3alpha contact email.
    ApiCall* resendEmailCode(const QString& userId, const ResendOptions& options, Callback<ResendResult> done);
    ApiCall* resendPhoneCode(const QString& userId, const ResendOptions& options, Callback<ResendResult> done);
    ApiCall* resendHumanEmailVerification(
        const QString& userId, const QString& organizationId, Callback<ResendResult> done);
    ApiCall* resendHumanPhoneVerification(
        const QString& userId, const QString& organizationId, Callback<ResendResult> done);
    ApiCall* resendContactEmailCode(const QString& userId, const ResendOptions& options, Callback<ResendResult> done);

    // Verification: v2 VerifyEmail / VerifyPhone with the code the user received. Refused
    // before sending when the code is empty, longer than 20 characters or has outer spaces.
    ApiCall* verifyEmail(const QString& userId, const QString& code, Callback<VerifyResult> done);
    ApiCall* verifyPhone(const QString& userId, const QString& code, Callback<VerifyResult> done);

    // A call outside ZITADEL's API families: the sign-in endpoints (OidcClient). It shares the
    // manager, TLS settings, timeout, exchange numbering and exchangeFinished with every other
    // call, so the inspector shows sign-in traffic in order with the rest. `headers` go over the
    // wire; the exchange records `recordedHeaders` instead, so secrets can be masked there. The
    // completion runs before the exchange is published and may rewrite it (OidcRedaction).
    struct ExternalRequest
    {
        ApiOperation operation = ApiOperation::SignIn;
        QString operationName; // e.g. "Token (sign-in code)"
        QUrl url;
        QByteArray method = "GET";
        HeaderList headers;
        HeaderList recordedHeaders;
        QByteArray body;
        // cancelAll() leaves it running: a refresh or revocation must reach its end, because
        // only its answer tells what the server now holds (a rotated token, a revoked one).
        bool survivesCancelAll = false;
    };
    ApiCall* sendExternal(const ExternalRequest& request, ApiCall::Completion completion);
    // What the inspector shows in place of a bearer token.
    static QByteArray maskedAuthorization();

Q_SIGNALS:
    // Every exchange that went over the wire, successful or not, as soon as it finished.
    void exchangeFinished(ExchangePtr exchange);

private:
    struct Route
    {
        QByteArray method;
        QString path; // already percent-encoded where it holds ids
        QJsonObject body; // sent unless method is GET
        QString organizationContext; // x-zitadel-orgid, v1 only
        bool connect = false;
    };

    template <class T>
    using Parser = std::function<std::optional<T>(const QJsonObject& body, QString* problem)>;

    template <class T>
    ApiCall* send(ApiOperation operation,
        const QString& operationName,
        std::optional<QString> inputProblem,
        const std::function<Route()>& route,
        Parser<T> parse,
        Callback<T> done);

    // REST or Connect route for a v2 method.
    Route v2Route(const char* restMethod,
        const QString& restPath,
        const QJsonObject& restBody,
        const char* connectService,
        const char* connectMethod,
        const QJsonObject& connectBody) const;
    QUrl urlFor(const QString& path) const;
    ApiCall* verify(bool email, const QString& userId, const QString& code, Callback<VerifyResult> done);

    QNetworkAccessManager* m_nam = nullptr;
    QList<QSslCertificate> m_extraCas;
    QSslConfiguration m_tlsWithExtraCas; // used only while m_extraCas is not empty
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = DefaultTimeoutMs;
    V2Transport m_transport = V2Transport::Rest;
    quint64 m_nextExchangeId = 1;
};
