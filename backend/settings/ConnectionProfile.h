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

    QString secretKey() const { return QStringLiteral("profile/") + id; }

    bool operator==(const ConnectionProfile& other) const
    {
        return id == other.id && name == other.name && baseUrl == other.baseUrl
            && defaultOrganizationId == other.defaultOrganizationId;
    }
    bool operator!=(const ConnectionProfile& other) const { return !(*this == other); }
};
