#pragma once

#include "OidcConfiguration.h"
#include "OidcTokenSet.h"
#include "SignedInPerson.h"
#include "ZitadelClient.h"

#include <QObject>
#include <QPointer>

// The calls of an OpenID Connect sign-in against ZITADEL (discovery, token, userinfo,
// revocation), sent through the ZitadelClient so they share its TLS settings, timeout and
// proxy, and show in the inspector with every secret masked (OidcRedaction). Like every call
// here, none is ever retried. OAuth error answers become sentences (OAuthError).
class OidcClient : public QObject
{
    Q_OBJECT

public:
    explicit OidcClient(ZitadelClient* transport, QObject* parent = nullptr);

    ApiCall* discover(const QUrl& baseUrl, Callback<OidcConfiguration> done);
    // grant_type=authorization_code with the PKCE verifier (RFC 7636 §4.5).
    ApiCall* exchangeCode(const OidcConfiguration& config,
        const QString& clientId,
        const QString& code,
        const QUrl& redirectUri,
        const QByteArray& verifier,
        Callback<OidcTokenSet> done);
    // grant_type=refresh_token. ZITADEL may rotate the refresh token: a new one in the answer
    // replaces the old, which then no longer works.
    ApiCall* refresh(const OidcConfiguration& config,
        const QString& clientId,
        const QString& refreshToken,
        Callback<OidcTokenSet> done);
    ApiCall* userInfo(const OidcConfiguration& config, const QString& accessToken, Callback<SignedInPerson> done);
    // RFC 7009; `hint` is "refresh_token" or "access_token". The server answers 200 also for
    // tokens it does not know.
    ApiCall* revoke(const OidcConfiguration& config,
        const QString& clientId,
        const QString& token,
        const QString& hint,
        Callback<bool> done);

private:
    // Every form POST carries a secret: `done` must redact the exchange (OidcRedaction) before
    // it returns, because the exchange is published to the inspector right after.
    ApiCall* postForm(const QUrl& url, const QString& operationName, const QByteArray& form, ApiCall::Completion done);
    ApiCall* token(const OidcConfiguration& config,
        const QString& operationName,
        const QString& clientId,
        const QByteArray& form,
        bool refreshing,
        Callback<OidcTokenSet> done);

    QPointer<ZitadelClient> m_transport;
};
