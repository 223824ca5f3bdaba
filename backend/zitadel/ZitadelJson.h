#pragma once

#include "ZitadelTypes.h"

#include <QJsonObject>

// protobuf-JSON in both directions, as pure functions. Decoding is lenient the way protojson
// is: absent means default, 64-bit numbers may be strings or numbers, unknown fields are
// ignored.
namespace ZitadelJson
{
quint64 toUInt64(const QJsonValue& value);
QDateTime toTimestamp(const QJsonValue& value);

ObjectDetails detailsFromJson(const QJsonObject& o);
Organization organizationFromJson(const QJsonObject& o); // v2 Organization and v1 Org
User userFromV2Json(const QJsonObject& o);
// Accepts the v2 details {sequence, changeDate, resourceOwner} and the v3alpha resources
// details {id, created, changed, owner{type,id}}: the seed page and the proto disagree.
ResendResult resendResultFromJson(const QJsonObject& o);

QJsonObject listUsersRequest(const UserQuery& query);
QJsonObject listOrganizationsRequest(const OrganizationQuery& query);
// The oneof "verification" for email resends: {"sendCode":{...}} or {"returnCode":{}}.
QJsonObject emailVerification(const ResendOptions& options);
QJsonObject phoneVerification(const ResendOptions& options);
} // namespace ZitadelJson
