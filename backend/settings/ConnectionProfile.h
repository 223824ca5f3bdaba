#pragma once

#include <QString>
#include <QUrl>

// One saved live connection: where the ZITADEL instance is and how to call it. The token is
// never part of it; it lives in the SecretStore under secretKey(), which depends only on the
// id, so renaming a profile keeps its token.
struct ConnectionProfile
{
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

    QString secretKey() const { return QStringLiteral("profile/") + id; }

    bool operator==(const ConnectionProfile& other) const
    {
        return id == other.id && name == other.name && baseUrl == other.baseUrl
            && defaultOrganizationId == other.defaultOrganizationId && extraCaFile == other.extraCaFile
            && allowPlainHttp == other.allowPlainHttp;
    }
    bool operator!=(const ConnectionProfile& other) const { return !(*this == other); }
};
