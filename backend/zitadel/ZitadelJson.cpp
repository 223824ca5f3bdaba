#include "ZitadelJson.h"

#include <QJsonArray>

namespace
{
QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toObject();
}

UserState userStateFromName(const QString& name)
{
    if (name == QLatin1String("USER_STATE_ACTIVE"))
        return UserState::Active;
    if (name == QLatin1String("USER_STATE_INACTIVE"))
        return UserState::Inactive;
    if (name == QLatin1String("USER_STATE_DELETED"))
        return UserState::Deleted;
    if (name == QLatin1String("USER_STATE_LOCKED"))
        return UserState::Locked;
    if (name == QLatin1String("USER_STATE_SUSPEND"))
        return UserState::Suspend;
    if (name == QLatin1String("USER_STATE_INITIAL"))
        return UserState::Initial;
    return UserState::Unspecified;
}

OrganizationState organizationStateFromName(const QString& name)
{
    // v2 says ORGANIZATION_STATE_*, v1 ORG_STATE_*.
    if (name.endsWith(QLatin1String("_STATE_ACTIVE")))
        return OrganizationState::Active;
    if (name.endsWith(QLatin1String("_STATE_INACTIVE")))
        return OrganizationState::Inactive;
    if (name.endsWith(QLatin1String("_STATE_REMOVED")))
        return OrganizationState::Removed;
    return OrganizationState::Unspecified;
}

QJsonObject textQuery(const char* member, const char* field, const QString& text, const char* method)
{
    return QJsonObject {{QLatin1String(member),
        QJsonObject {{QLatin1String(field), text}, {QStringLiteral("method"), QLatin1String(method)}}}};
}

QJsonObject listQuery(quint64 offset, quint32 limit, bool asc)
{
    QJsonObject q {{QStringLiteral("offset"), QString::number(offset)}, {QStringLiteral("limit"), qint64(limit)}};
    if (asc)
        q.insert(QStringLiteral("asc"), true);
    return q;
}
} // namespace

namespace ZitadelJson
{
quint64 toUInt64(const QJsonValue& value)
{
    if (value.isString())
        return value.toString().toULongLong();
    if (value.isDouble()) {
        // Casting a double of 2^64 or more to quint64 is undefined behaviour; such a number is no
        // uint64, so it reads as 0 like a string that is none.
        const double number = value.toDouble();
        return number > 0 && number < 18446744073709551616.0 ? quint64(number) : 0;
    }
    return 0;
}

QDateTime toTimestamp(const QJsonValue& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

ObjectDetails detailsFromJson(const QJsonObject& o)
{
    ObjectDetails d;
    d.sequence = toUInt64(o.value(QLatin1String("sequence")));
    d.creationDate = toTimestamp(o.value(QLatin1String("creationDate")));
    d.changeDate = toTimestamp(o.value(QLatin1String("changeDate")));
    d.resourceOwner = str(o, "resourceOwner");
    return d;
}

Organization organizationFromJson(const QJsonObject& o)
{
    Organization org;
    org.id = str(o, "id");
    org.name = str(o, "name");
    org.primaryDomain = str(o, "primaryDomain");
    org.state = organizationStateFromName(str(o, "state"));
    org.details = detailsFromJson(obj(o, "details"));
    return org;
}

User userFromV2Json(const QJsonObject& o)
{
    User u;
    u.id = str(o, "userId");
    u.details = detailsFromJson(obj(o, "details"));
    u.state = userStateFromName(str(o, "state"));
    u.username = str(o, "username");
    for (const QJsonValue& v : o.value(QLatin1String("loginNames")).toArray())
        u.loginNames.append(v.toString());
    u.preferredLoginName = str(o, "preferredLoginName");
    if (o.contains(QLatin1String("human"))) {
        u.type = User::Type::Human;
        const QJsonObject human = obj(o, "human");
        const QJsonObject profile = obj(human, "profile");
        u.givenName = str(profile, "givenName");
        u.familyName = str(profile, "familyName");
        u.nickName = str(profile, "nickName");
        u.displayName = str(profile, "displayName");
        u.preferredLanguage = str(profile, "preferredLanguage");
        const QJsonObject email = obj(human, "email");
        u.email = str(email, "email");
        u.emailVerified = email.value(QLatin1String("isVerified")).toBool();
        const QJsonObject phone = obj(human, "phone");
        u.phone = str(phone, "phone");
        u.phoneVerified = phone.value(QLatin1String("isVerified")).toBool();
    } else if (o.contains(QLatin1String("machine"))) {
        u.type = User::Type::Machine;
        const QJsonObject machine = obj(o, "machine");
        u.machineName = str(machine, "name");
        u.machineDescription = str(machine, "description");
    }
    return u;
}

ResendResult resendResultFromJson(const QJsonObject& o)
{
    ResendResult r;
    const QJsonObject details = obj(o, "details");
    r.details = detailsFromJson(details);
    if (!r.details.changeDate.isValid())
        r.details.changeDate = toTimestamp(details.value(QLatin1String("changed")));
    if (!r.details.creationDate.isValid())
        r.details.creationDate = toTimestamp(details.value(QLatin1String("created")));
    if (r.details.resourceOwner.isEmpty())
        r.details.resourceOwner = str(obj(details, "owner"), "id");
    r.verificationCode = str(o, "verificationCode");
    return r;
}

QJsonObject listUsersRequest(const UserQuery& query)
{
    QJsonArray queries;
    if (!query.organizationId.isEmpty())
        queries.append(QJsonObject {{QStringLiteral("organizationIdQuery"),
            QJsonObject {{QStringLiteral("organizationId"), query.organizationId}}}});
    const QString text = query.search.trimmed();
    if (!text.isEmpty()) {
        const char* contains = "TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE";
        QJsonArray any {textQuery("userNameQuery", "userName", text, contains),
            textQuery("displayNameQuery", "displayName", text, contains),
            textQuery("emailQuery", "emailAddress", text, contains),
            QJsonObject {
                {QStringLiteral("inUserIdsQuery"), QJsonObject {{QStringLiteral("userIds"), QJsonArray {text}}}}}};
        // phoneQuery.number is limited to 20 characters; longer text cannot be a phone number.
        if (text.size() <= 20)
            any.append(textQuery("phoneQuery", "number", text, contains));
        queries.append(QJsonObject {{QStringLiteral("orQuery"), QJsonObject {{QStringLiteral("queries"), any}}}});
    }
    QJsonObject request {{QStringLiteral("query"), listQuery(query.offset, query.limit, query.asc)}};
    if (query.sortColumn != UserSortColumn::Unspecified)
        request.insert(QStringLiteral("sortingColumn"), userSortColumnName(query.sortColumn));
    if (!queries.isEmpty())
        request.insert(QStringLiteral("queries"), queries);
    return request;
}

QJsonObject listOrganizationsRequest(const OrganizationQuery& query)
{
    QJsonObject request {{QStringLiteral("query"), listQuery(query.offset, query.limit, query.asc)},
        {QStringLiteral("sortingColumn"), QStringLiteral("ORGANIZATION_FIELD_NAME_NAME")}};
    const QString name = query.nameContains.trimmed();
    if (!name.isEmpty())
        request.insert(QStringLiteral("queries"),
            QJsonArray {textQuery("nameQuery", "name", name, "TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE")});
    return request;
}

QJsonObject emailVerification(const ResendOptions& options)
{
    if (options.delivery == ResendOptions::Delivery::ReturnCode)
        return QJsonObject {{QStringLiteral("returnCode"), QJsonObject {}}};
    QJsonObject sendCode;
    if (options.urlTemplate)
        sendCode.insert(QStringLiteral("urlTemplate"), *options.urlTemplate);
    return QJsonObject {{QStringLiteral("sendCode"), sendCode}};
}

QJsonObject phoneVerification(const ResendOptions& options)
{
    if (options.delivery == ResendOptions::Delivery::ReturnCode)
        return QJsonObject {{QStringLiteral("returnCode"), QJsonObject {}}};
    return QJsonObject {{QStringLiteral("sendCode"), QJsonObject {}}};
}
} // namespace ZitadelJson
