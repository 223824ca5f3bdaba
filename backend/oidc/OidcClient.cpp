#include "OidcClient.h"

#include "ClientLogging.h"
#include "ErrorDecoder.h"
#include "OAuthError.h"
#include "OidcRedaction.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace
{
QByteArray formOf(std::initializer_list<std::pair<const char*, QString>> fields)
{
    QByteArray form;
    for (const auto& [key, value] : fields) {
        if (!form.isEmpty())
            form += '&';
        form += key;
        form += '=';
        form += QUrl::toPercentEncoding(value);
    }
    return form;
}

// An OAuth error answer ({"error": ..., "error_description": ...}) speaks more plainly than
// the status alone: its sentence replaces the decoder's.
void explainOAuthError(Exchange& exchange, OAuthError::Step step, const QString& clientId)
{
    if (!exchange.error.isError() || exchange.status == 0)
        return;
    const OAuthError::Parsed parsed = OAuthError::fromJson(exchange.responseJson.object());
    if (parsed.error.isEmpty()) {
        if (exchange.status == 401 && step == OAuthError::Step::UserInfo)
            exchange.error.sentence = OAuthError::sentence(step, QStringLiteral("invalid_grant"), QString(), clientId);
        return;
    }
    exchange.error.errorId = parsed.error;
    exchange.error.message = parsed.description;
    exchange.error.sentence = OAuthError::sentence(step, parsed.error, parsed.description, clientId);
}

template <class T>
Result<T> resultOf(const std::shared_ptr<Exchange>& exchange)
{
    Result<T> result;
    result.error = exchange->error;
    if (exchange->sent)
        result.exchange = exchange;
    return result;
}
} // namespace

OidcClient::OidcClient(ZitadelClient* transport, QObject* parent)
    : QObject(parent)
    , m_transport(transport)
{ }

ApiCall* OidcClient::discover(const QUrl& baseUrl, Callback<OidcConfiguration> done)
{
    if (!m_transport)
        return nullptr;
    ZitadelClient::ExternalRequest request;
    request.operationName = QStringLiteral("OpenID configuration");
    request.url = OidcConfiguration::discoveryUrl(baseUrl);
    request.headers = {{"Accept", "application/json"}};
    request.recordedHeaders = request.headers;
    return m_transport->sendExternal(request, [baseUrl, done](const std::shared_ptr<Exchange>& exchange) {
        if (!exchange->error.isError()) {
            QString problem;
            const auto config = OidcConfiguration::fromJson(exchange->responseJson.object(), baseUrl, &problem);
            if (!config)
                exchange->error = ErrorDecoder::malformed(ApiOperation::SignIn, exchange->status, problem);
            else if (done) {
                Result<OidcConfiguration> result = resultOf<OidcConfiguration>(exchange);
                result.value = config;
                done(result);
                return;
            }
            exchange->error.sentence = problem;
        } else if (exchange->status == 404) {
            exchange->error.sentence = tr("%1 offers no sign-in (no OpenID configuration). Is it a ZITADEL instance?")
                                           .arg(baseUrl.toDisplayString());
        }
        if (done)
            done(resultOf<OidcConfiguration>(exchange));
    });
}

ApiCall* OidcClient::postForm(
    const QUrl& url, const QString& operationName, const QByteArray& form, ApiCall::Completion done)
{
    if (!m_transport)
        return nullptr;
    ZitadelClient::ExternalRequest request;
    request.operationName = operationName;
    request.url = url;
    request.method = "POST";
    request.headers = {{"Accept", "application/json"}, {"Content-Type", "application/x-www-form-urlencoded"}};
    request.recordedHeaders = request.headers;
    request.body = form;
    // A refresh or revocation that reached the server has changed what it holds; only its
    // answer tells what (see ZitadelClient::ExternalRequest::survivesCancelAll).
    request.survivesCancelAll = !form.startsWith("grant_type=authorization_code");
    return m_transport->sendExternal(request, std::move(done));
}

ApiCall* OidcClient::token(const OidcConfiguration& config,
    const QString& operationName,
    const QString& clientId,
    const QByteArray& form,
    bool refreshing,
    Callback<OidcTokenSet> done)
{
    // The tokens are read from the answer first; then the exchange is redacted, before the
    // caller or the inspector sees it.
    const auto step = refreshing ? OAuthError::Step::Refresh : OAuthError::Step::CodeExchange;
    return postForm(
        config.tokenEndpoint, operationName, form, [clientId, step, done](const std::shared_ptr<Exchange>& exchange) {
            std::optional<OidcTokenSet> tokens;
            if (!exchange->error.isError()) {
                QString problem;
                tokens = OidcTokenSet::fromJson(exchange->responseJson.object(),
                    exchange->started.addMSecs(qint64(exchange->durationMs)),
                    &problem);
                if (!tokens)
                    exchange->error = ErrorDecoder::malformed(ApiOperation::SignIn, exchange->status, problem);
            }
            explainOAuthError(*exchange, step, clientId);
            OidcRedaction::redact(*exchange);
            Result<OidcTokenSet> result = resultOf<OidcTokenSet>(exchange);
            result.value = tokens;
            if (done)
                done(result);
        });
}

ApiCall* OidcClient::exchangeCode(const OidcConfiguration& config,
    const QString& clientId,
    const QString& code,
    const QUrl& redirectUri,
    const QByteArray& verifier,
    Callback<OidcTokenSet> done)
{
    const QByteArray form = formOf({{"grant_type", QStringLiteral("authorization_code")},
        {"code", code},
        {"redirect_uri", redirectUri.toString(QUrl::FullyEncoded)},
        {"client_id", clientId},
        {"code_verifier", QString::fromLatin1(verifier)}});
    return token(config, QStringLiteral("Token (sign-in code)"), clientId, form, false, std::move(done));
}

ApiCall* OidcClient::refresh(
    const OidcConfiguration& config, const QString& clientId, const QString& refreshToken, Callback<OidcTokenSet> done)
{
    const QByteArray form = formOf(
        {{"grant_type", QStringLiteral("refresh_token")}, {"refresh_token", refreshToken}, {"client_id", clientId}});
    return token(config, QStringLiteral("Token (refresh)"), clientId, form, true, std::move(done));
}

ApiCall* OidcClient::userInfo(
    const OidcConfiguration& config, const QString& accessToken, Callback<SignedInPerson> done)
{
    ZitadelClient::ExternalRequest request;
    request.operationName = QStringLiteral("UserInfo");
    request.url = config.userinfoEndpoint;
    request.headers = {{"Accept", "application/json"}, {"Authorization", "Bearer " + accessToken.toUtf8()}};
    request.recordedHeaders = {{"Accept", "application/json"}, {"Authorization", ZitadelClient::maskedAuthorization()}};
    return m_transport->sendExternal(request, [done](const std::shared_ptr<Exchange>& exchange) {
        std::optional<SignedInPerson> person;
        if (!exchange->error.isError()) {
            person = SignedInPerson::fromUserInfo(exchange->responseJson.object());
            if (!person->isValid()) {
                exchange->error = ErrorDecoder::malformed(
                    ApiOperation::SignIn, exchange->status, QStringLiteral("the answer has no sub"));
                person.reset();
            }
        }
        explainOAuthError(*exchange, OAuthError::Step::UserInfo, QString());
        Result<SignedInPerson> result = resultOf<SignedInPerson>(exchange);
        result.value = person;
        if (done)
            done(result);
    });
}

ApiCall* OidcClient::revoke(const OidcConfiguration& config,
    const QString& clientId,
    const QString& token,
    const QString& hint,
    Callback<bool> done)
{
    const QByteArray form = formOf({{"token", token}, {"token_type_hint", hint}, {"client_id", clientId}});
    return postForm(config.revocationEndpoint,
        QStringLiteral("Revoke (%1)").arg(hint),
        form,
        [done](const std::shared_ptr<Exchange>& exchange) {
            OidcRedaction::redact(*exchange);
            // RFC 7009 §2.2: success is a 200, usually with an empty body.
            if (exchange->status == 200 && exchange->error.kind == ApiError::Kind::MalformedResponse)
                exchange->error = ApiError();
            Result<bool> result = resultOf<bool>(exchange);
            if (!exchange->error.isError())
                result.value = true;
            if (done)
                done(result);
        });
}
