#include "MockResourceJson.h"

namespace
{
const char* genderName(MockGender g)
{
    switch (g) {
    case MockGender::Unspecified:
        return nullptr;
    case MockGender::Female:
        return "GENDER_FEMALE";
    case MockGender::Male:
        return "GENDER_MALE";
    case MockGender::Diverse:
        return "GENDER_DIVERSE";
    }
    return nullptr;
}

const char* orgStateV1(MockOrgState s)
{
    switch (s) {
    case MockOrgState::Unspecified:
        return nullptr;
    case MockOrgState::Active:
        return "ORG_STATE_ACTIVE";
    case MockOrgState::Inactive:
        return "ORG_STATE_INACTIVE";
    case MockOrgState::Removed:
        return "ORG_STATE_REMOVED";
    }
    return nullptr;
}

const char* orgStateV2(MockOrgState s)
{
    switch (s) {
    case MockOrgState::Unspecified:
        return nullptr;
    case MockOrgState::Active:
        return "ORGANIZATION_STATE_ACTIVE";
    case MockOrgState::Inactive:
        return "ORGANIZATION_STATE_INACTIVE";
    case MockOrgState::Removed:
        return "ORGANIZATION_STATE_REMOVED";
    }
    return nullptr;
}

void loginNames(MockJsonWriter& w, const MockUser& user, const MockOrg& org)
{
    // One login name per user: user name at the primary domain, as in the doc's examples.
    const QString login = user.userName + QLatin1Char('@') + org.primaryDomain;
    w.key("loginNames");
    w.beginArray();
    w.value(QStringView(login));
    w.endArray();
    w.field("preferredLoginName", QStringView(login));
}

void machine(MockJsonWriter& w, const MockUser& user)
{
    w.key("machine");
    w.beginObject();
    w.optString("name", user.machineName);
    w.optString("description", user.description);
    w.optBool("hasSecret", user.hasSecret);
    w.optEnum("accessTokenType", user.jwtAccessToken ? "ACCESS_TOKEN_TYPE_JWT" : nullptr);
    w.endObject();
}
} // namespace

const char* MockResourceJson::userStateV1(MockUserState state)
{
    switch (state) {
    case MockUserState::Unspecified:
        return nullptr;
    case MockUserState::Active:
        return "USER_STATE_ACTIVE";
    case MockUserState::Inactive:
        return "USER_STATE_INACTIVE";
    case MockUserState::Deleted:
        return "USER_STATE_DELETED";
    case MockUserState::Locked:
        return "USER_STATE_LOCKED";
    case MockUserState::Suspend:
        return "USER_STATE_SUSPEND";
    case MockUserState::Initial:
        return "USER_STATE_INITIAL";
    }
    return nullptr;
}

const char* MockResourceJson::userStateV2(MockUserState state)
{
    if (state == MockUserState::Suspend)
        return nullptr; // v2 has no SUSPEND; the seed loader does not produce it for v2 views
    return userStateV1(state);
}

void MockResourceJson::detailsV1(
    MockJsonWriter& w, quint64 sequence, const QDateTime& creation, const QDateTime& change, const QString& owner)
{
    w.key("details");
    w.beginObject();
    w.optUint64("sequence", sequence);
    w.optTimestamp("creationDate", creation);
    w.optTimestamp("changeDate", change);
    w.optString("resourceOwner", owner);
    w.endObject();
}

void MockResourceJson::detailsV2(
    MockJsonWriter& w, quint64 sequence, const QDateTime& change, const QString& owner, const QDateTime& creation)
{
    w.key("details");
    w.beginObject();
    w.optUint64("sequence", sequence);
    w.optTimestamp("changeDate", change);
    w.optString("resourceOwner", owner);
    w.optTimestamp("creationDate", creation);
    w.endObject();
}

void MockResourceJson::listDetailsV1(
    MockJsonWriter& w, quint64 total, quint64 processedSequence, const QDateTime& viewTimestamp)
{
    w.key("details");
    w.beginObject();
    w.optUint64("totalResult", total);
    w.optUint64("processedSequence", processedSequence);
    w.optTimestamp("viewTimestamp", viewTimestamp);
    w.endObject();
}

void MockResourceJson::listDetailsV2(
    MockJsonWriter& w, quint64 total, quint64 processedSequence, const QDateTime& timestamp)
{
    w.key("details");
    w.beginObject();
    w.optUint64("totalResult", total);
    w.optUint64("processedSequence", processedSequence);
    w.optTimestamp("timestamp", timestamp);
    w.endObject();
}

namespace
{
// zitadel.user.v1.Human and zitadel.user.v2.HumanUser carry the same data under different
// names; v2 adds passwordChangeRequired.
struct HumanNames
{
    const char* givenName;
    const char* familyName;
    const char* emailVerified;
    const char* phoneVerified;
    bool passwordChangeRequired;
};
constexpr HumanNames humanV1 {"firstName", "lastName", "isEmailVerified", "isPhoneVerified", false};
constexpr HumanNames humanV2 {"givenName", "familyName", "isVerified", "isVerified", true};

// ZITADEL's converters always set the email and phone messages of a human, so a user
// without phone shows "phone":{} (a set but empty message), never a missing key.
void human(MockJsonWriter& w, const MockUser& user, const HumanNames& names)
{
    w.key("human");
    w.beginObject();
    w.key("profile");
    w.beginObject();
    w.optString(names.givenName, user.givenName);
    w.optString(names.familyName, user.familyName);
    w.optString("nickName", user.nickName);
    w.optString("displayName", user.displayName);
    w.optString("preferredLanguage", user.preferredLanguage);
    w.optEnum("gender", genderName(user.gender));
    w.endObject();
    w.key("email");
    w.beginObject();
    w.optString("email", user.email);
    w.optBool(names.emailVerified, user.emailVerified);
    w.endObject();
    w.key("phone");
    w.beginObject();
    w.optString("phone", user.phone);
    w.optBool(names.phoneVerified, user.phoneVerified);
    w.endObject();
    if (names.passwordChangeRequired)
        w.optBool("passwordChangeRequired", user.passwordChangeRequired);
    w.optTimestamp("passwordChanged", user.passwordChanged);
    w.endObject();
}
} // namespace

void MockResourceJson::userV1(MockJsonWriter& w, const MockUser& user, const MockOrg& org)
{
    w.beginObject();
    w.field("id", QStringView(user.id));
    detailsV1(w, user.sequence, user.creationDate, user.changeDate, user.orgId);
    w.optEnum("state", userStateV1(user.state));
    w.optString("userName", user.userName);
    loginNames(w, user, org);
    if (user.isHuman())
        human(w, user, humanV1);
    else
        machine(w, user);
    w.endObject();
}

// The nested HumanUser repeats userId/state/username/loginNames in the proto; the server's
// converter leaves them empty (zitadel-api.md §4.3 marks this UNCONFIRMED; the doc's example
// shows them absent), so they are omitted here.
void MockResourceJson::userV2(MockJsonWriter& w, const MockUser& user, const MockOrg& org)
{
    w.beginObject();
    w.field("userId", QStringView(user.id));
    detailsV2(w, user.sequence, user.changeDate, user.orgId, user.creationDate);
    w.optEnum("state", userStateV2(user.state));
    w.optString("username", user.userName);
    loginNames(w, user, org);
    if (user.isHuman())
        human(w, user, humanV2);
    else
        machine(w, user);
    w.endObject();
}

void MockResourceJson::orgV1(MockJsonWriter& w, const MockOrg& org)
{
    w.beginObject();
    w.field("id", QStringView(org.id));
    detailsV1(w, org.sequence, org.creationDate, org.changeDate, org.id);
    w.optEnum("state", orgStateV1(org.state));
    w.optString("name", org.name);
    w.optString("primaryDomain", org.primaryDomain);
    w.endObject();
}

void MockResourceJson::orgV2(MockJsonWriter& w, const MockOrg& org)
{
    w.beginObject();
    w.field("id", QStringView(org.id));
    detailsV2(w, org.sequence, org.changeDate, org.id, org.creationDate);
    w.optEnum("state", orgStateV2(org.state));
    w.optString("name", org.name);
    w.optString("primaryDomain", org.primaryDomain);
    w.endObject();
}
