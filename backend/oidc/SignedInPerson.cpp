#include "SignedInPerson.h"

QString SignedInPerson::displayName() const
{
    if (!name.isEmpty())
        return name;
    if (!loginName.isEmpty())
        return loginName;
    return subject;
}

SignedInPerson SignedInPerson::fromUserInfo(const QJsonObject& claims)
{
    auto text = [&](const char* key) { return claims.value(QLatin1String(key)).toString().left(200); };
    SignedInPerson person;
    person.subject = text("sub");
    person.name = text("name");
    person.loginName = text("preferred_username");
    person.email = text("email");
    // ZITADEL adds these with the scope urn:zitadel:iam:user:resourceowner.
    person.organizationId = text("urn:zitadel:iam:user:resourceowner:id");
    person.organizationName = text("urn:zitadel:iam:user:resourceowner:name");
    return person;
}
