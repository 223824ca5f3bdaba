#pragma once

#include <QJsonObject>
#include <QString>

// Who is signed in, from the userinfo endpoint, for the status bar.
struct SignedInPerson
{
    QString subject; // the user id
    QString name;
    QString loginName; // preferred_username
    QString email;
    QString organizationId; // urn:zitadel:iam:user:resourceowner:id
    QString organizationName; // urn:zitadel:iam:user:resourceowner:name

    bool isValid() const { return !subject.isEmpty(); }
    // "Daisy Duck", or the login name, or the user id: the best name there is.
    QString displayName() const;

    static SignedInPerson fromUserInfo(const QJsonObject& claims);
};
