#include "ZitadelClient.h"

#include "ClientLogging.h"
#include "RequestValidation.h"
#include "SystemProxyFactory.h"
#include "ZitadelJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslConfiguration>

Q_LOGGING_CATEGORY(lcClient, "vd.client", QtInfoMsg)

namespace
{
// Marks the sign-in calls cancelAll() leaves running (ExternalRequest::survivesCancelAll).
const char survivesCancelAllProperty[] = "vdSurvivesCancelAll";

QString encodedId(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QString usersPath(const QString& userId, const char* rest)
{
    return QStringLiteral("/v2/users/") + encodedId(userId) + QLatin1String(rest);
}

template <class T>
QList<T> listOf(const QJsonObject& body, T (*convert)(const QJsonObject&))
{
    QList<T> items;
    const QJsonArray result = body.value(QLatin1String("result")).toArray();
    items.reserve(result.size());
    for (const QJsonValue& v : result)
        items.append(convert(v.toObject()));
    return items;
}

quint64 totalOf(const QJsonObject& body)
{
    return ZitadelJson::toUInt64(body.value(QLatin1String("details")).toObject().value(QLatin1String("totalResult")));
}

std::optional<ResendResult> parseResend(const QJsonObject& body, QString* problem)
{
    if (!body.value(QLatin1String("details")).isObject()) {
        *problem = QStringLiteral("the answer has no \"details\" object");
        return std::nullopt;
    }
    return ZitadelJson::resendResultFromJson(body);
}

std::optional<VerifyResult> parseVerify(const QJsonObject& body, QString* problem)
{
    if (!body.value(QLatin1String("details")).isObject()) {
        *problem = QStringLiteral("the answer has no \"details\" object");
        return std::nullopt;
    }
    return VerifyResult {ZitadelJson::detailsFromJson(body.value(QLatin1String("details")).toObject())};
}

std::optional<QString> firstProblem(std::initializer_list<std::optional<QString>> problems)
{
    for (const auto& p : problems) {
        if (p)
            return p;
    }
    return std::nullopt;
}

std::optional<QString> tokenProblem(const QString& token)
{
    for (const QChar c : token) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return QCoreApplication::translate(
                "RequestValidation", "The token contains spaces or line breaks; paste it again without them.");
    }
    return std::nullopt;
}
} // namespace

ZitadelClient::ZitadelClient(QObject* parent)
    : ZitadelClient(new QNetworkAccessManager, parent)
{
    m_nam->setParent(this);
    m_nam->setProxyFactory(new SystemProxyFactory); // the manager owns it
}

void ZitadelClient::setExtraCaCertificates(const QList<QSslCertificate>& certificates)
{
    if (certificates == m_extraCas)
        return;
    m_extraCas = certificates;
    if (certificates.isEmpty()) {
        m_tlsWithExtraCas = QSslConfiguration();
    } else {
        // Setting CAs turns off Qt's on-demand loading of the system store, so the system's
        // CAs are listed explicitly: the extra ones are added, never a replacement.
        m_tlsWithExtraCas = QSslConfiguration::defaultConfiguration();
        m_tlsWithExtraCas.setCaCertificates(QSslConfiguration::systemCaCertificates() + certificates);
    }
    // Connections kept open were verified under the old trust; the next call starts afresh.
    m_nam->clearConnectionCache();
    qCInfo(lcClient) << "extra CA certificates:" << certificates.size();
}

ZitadelClient::ZitadelClient(QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
{ }

std::optional<QString> ZitadelClient::setBaseUrl(const QUrl& baseUrl)
{
    if (auto problem = RequestValidation::baseUrlProblem(baseUrl))
        return problem;
    m_baseUrl = baseUrl;
    return std::nullopt;
}

void ZitadelClient::cancelAll()
{
    const auto calls = findChildren<ApiCall*>(QString(), Qt::FindDirectChildrenOnly);
    for (ApiCall* call : calls) {
        if (!call->property(survivesCancelAllProperty).toBool())
            call->cancel();
    }
}

QUrl ZitadelClient::urlFor(const QString& path) const
{
    QUrl url = m_baseUrl;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path, QUrl::TolerantMode);
    return url;
}

ZitadelClient::Route ZitadelClient::v2Route(const char* restMethod,
    const QString& restPath,
    const QJsonObject& restBody,
    const char* connectService,
    const char* connectMethod,
    const QJsonObject& connectBody) const
{
    if (m_transport == V2Transport::Connect)
        return Route {QByteArrayLiteral("POST"),
            QLatin1Char('/') + QLatin1String(connectService) + QLatin1Char('/') + QLatin1String(connectMethod),
            connectBody,
            {},
            true};
    return Route {QByteArray(restMethod), restPath, restBody, {}, false};
}

template <class T>
ApiCall* ZitadelClient::send(ApiOperation operation,
    const QString& operationName,
    std::optional<QString> inputProblem,
    const std::function<Route()>& route,
    Parser<T> parse,
    Callback<T> done)
{
    QPointer<ZitadelClient> self(this);
    auto completion = [self, operation, parse = std::move(parse), done = std::move(done)](
                          const std::shared_ptr<Exchange>& exchange) {
        Result<T> result;
        if (!exchange->error.isError()) {
            QString problem;
            result.value = parse(exchange->responseJson.object(), &problem);
            if (!result.value)
                exchange->error = ErrorDecoder::malformed(operation, exchange->status, problem);
        }
        result.error = exchange->error;
        if (exchange->sent) {
            result.exchange = exchange;
            if (self)
                Q_EMIT self->exchangeFinished(exchange);
        }
        if (done)
            done(result);
    };
    auto* call = new ApiCall(operation, std::move(completion), this);

    if (!inputProblem && m_baseUrl.isEmpty())
        inputProblem = tr("No connection is set up: the instance URL is empty.");
    if (!inputProblem)
        inputProblem = tokenProblem(m_token);
    if (inputProblem) {
        call->failBeforeSending(ErrorDecoder::invalidInput(*inputProblem));
        return call;
    }

    const Route r = route();
    QNetworkRequest request(urlFor(r.path));
    HeaderList recorded;
    auto setHeader = [&](const QByteArray& name, const QByteArray& value, const QByteArray& shown) {
        request.setRawHeader(name, value);
        recorded.append({name, shown});
    };
    setHeader("Accept", "application/json", "application/json");
    if (!m_token.isEmpty())
        setHeader("Authorization", "Bearer " + m_token.toUtf8(), maskedAuthorization());
    QByteArray body;
    if (r.method != "GET") {
        body = QJsonDocument(r.body).toJson(QJsonDocument::Compact);
        setHeader("Content-Type", "application/json", "application/json");
    }
    if (r.connect)
        setHeader("Connect-Protocol-Version", "1", "1");
    if (!r.organizationContext.isEmpty())
        setHeader("x-zitadel-orgid", r.organizationContext.toUtf8(), r.organizationContext.toUtf8());
    setHeader("User-Agent", "VerifyDesk/" VD_VERSION, "VerifyDesk/" VD_VERSION);
    if (!m_extraCas.isEmpty())
        request.setSslConfiguration(m_tlsWithExtraCas);
    // Redirects and oversized answers are ApiCall's to police.

    call->start(m_nam, request, r.method, body, recorded, m_timeoutMs, operationName, m_nextExchangeId++);
    return call;
}

QByteArray ZitadelClient::maskedAuthorization()
{
    return QByteArrayLiteral("Bearer \xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2");
}

ApiCall* ZitadelClient::sendExternal(const ExternalRequest& external, ApiCall::Completion completion)
{
    QPointer<ZitadelClient> self(this);
    auto publish = [self, completion = std::move(completion)](const std::shared_ptr<Exchange>& exchange) {
        if (completion)
            completion(exchange);
        if (exchange->sent && self)
            Q_EMIT self->exchangeFinished(exchange);
    };
    auto* call = new ApiCall(external.operation, std::move(publish), this);
    call->setProperty(survivesCancelAllProperty, external.survivesCancelAll);
    const QString scheme = external.url.scheme();
    if (!external.url.isValid() || external.url.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        call->failBeforeSending(ErrorDecoder::invalidInput(
            tr("The sign-in address “%1” is not an http(s) URL.").arg(external.url.toDisplayString())));
        return call;
    }
    QNetworkRequest request(external.url);
    for (const auto& header : external.headers)
        request.setRawHeader(header.first, header.second);
    request.setRawHeader("User-Agent", "VerifyDesk/" VD_VERSION);
    if (!m_extraCas.isEmpty())
        request.setSslConfiguration(m_tlsWithExtraCas);
    HeaderList recorded = external.recordedHeaders;
    recorded.append({QByteArrayLiteral("User-Agent"), QByteArrayLiteral("VerifyDesk/" VD_VERSION)});
    call->start(m_nam,
        request,
        external.method,
        external.body,
        recorded,
        m_timeoutMs,
        external.operationName,
        m_nextExchangeId++);
    return call;
}

ApiCall* ZitadelClient::listOrganizations(const OrganizationQuery& query, Callback<OrganizationPage> done)
{
    const QJsonObject body = ZitadelJson::listOrganizationsRequest(query);
    return send<OrganizationPage>(
        ApiOperation::ListOrganizations,
        QStringLiteral("ListOrganizations (v2)"),
        RequestValidation::searchTextProblem(query.nameContains),
        [&] {
            return v2Route("POST",
                QStringLiteral("/v2/organizations/_search"),
                body,
                "zitadel.org.v2.OrganizationService",
                "ListOrganizations",
                body);
        },
        [offset = query.offset](const QJsonObject& b, QString*) {
            return std::optional<OrganizationPage>(
                OrganizationPage {listOf(b, &ZitadelJson::organizationFromJson), totalOf(b), offset});
        },
        std::move(done));
}

ApiCall* ZitadelClient::getMyOrg(const QString& organizationId, Callback<Organization> done)
{
    return send<Organization>(
        ApiOperation::GetMyOrg,
        QStringLiteral("GetMyOrg (v1)"),
        RequestValidation::organizationIdProblem(organizationId),
        [&] {
            return Route {"GET", QStringLiteral("/management/v1/orgs/me"), {}, organizationId, false};
        },
        [](const QJsonObject& b, QString* problem) -> std::optional<Organization> {
            if (!b.value(QLatin1String("org")).isObject()) {
                *problem = QStringLiteral("the answer has no \"org\" object");
                return std::nullopt;
            }
            return ZitadelJson::organizationFromJson(b.value(QLatin1String("org")).toObject());
        },
        std::move(done));
}

ApiCall* ZitadelClient::listUsers(const UserQuery& query, Callback<UserPage> done)
{
    const QJsonObject body = ZitadelJson::listUsersRequest(query);
    return send<UserPage>(
        ApiOperation::ListUsers,
        QStringLiteral("ListUsers (v2)"),
        firstProblem({RequestValidation::searchTextProblem(query.search),
            RequestValidation::organizationIdProblem(query.organizationId)}),
        [&] {
            return v2Route("POST", QStringLiteral("/v2/users"), body, "zitadel.user.v2.UserService", "ListUsers", body);
        },
        [offset = query.offset](const QJsonObject& b, QString*) {
            return std::optional<UserPage>(UserPage {listOf(b, &ZitadelJson::userFromV2Json), totalOf(b), offset});
        },
        std::move(done));
}

ApiCall* ZitadelClient::getUserById(const QString& userId, Callback<User> done)
{
    return send<User>(
        ApiOperation::GetUser,
        QStringLiteral("GetUserByID (v2)"),
        RequestValidation::userIdProblem(userId),
        [&] {
            return v2Route("GET",
                usersPath(userId, ""),
                {},
                "zitadel.user.v2.UserService",
                "GetUserByID",
                QJsonObject {{QStringLiteral("userId"), userId}});
        },
        [](const QJsonObject& b, QString* problem) -> std::optional<User> {
            if (!b.value(QLatin1String("user")).isObject()) {
                *problem = QStringLiteral("the answer has no \"user\" object");
                return std::nullopt;
            }
            return ZitadelJson::userFromV2Json(b.value(QLatin1String("user")).toObject());
        },
        std::move(done));
}

ApiCall* ZitadelClient::resendEmailCode(
    const QString& userId, const ResendOptions& options, Callback<ResendResult> done)
{
    const QJsonObject verification = ZitadelJson::emailVerification(options);
    QJsonObject connectBody = verification;
    connectBody.insert(QStringLiteral("userId"), userId);
    return send<ResendResult>(
        ApiOperation::ResendEmail,
        QStringLiteral("ResendEmailCode (v2)"),
        firstProblem(
            {RequestValidation::userIdProblem(userId), RequestValidation::urlTemplateProblem(options.urlTemplate)}),
        [&] {
            return v2Route("POST",
                usersPath(userId, "/email/resend"),
                verification,
                "zitadel.user.v2.UserService",
                "ResendEmailCode",
                connectBody);
        },
        &parseResend,
        std::move(done));
}

ApiCall* ZitadelClient::resendPhoneCode(
    const QString& userId, const ResendOptions& options, Callback<ResendResult> done)
{
    const QJsonObject verification = ZitadelJson::phoneVerification(options);
    QJsonObject connectBody = verification;
    connectBody.insert(QStringLiteral("userId"), userId);
    std::optional<QString> optionProblem;
    if (options.urlTemplate)
        optionProblem = tr("Text messages carry no link, so a URL template cannot be used for a phone code.");
    return send<ResendResult>(
        ApiOperation::ResendPhone,
        QStringLiteral("ResendPhoneCode (v2)"),
        firstProblem({RequestValidation::userIdProblem(userId), optionProblem}),
        [&] {
            return v2Route("POST",
                usersPath(userId, "/phone/resend"),
                verification,
                "zitadel.user.v2.UserService",
                "ResendPhoneCode",
                connectBody);
        },
        &parseResend,
        std::move(done));
}

ApiCall* ZitadelClient::resendHumanEmailVerification(
    const QString& userId, const QString& organizationId, Callback<ResendResult> done)
{
    return send<ResendResult>(
        ApiOperation::ResendEmail,
        QStringLiteral("ResendHumanEmailVerification (v1)"),
        firstProblem(
            {RequestValidation::userIdProblem(userId), RequestValidation::organizationIdProblem(organizationId)}),
        [&] {
            return Route {"POST",
                QStringLiteral("/management/v1/users/") + encodedId(userId)
                    + QStringLiteral("/email/_resend_verification"),
                QJsonObject {},
                organizationId,
                false};
        },
        &parseResend,
        std::move(done));
}

ApiCall* ZitadelClient::resendHumanPhoneVerification(
    const QString& userId, const QString& organizationId, Callback<ResendResult> done)
{
    return send<ResendResult>(
        ApiOperation::ResendPhone,
        QStringLiteral("ResendHumanPhoneVerification (v1)"),
        firstProblem(
            {RequestValidation::userIdProblem(userId), RequestValidation::organizationIdProblem(organizationId)}),
        [&] {
            return Route {"POST",
                QStringLiteral("/management/v1/users/") + encodedId(userId)
                    + QStringLiteral("/phone/_resend_verification"),
                QJsonObject {},
                organizationId,
                false};
        },
        &parseResend,
        std::move(done));
}

ApiCall* ZitadelClient::resendContactEmailCode(
    const QString& userId, const ResendOptions& options, Callback<ResendResult> done)
{
    QJsonObject body = ZitadelJson::emailVerification(options);
    if (!options.organizationId.isEmpty())
        body.insert(QStringLiteral("organization"), QJsonObject {{QStringLiteral("orgId"), options.organizationId}});
    return send<ResendResult>(
        ApiOperation::ResendEmail,
        QStringLiteral("ResendContactEmailCode (v3alpha)"),
        firstProblem({RequestValidation::userIdProblem(userId),
            RequestValidation::organizationIdProblem(options.organizationId),
            RequestValidation::urlTemplateProblem(options.urlTemplate)}),
        [&] {
            // v3alpha is served over the REST gateway only (API doc 12.4).
            return Route {"POST",
                QStringLiteral("/resources/v3alpha/users/") + encodedId(userId) + QStringLiteral("/email/_resend"),
                body,
                {},
                false};
        },
        &parseResend,
        std::move(done));
}

ApiCall* ZitadelClient::verifyEmail(const QString& userId, const QString& code, Callback<VerifyResult> done)
{
    return verify(true, userId, code, std::move(done));
}

ApiCall* ZitadelClient::verifyPhone(const QString& userId, const QString& code, Callback<VerifyResult> done)
{
    return verify(false, userId, code, std::move(done));
}

ApiCall* ZitadelClient::verify(bool email, const QString& userId, const QString& code, Callback<VerifyResult> done)
{
    const QJsonObject restBody {{QStringLiteral("verificationCode"), code}};
    QJsonObject connectBody = restBody;
    connectBody.insert(QStringLiteral("userId"), userId);
    return send<VerifyResult>(
        email ? ApiOperation::VerifyEmail : ApiOperation::VerifyPhone,
        email ? QStringLiteral("VerifyEmail (v2)") : QStringLiteral("VerifyPhone (v2)"),
        firstProblem({RequestValidation::userIdProblem(userId), RequestValidation::verificationCodeProblem(code)}),
        [&] {
            return v2Route("POST",
                usersPath(userId, email ? "/email/verify" : "/phone/verify"),
                restBody,
                "zitadel.user.v2.UserService",
                email ? "VerifyEmail" : "VerifyPhone",
                connectBody);
        },
        &parseVerify,
        std::move(done));
}
