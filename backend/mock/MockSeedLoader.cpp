#include "MockSeedLoader.h"

#include "MockLog.h"
#include "MockSeedFormat.h"
#include "MockTimestamp.h"
#include "MockUserGenerator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

/*
Seed document format ("verifydesk-mock-seed/1"), one JSON object:

{
  "format": "verifydesk-mock-seed/1",
  "instance": {
    "id": "312908912355500001",
    "domain": "mock.verifydesk.localhost",      // host of ZITADEL's default verification links
    "processedSequence": "20481"                // ListDetails.processedSequence before any change
  },
  "organizations": [                            // the first one is the instance default org
    { "id": "312908912355508120", "name": "ACME Corporation",
      "state": "ACTIVE",                        // ACTIVE | INACTIVE | REMOVED
      "primaryDomain": "acme.mock.verifydesk.localhost",
      "domains": ["acme.mock.verifydesk.localhost", "acme.example"],   // optional, primary added
      "mailDomain": "acme.example",             // optional: generated users' email domain
      "sequence": "44", "creationDate": "2025-01-20T08:00:02.310Z", "changeDate": "..." }
  ],
  "users": [
    { "id": "312909075211944344", "organizationId": "312908912355508120",
      "type": "human",                          // human | machine
      "state": "ACTIVE",                        // ACTIVE | INACTIVE | LOCKED | INITIAL | SUSPEND
      "userName": "minnie", "sequence": "17",
      "creationDate": "2025-01-20T08:11:45.102Z", "changeDate": "2025-03-02T14:03:09.887Z",
      "profile": { "givenName": "Minnie", "familyName": "Mouse", "nickName": "", "displayName": "Minnie Mouse",
                   "preferredLanguage": "en", "gender": "FEMALE" },     // FEMALE | MALE | DIVERSE
      "email": { "address": "minnie@example.com", "verified": true },   // omit "email": no email
      "phone": { "number": "+41791234567", "verified": false,
                 "pendingCode": "583201",       // the code last sent; omit: none was ever sent
                 "pendingCodeCreated": "2025-03-02T14:03:09.887Z" },  // optional, default changeDate
      "passwordChanged": "2025-01-20T08:15:00Z", "passwordChangeRequired": false },
    { "id": "...", "organizationId": "...", "type": "machine", "userName": "ci-bot", ...,
      "machine": { "name": "CI Bot", "description": "...", "hasSecret": true,
                   "accessTokenType": "BEARER" } }   // BEARER | JWT
  ],
  "tokens": [                                   // bearer tokens the mock accepts
    { "token": "mock-admin", "userId": "312909075211944356", "description": "...",
      "grants": [ { "organizationId": "*",      // "*" = every organization
                    "permissions": ["user.read", "user.write", "org.read"] } ] }
  ],
  "oidc": {                                     // optional: sign-in through the mock's OpenID provider
    "applications": [                           // native apps (auth method none, PKCE S256)
      { "clientId": "312909075212468632@verifydesk", "name": "Verify Desk", "type": "native",
        "projectId": "312909075212402328",      // optional: the id_token's second audience
        "redirectUris": ["http://127.0.0.1/callback"] } ],  // loopback: any port, same path and query
    "people": [                                 // human seed users the sign-in page offers
      { "userId": "312909075211944359", "role": "Administrator",
        "grants": [ { "organizationId": "*", "permissions": ["user.read"] } ] } ],  // as tokens' grants
    "accessTokenLifetimeSeconds": 43200, "idTokenLifetimeSeconds": 43200,        // optional, ZITADEL's
    "refreshTokenIdleSeconds": 2592000, "refreshTokenAbsoluteSeconds": 7776000,  // defaults
    "codeLifetimeSeconds": 600
  },
  "generatedUsersPerOrg": 100,                  // optional: generated users in every organization
  "changedGeneratedUsers": [                    // optional: generated users changed since
    { "id": "901000000000000042", "sequence": "19", "changeDate": "2026-03-02T14:20:01.733Z",
      "email": { "verified": false, "pendingCode": "K3M9QX",     // only if the user has an email
                 "pendingCodeCreated": "2026-03-02T14:20:01.733Z" }, // optional, default changeDate
      "phone": { "verified": true } }                            // only if the user has a phone
  ]
}

Timestamps are RFC 3339; sequences are strings or numbers. A token's home organization (the
v1 default org context) is its user's organization. A pending code is only allowed on an
unverified address, since ZITADEL drops the code when the address gets verified. When it was
issued ("pendingCodeCreated", the same in "email") decides whether it has expired; without it
the user's changeDate counts, because sending the code was the user's last change.

Generated users (see MockUserGenerator) follow from their id, so a saved state (MockSeedWriter)
records only the count and, for the users the mock changed, the fields it can change. An
absent "email" or "phone" there means "as generated"; a present one replaces the generated
verified flag, pending code and its issue time (absent "pendingCode": none pending). --users-per-org and the admin API's
generate never combine with a different "generatedUsersPerOrg"; MockZitadel decides that.
*/

namespace
{
class Reader
{
public:
    QString error;

    bool failed() const { return !error.isEmpty(); }

    void fail(const QString& where, const QString& what)
    {
        if (error.isEmpty())
            error = where + QLatin1String(": ") + what;
    }

    QString string(const QJsonObject& o, const char* name, const QString& where, bool required = true)
    {
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(where + QLatin1Char('.') + QLatin1String(name), QStringLiteral("missing"));
            return {};
        }
        if (!v.isString()) {
            fail(where + QLatin1Char('.') + QLatin1String(name), QStringLiteral("expected a string"));
            return {};
        }
        return v.toString();
    }

    bool boolean(const QJsonObject& o, const char* name, const QString& where)
    {
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isUndefined())
            return false;
        if (!v.isBool())
            fail(where + QLatin1Char('.') + QLatin1String(name), QStringLiteral("expected true or false"));
        return v.toBool();
    }

    quint64 uint64(const QJsonObject& o, const char* name, const QString& where)
    {
        const QJsonValue v = o.value(QLatin1String(name));
        const QString place = where + QLatin1Char('.') + QLatin1String(name);
        if (v.isUndefined())
            return 0;
        bool ok = false;
        quint64 n = 0;
        if (v.isString())
            n = v.toString().toULongLong(&ok);
        else if (v.isDouble() && v.toDouble() >= 0 && v.toDouble() < 9007199254740992.0)
            n = quint64(v.toDouble()), ok = double(n) == v.toDouble();
        if (!ok)
            fail(place, QStringLiteral("expected an unsigned integer"));
        return n;
    }

    QDateTime timestamp(const QJsonObject& o, const char* name, const QString& where, bool required)
    {
        const QString text = string(o, name, where, required);
        if (text.isEmpty())
            return {};
        const QDateTime t = MockTimestamp::parse(text);
        if (!t.isValid())
            fail(where + QLatin1Char('.') + QLatin1String(name), QStringLiteral("not an RFC 3339 timestamp"));
        return t;
    }

    QJsonObject object(const QJsonObject& o, const char* name, const QString& where, bool* present = nullptr)
    {
        const QJsonValue v = o.value(QLatin1String(name));
        if (present)
            *present = !v.isUndefined() && !v.isNull();
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject())
            fail(where + QLatin1Char('.') + QLatin1String(name), QStringLiteral("expected an object"));
        return v.toObject();
    }

    QJsonArray array(const QJsonObject& o, const char* name, const QString& where)
    {
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isUndefined())
            return {};
        if (!v.isArray())
            fail(where + QLatin1Char('.') + QLatin1String(name), QStringLiteral("expected an array"));
        return v.toArray();
    }

    template <typename E, size_t N>
    E enumeration(const QString& text, const std::pair<const char*, E> (&names)[N], const QString& where, E fallback)
    {
        for (const auto& [name, value] : names) {
            if (text == QLatin1String(name))
                return value;
        }
        fail(where, QStringLiteral("unknown value \"%1\"").arg(text));
        return fallback;
    }
};

using MockSeedFormat::AccessTokenTypes;
using MockSeedFormat::Genders;
using MockSeedFormat::OrgStates;
using MockSeedFormat::Permissions;
using MockSeedFormat::UserStates;
using MockSeedFormat::UserTypes;

// The generator's ids are 18 digits starting with 9 (see MockUserGenerator); a seed id of that
// shape could shadow a generated user, so seeds keep clear of it.
bool looksGenerated(const QString& id)
{
    return id.size() == 18 && id.startsWith(QLatin1Char('9'));
}

void readOrg(Reader& r, const QJsonObject& o, const QString& where, MockOrg* org)
{
    org->id = r.string(o, "id", where);
    org->name = r.string(o, "name", where);
    org->state =
        r.enumeration(r.string(o, "state", where), OrgStates, where + QLatin1String(".state"), MockOrgState::Active);
    org->primaryDomain = r.string(o, "primaryDomain", where);
    for (const QJsonValue& d : r.array(o, "domains", where)) {
        if (!d.isString() || d.toString().isEmpty())
            r.fail(where + QLatin1String(".domains"), QStringLiteral("expected non-empty strings"));
        else if (!org->domains.contains(d.toString()))
            org->domains.append(d.toString());
    }
    if (!org->domains.contains(org->primaryDomain))
        org->domains.prepend(org->primaryDomain);
    org->mailDomain = r.string(o, "mailDomain", where, false);
    if (org->mailDomain.isEmpty())
        org->mailDomain = org->primaryDomain;
    org->sequence = r.uint64(o, "sequence", where);
    org->creationDate = r.timestamp(o, "creationDate", where, true);
    org->changeDate = r.timestamp(o, "changeDate", where, true);
}

// When a pending code was issued (see the format above); invalid when no code is pending.
QDateTime pendingCodeCreated(
    Reader& r, const QJsonObject& contact, const QString& where, const QString& code, const QDateTime& changeDate)
{
    const QDateTime created = r.timestamp(contact, "pendingCodeCreated", where, false);
    if (code.isEmpty()) {
        if (created.isValid())
            r.fail(where + QLatin1String(".pendingCodeCreated"), QStringLiteral("given without a pendingCode"));
        return {};
    }
    return created.isValid() ? created : changeDate;
}

void readUser(Reader& r, const QJsonObject& o, const QString& where, MockUser* user)
{
    user->id = r.string(o, "id", where);
    user->orgId = r.string(o, "organizationId", where);
    user->type =
        r.enumeration(r.string(o, "type", where), UserTypes, where + QLatin1String(".type"), MockUserType::Human);
    user->state =
        r.enumeration(r.string(o, "state", where), UserStates, where + QLatin1String(".state"), MockUserState::Active);
    user->userName = r.string(o, "userName", where);
    user->sequence = r.uint64(o, "sequence", where);
    user->creationDate = r.timestamp(o, "creationDate", where, true);
    user->changeDate = r.timestamp(o, "changeDate", where, true);
    if (user->sequence == 0)
        r.fail(where + QLatin1String(".sequence"), QStringLiteral("must be at least 1"));
    if (user->id.isEmpty() || user->userName.isEmpty())
        r.fail(where, QStringLiteral("id and userName must not be empty"));
    if (looksGenerated(user->id))
        r.fail(where + QLatin1String(".id"),
            QStringLiteral("18-digit ids starting with 9 are reserved for generated users"));

    if (user->type == MockUserType::Machine) {
        const QString m = where + QLatin1String(".machine");
        const QJsonObject machine = r.object(o, "machine", where);
        user->machineName = r.string(machine, "name", m);
        user->description = r.string(machine, "description", m, false);
        user->hasSecret = r.boolean(machine, "hasSecret", m);
        const QString tokenType = r.string(machine, "accessTokenType", m, false);
        if (!tokenType.isEmpty())
            user->jwtAccessToken =
                r.enumeration(tokenType, AccessTokenTypes, m + QLatin1String(".accessTokenType"), false);
        return;
    }

    const QString p = where + QLatin1String(".profile");
    const QJsonObject profile = r.object(o, "profile", where);
    user->givenName = r.string(profile, "givenName", p);
    user->familyName = r.string(profile, "familyName", p);
    user->nickName = r.string(profile, "nickName", p, false);
    user->displayName = r.string(profile, "displayName", p, false);
    if (user->displayName.isEmpty())
        user->displayName = user->givenName + QLatin1Char(' ') + user->familyName;
    user->preferredLanguage = r.string(profile, "preferredLanguage", p, false);
    const QString gender = r.string(profile, "gender", p, false);
    if (!gender.isEmpty())
        user->gender = r.enumeration(gender, Genders, p + QLatin1String(".gender"), MockGender::Unspecified);

    bool hasEmail = false;
    const QString e = where + QLatin1String(".email");
    const QJsonObject email = r.object(o, "email", where, &hasEmail);
    if (hasEmail) {
        user->email = r.string(email, "address", e);
        user->emailVerified = r.boolean(email, "verified", e);
        user->emailCode = r.string(email, "pendingCode", e, false);
        user->emailCodeCreated = pendingCodeCreated(r, email, e, user->emailCode, user->changeDate);
        if (user->emailVerified && !user->emailCode.isEmpty())
            r.fail(e, QStringLiteral("a verified address cannot have a pending code"));
    }
    bool hasPhone = false;
    const QString ph = where + QLatin1String(".phone");
    const QJsonObject phone = r.object(o, "phone", where, &hasPhone);
    if (hasPhone) {
        user->phone = r.string(phone, "number", ph);
        user->phoneVerified = r.boolean(phone, "verified", ph);
        user->phoneCode = r.string(phone, "pendingCode", ph, false);
        user->phoneCodeCreated = pendingCodeCreated(r, phone, ph, user->phoneCode, user->changeDate);
        if (user->phoneVerified && !user->phoneCode.isEmpty())
            r.fail(ph, QStringLiteral("a verified number cannot have a pending code"));
    }
    user->passwordChanged = r.timestamp(o, "passwordChanged", where, false);
    user->passwordChangeRequired = r.boolean(o, "passwordChangeRequired", where);
}

void readGrants(Reader& r, const QJsonObject& o, const QString& where, QList<MockGrant>* out)
{
    const QJsonArray grants = r.array(o, "grants", where);
    for (int g = 0; g < grants.size(); ++g) {
        const QString gw = where + QStringLiteral(".grants[%1]").arg(g);
        if (!grants.at(g).isObject()) {
            r.fail(gw, QStringLiteral("expected an object"));
            continue;
        }
        const QJsonObject go = grants.at(g).toObject();
        MockGrant grant;
        grant.orgId = r.string(go, "organizationId", gw);
        for (const QJsonValue& p : r.array(go, "permissions", gw))
            grant.permissions.append(
                r.enumeration(p.toString(), Permissions, gw + QLatin1String(".permissions"), MockPermission::UserRead));
        out->append(grant);
    }
}

void readToken(Reader& r, const QJsonObject& o, const QString& where, MockToken* token)
{
    token->token = r.string(o, "token", where);
    token->userId = r.string(o, "userId", where);
    token->description = r.string(o, "description", where, false);
    readGrants(r, o, where, &token->grants);
}

int lifetime(Reader& r, const QJsonObject& o, const char* name, int fallback)
{
    if (!o.contains(QLatin1String(name)))
        return fallback;
    const quint64 seconds = r.uint64(o, name, QStringLiteral("oidc"));
    if (seconds < quint64(MockOidcLifetimes::MinSeconds) || seconds > quint64(MockOidcLifetimes::MaxSeconds))
        r.fail(QStringLiteral("oidc.") + QLatin1String(name),
            QStringLiteral("must be from %1 to %2 seconds")
                .arg(MockOidcLifetimes::MinSeconds)
                .arg(MockOidcLifetimes::MaxSeconds));
    return int(seconds);
}

// The "oidc" section (optional; without it nobody can sign in). People must be human seed
// users, so the sign-in page and userinfo always have a profile to show.
void readOidc(Reader& r, const QJsonObject& root, MockSeed& seed)
{
    bool present = false;
    const QJsonObject oidc = r.object(root, "oidc", QStringLiteral("seed"), &present);
    if (!present || r.failed())
        return;
    const QJsonArray apps = r.array(oidc, "applications", QStringLiteral("oidc"));
    QSet<QString> clientIds;
    for (int i = 0; i < apps.size() && !r.failed(); ++i) {
        const QString where = QStringLiteral("oidc.applications[%1]").arg(i);
        const QJsonObject o = apps.at(i).toObject();
        MockOidcApplication app;
        app.clientId = r.string(o, "clientId", where);
        app.name = r.string(o, "name", where);
        app.type = r.string(o, "type", where);
        app.projectId = r.string(o, "projectId", where, false);
        for (const QJsonValue& uri : r.array(o, "redirectUris", where)) {
            if (!uri.isString() || uri.toString().isEmpty())
                r.fail(where + QLatin1String(".redirectUris"), QStringLiteral("expected non-empty strings"));
            else
                app.redirectUris.append(uri.toString());
        }
        if (app.clientId.isEmpty() || clientIds.contains(app.clientId))
            r.fail(where + QLatin1String(".clientId"), QStringLiteral("client ids must be unique and non-empty"));
        if (app.type != QLatin1String("native"))
            r.fail(where + QLatin1String(".type"), QStringLiteral("the mock knows \"native\" applications only"));
        if (app.redirectUris.isEmpty())
            r.fail(where + QLatin1String(".redirectUris"), QStringLiteral("at least one redirect URI is required"));
        clientIds.insert(app.clientId);
        seed.oidc.applications.append(app);
    }
    QHash<QString, const MockUser*> users;
    for (const MockUser& u : seed.users)
        users.insert(u.id, &u);
    QSet<QString> orgIds;
    for (const MockOrg& org : seed.orgs)
        orgIds.insert(org.id);
    const QJsonArray people = r.array(oidc, "people", QStringLiteral("oidc"));
    QSet<QString> personIds;
    for (int i = 0; i < people.size() && !r.failed(); ++i) {
        const QString where = QStringLiteral("oidc.people[%1]").arg(i);
        const QJsonObject o = people.at(i).toObject();
        MockOidcPerson person;
        person.userId = r.string(o, "userId", where);
        person.role = r.string(o, "role", where);
        readGrants(r, o, where, &person.grants);
        const MockUser* user = users.value(person.userId);
        if (!user || !user->isHuman())
            r.fail(where + QLatin1String(".userId"),
                QStringLiteral("%1 is not a human user of the seed").arg(person.userId));
        if (personIds.contains(person.userId))
            r.fail(where + QLatin1String(".userId"), QStringLiteral("%1 is listed twice").arg(person.userId));
        for (const MockGrant& grant : person.grants) {
            if (grant.orgId != QLatin1String("*") && !orgIds.contains(grant.orgId))
                r.fail(where, QStringLiteral("grant names unknown organization %1").arg(grant.orgId));
        }
        personIds.insert(person.userId);
        seed.oidc.people.append(person);
    }
    MockOidcLifetimes& l = seed.oidc.lifetimes;
    l.accessTokenSeconds = lifetime(r, oidc, "accessTokenLifetimeSeconds", l.accessTokenSeconds);
    l.idTokenSeconds = lifetime(r, oidc, "idTokenLifetimeSeconds", l.idTokenSeconds);
    l.refreshTokenIdleSeconds = lifetime(r, oidc, "refreshTokenIdleSeconds", l.refreshTokenIdleSeconds);
    l.refreshTokenAbsoluteSeconds = lifetime(r, oidc, "refreshTokenAbsoluteSeconds", l.refreshTokenAbsoluteSeconds);
    l.codeSeconds = lifetime(r, oidc, "codeLifetimeSeconds", l.codeSeconds);
}

// A contact of a changed generated user: only the verified flag and the pending code (with its
// issue time) can differ from the generator's, and only on an address the generated user has.
// The issue time defaults to the record's changeDate, as for seed users.
void readChangedContact(Reader& r,
    const QJsonObject& o,
    const char* name,
    const QString& where,
    bool has,
    const QDateTime& changeDate,
    bool* verified,
    QString* code,
    QDateTime* codeCreated)
{
    bool present = false;
    const QJsonObject contact = r.object(o, name, where, &present);
    if (!present)
        return;
    const QString w = where + QLatin1Char('.') + QLatin1String(name);
    if (!has) {
        r.fail(w, QStringLiteral("this generated user has no %1").arg(QLatin1String(name)));
        return;
    }
    *verified = r.boolean(contact, "verified", w);
    *code = r.string(contact, "pendingCode", w, false);
    *codeCreated = pendingCodeCreated(r, contact, w, *code, changeDate);
    if (*verified && !code->isEmpty())
        r.fail(w, QStringLiteral("a verified %1 cannot have a pending code").arg(QLatin1String(name)));
}

void readChangedGenerated(Reader& r,
    const QJsonObject& o,
    const QString& where,
    const MockUserGenerator& generator,
    int orgCount,
    MockUser* user)
{
    const QString id = r.string(o, "id", where);
    int org = 0;
    quint64 index = 0;
    if (r.failed())
        return;
    if (!MockUserGenerator::parseId(id, &org, &index) || org >= orgCount || index >= generator.perOrg()) {
        r.fail(where + QLatin1String(".id"),
            QStringLiteral("%1 is not one of the generated users (%2 per organization)")
                .arg(id)
                .arg(generator.perOrg()));
        return;
    }
    *user = generator.materialize(generator.traits(org, quint32(index)));
    user->sequence = r.uint64(o, "sequence", where);
    user->changeDate = r.timestamp(o, "changeDate", where, true);
    if (user->sequence == 0)
        r.fail(where + QLatin1String(".sequence"), QStringLiteral("must be at least 1"));
    readChangedContact(r,
        o,
        "email",
        where,
        !user->email.isEmpty(),
        user->changeDate,
        &user->emailVerified,
        &user->emailCode,
        &user->emailCodeCreated);
    readChangedContact(r,
        o,
        "phone",
        where,
        !user->phone.isEmpty(),
        user->changeDate,
        &user->phoneVerified,
        &user->phoneCode,
        &user->phoneCodeCreated);
}

void readGenerated(Reader& r, const QJsonObject& root, MockSeed& seed)
{
    seed.generatedUsersPerOrg = r.uint64(root, "generatedUsersPerOrg", QStringLiteral("seed"));
    if (seed.generatedUsersPerOrg > MockUserGenerator::MaxPerOrg)
        r.fail(QStringLiteral("seed.generatedUsersPerOrg"),
            QStringLiteral("must be at most %1").arg(MockUserGenerator::MaxPerOrg));
    else if (seed.generatedUsersPerOrg > 0 && seed.orgs.size() > MockUserGenerator::MaxOrgs)
        r.fail(QStringLiteral("seed.generatedUsersPerOrg"),
            QStringLiteral("generated users need a seed with at most %1 organizations")
                .arg(MockUserGenerator::MaxOrgs));
    const QJsonArray changed = r.array(root, "changedGeneratedUsers", QStringLiteral("seed"));
    if (r.failed() || changed.isEmpty())
        return;
    const MockUserGenerator generator(seed.orgs, seed.generatedUsersPerOrg);
    QSet<QString> ids;
    for (int i = 0; i < changed.size() && !r.failed(); ++i) {
        const QString where = QStringLiteral("changedGeneratedUsers[%1]").arg(i);
        MockUser user;
        readChangedGenerated(r, changed.at(i).toObject(), where, generator, int(seed.orgs.size()), &user);
        if (ids.contains(user.id))
            r.fail(where, QStringLiteral("duplicate id %1").arg(user.id));
        ids.insert(user.id);
        seed.changedGeneratedUsers.append(user);
    }
    // Id order is (organization, index) order: the order MockSeedWriter writes them in.
    std::sort(seed.changedGeneratedUsers.begin(),
        seed.changedGeneratedUsers.end(),
        [](const MockUser& a, const MockUser& b) { return a.id < b.id; });
}

void crossCheck(Reader& r, MockSeed& seed)
{
    QSet<QString> orgIds;
    for (const MockOrg& org : seed.orgs) {
        if (orgIds.contains(org.id))
            r.fail(QStringLiteral("organizations"), QStringLiteral("duplicate id %1").arg(org.id));
        orgIds.insert(org.id);
    }
    QSet<QString> userIds;
    QSet<QString> userNames; // "orgId/userName": user names are unique per organization
    QHash<QString, QString> orgOfUser;
    for (const MockUser& user : seed.users) {
        if (userIds.contains(user.id))
            r.fail(QStringLiteral("users"), QStringLiteral("duplicate id %1").arg(user.id));
        if (orgIds.contains(user.id))
            r.fail(QStringLiteral("users"), QStringLiteral("id %1 is also an organization id").arg(user.id));
        if (!orgIds.contains(user.orgId))
            r.fail(QStringLiteral("users"),
                QStringLiteral("user %1 names unknown organization %2").arg(user.id, user.orgId));
        const QString key = user.orgId + QLatin1Char('/') + user.userName;
        if (userNames.contains(key))
            r.fail(QStringLiteral("users"),
                QStringLiteral("user name %1 is used twice in one organization").arg(user.userName));
        userIds.insert(user.id);
        userNames.insert(key);
        orgOfUser.insert(user.id, user.orgId);
    }
    QSet<QString> tokens;
    for (MockToken& token : seed.tokens) {
        if (token.token.isEmpty() || tokens.contains(token.token))
            r.fail(QStringLiteral("tokens"), QStringLiteral("token values must be unique and non-empty"));
        tokens.insert(token.token);
        if (!orgOfUser.contains(token.userId))
            r.fail(QStringLiteral("tokens"), QStringLiteral("token user %1 does not exist").arg(token.userId));
        token.homeOrgId = orgOfUser.value(token.userId);
        for (const MockGrant& grant : token.grants) {
            if (grant.orgId != QLatin1String("*") && !orgIds.contains(grant.orgId))
                r.fail(
                    QStringLiteral("tokens"), QStringLiteral("grant names unknown organization %1").arg(grant.orgId));
        }
    }
}
} // namespace

std::optional<MockSeed> MockSeedLoader::parse(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QStringLiteral("seed is not a JSON object: %1 at offset %2")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    Reader r;
    MockSeed seed;
    if (r.string(root, "format", QStringLiteral("seed")) != QLatin1String(MockSeedFormat::FormatId))
        r.fail(QStringLiteral("seed.format"),
            QStringLiteral("expected \"%1\"").arg(QLatin1String(MockSeedFormat::FormatId)));

    const QJsonObject instance = r.object(root, "instance", QStringLiteral("seed"));
    seed.instance.id = r.string(instance, "id", QStringLiteral("instance"));
    seed.instance.domain = r.string(instance, "domain", QStringLiteral("instance"));
    seed.instance.processedSequence = r.uint64(instance, "processedSequence", QStringLiteral("instance"));

    const QJsonArray orgs = r.array(root, "organizations", QStringLiteral("seed"));
    for (int i = 0; i < orgs.size() && !r.failed(); ++i) {
        MockOrg org;
        readOrg(r, orgs.at(i).toObject(), QStringLiteral("organizations[%1]").arg(i), &org);
        seed.orgs.append(org);
    }
    if (seed.orgs.isEmpty())
        r.fail(QStringLiteral("seed.organizations"), QStringLiteral("at least one organization is required"));
    else
        seed.instance.defaultOrgId = seed.orgs.first().id;

    const QJsonArray users = r.array(root, "users", QStringLiteral("seed"));
    for (int i = 0; i < users.size() && !r.failed(); ++i) {
        MockUser user;
        readUser(r, users.at(i).toObject(), QStringLiteral("users[%1]").arg(i), &user);
        seed.users.append(user);
    }
    const QJsonArray tokens = r.array(root, "tokens", QStringLiteral("seed"));
    for (int i = 0; i < tokens.size() && !r.failed(); ++i) {
        MockToken token;
        readToken(r, tokens.at(i).toObject(), QStringLiteral("tokens[%1]").arg(i), &token);
        seed.tokens.append(token);
    }
    if (!r.failed())
        crossCheck(r, seed);
    if (!r.failed())
        readGenerated(r, root, seed);
    if (!r.failed())
        readOidc(r, root, seed);
    if (r.failed()) {
        if (error)
            *error = QStringLiteral("invalid seed: ") + r.error;
        return std::nullopt;
    }
    qCDebug(lcMock) << "seed:" << seed.orgs.size() << "organizations," << seed.users.size() << "users,"
                    << seed.tokens.size() << "tokens," << seed.generatedUsersPerOrg
                    << "generated users per organization";
    return seed;
}

std::optional<MockSeed> MockSeedLoader::loadFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read seed %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parse(file.readAll(), error);
}
