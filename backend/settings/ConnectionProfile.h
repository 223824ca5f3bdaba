#pragma once

#include <QString>
#include <QUrl>

// One saved live connection: where the ZITADEL instance is and how to call it. The token is
// never part of it; it lives in the SecretStore under secretKey(), which depends only on the
// id, so renaming a profile keeps its token. A sign-in keeps its refresh token under
// signInSecretKey() instead, so switching between the two never hands one to the other's use.
struct ConnectionProfile
{
    enum class Credential
    {
        PersonalAccessToken, // a service user's token, pasted once
        SignIn, // the person signs in with ZITADEL (OIDC code flow + PKCE) as themselves
    };

    QString id; // stable QUuid without braces, assigned by ProfileStore::save
    QString name; // shown to people; unique, case-insensitively
    QUrl baseUrl; // e.g. https://acme.zitadel.cloud
    QString defaultOrganizationId; // optional, digits only
    // One more CA (PEM or DER file) trusted for this profile's TLS connections, on top of the
    // system's; empty for none. There is deliberately no way to ignore TLS errors.
    QString extraCaFile;
    // The person chose to send the token over plain http:// to a host that is not this
    // computer (a lab server, say). Without it such a profile does not validate.
    bool allowPlainHttp = false;
    Credential credential = Credential::PersonalAccessToken;
    QString clientId; // of the Native application in ZITADEL; SignIn only

    QString secretKey() const { return QStringLiteral("profile/") + id; }
    QString signInSecretKey() const { return secretKey() + QStringLiteral("/sign-in"); }
    bool signsIn() const { return credential == Credential::SignIn; }

    bool operator==(const ConnectionProfile& other) const
    {
        return id == other.id && name == other.name && baseUrl == other.baseUrl
            && defaultOrganizationId == other.defaultOrganizationId && extraCaFile == other.extraCaFile
            && allowPlainHttp == other.allowPlainHttp && credential == other.credential && clientId == other.clientId;
    }
    bool operator!=(const ConnectionProfile& other) const { return !(*this == other); }
};
