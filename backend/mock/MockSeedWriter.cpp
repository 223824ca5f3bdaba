#include "MockSeedWriter.h"

#include "MockJsonWriter.h"
#include "MockSeedFormat.h"
#include "MockSeedLoader.h"

namespace
{
using namespace MockSeedFormat;

// Every state a seed can hold has a name; the mock never moves a user or organization into
// one without (deleted, unspecified). Should that change, the first name keeps the file
// loadable rather than writing a state the loader refuses.
template <typename E, size_t N>
QLatin1String name(const std::pair<const char*, E> (&table)[N], E value)
{
    const char* n = nameOf(table, value);
    Q_ASSERT(n);
    return QLatin1String(n ? n : table[0].first);
}

void writeOrg(MockJsonWriter& w, const MockOrg& org)
{
    w.beginObject();
    w.field("id", org.id);
    w.field("name", org.name);
    w.field("state", name(OrgStates, org.state));
    w.field("primaryDomain", org.primaryDomain);
    w.key("domains");
    w.beginArray();
    for (const QString& d : org.domains)
        w.value(d);
    w.endArray();
    w.field("mailDomain", org.mailDomain);
    w.optUint64("sequence", org.sequence);
    w.optTimestamp("creationDate", org.creationDate);
    w.optTimestamp("changeDate", org.changeDate);
    w.endObject();
}

// A pending code goes with its issue time: its age decides whether it has expired, and the
// loader's fallback (the user's changeDate) is wrong once the user changed after the code.
void writeContact(MockJsonWriter& w,
    const char* addressKey,
    const QString& address,
    bool verified,
    const QString& code,
    const QDateTime& codeCreated)
{
    w.beginObject();
    if (addressKey)
        w.field(addressKey, address);
    w.field("verified", verified);
    w.optString("pendingCode", code);
    if (!code.isEmpty())
        w.optTimestamp("pendingCodeCreated", codeCreated);
    w.endObject();
}

void writeUser(MockJsonWriter& w, const MockUser& u)
{
    w.beginObject();
    w.field("id", u.id);
    w.field("organizationId", u.orgId);
    w.field("type", name(UserTypes, u.type));
    w.field("state", name(UserStates, u.state));
    w.field("userName", u.userName);
    w.optUint64("sequence", u.sequence);
    w.optTimestamp("creationDate", u.creationDate);
    w.optTimestamp("changeDate", u.changeDate);
    if (!u.isHuman()) {
        w.key("machine");
        w.beginObject();
        w.field("name", u.machineName);
        w.optString("description", u.description);
        w.field("hasSecret", u.hasSecret);
        w.field("accessTokenType", name(AccessTokenTypes, u.jwtAccessToken));
        w.endObject();
        w.endObject();
        return;
    }
    w.key("profile");
    w.beginObject();
    w.field("givenName", u.givenName);
    w.field("familyName", u.familyName);
    w.optString("nickName", u.nickName);
    w.field("displayName", u.displayName);
    w.optString("preferredLanguage", u.preferredLanguage);
    if (u.gender != MockGender::Unspecified)
        w.field("gender", name(Genders, u.gender));
    w.endObject();
    if (!u.email.isEmpty()) {
        w.key("email");
        writeContact(w, "address", u.email, u.emailVerified, u.emailCode, u.emailCodeCreated);
    }
    if (!u.phone.isEmpty()) {
        w.key("phone");
        writeContact(w, "number", u.phone, u.phoneVerified, u.phoneCode, u.phoneCodeCreated);
    }
    w.optTimestamp("passwordChanged", u.passwordChanged);
    w.optBool("passwordChangeRequired", u.passwordChangeRequired);
    w.endObject();
}

// Only what the mock can change in a generated user; the rest follows from the id.
void writeChangedGenerated(MockJsonWriter& w, const MockUser& u)
{
    w.beginObject();
    w.field("id", u.id);
    w.optUint64("sequence", u.sequence);
    w.optTimestamp("changeDate", u.changeDate);
    if (!u.email.isEmpty()) {
        w.key("email");
        writeContact(w, nullptr, {}, u.emailVerified, u.emailCode, u.emailCodeCreated);
    }
    if (!u.phone.isEmpty()) {
        w.key("phone");
        writeContact(w, nullptr, {}, u.phoneVerified, u.phoneCode, u.phoneCodeCreated);
    }
    w.endObject();
}

void writeGrants(MockJsonWriter& w, const QList<MockGrant>& grants)
{
    w.key("grants");
    w.beginArray();
    for (const MockGrant& g : grants) {
        w.beginObject();
        w.field("organizationId", g.orgId);
        w.key("permissions");
        w.beginArray();
        for (const MockPermission p : g.permissions)
            w.value(name(Permissions, p));
        w.endArray();
        w.endObject();
    }
    w.endArray();
}

void writeOidc(MockJsonWriter& w, const MockOidcConfig& oidc)
{
    w.key("oidc");
    w.beginObject();
    w.key("applications");
    w.beginArray();
    for (const MockOidcApplication& app : oidc.applications) {
        w.beginObject();
        w.field("clientId", app.clientId);
        w.field("name", app.name);
        w.field("type", app.type);
        w.optString("projectId", app.projectId);
        w.key("redirectUris");
        w.beginArray();
        for (const QString& uri : app.redirectUris)
            w.value(uri);
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.key("people");
    w.beginArray();
    for (const MockOidcPerson& p : oidc.people) {
        w.beginObject();
        w.field("userId", p.userId);
        w.field("role", p.role);
        writeGrants(w, p.grants);
        w.endObject();
    }
    w.endArray();
    MockSeedWriter::writeOidcLifetimeFields(w, oidc.lifetimes);
    w.endObject();
}

void writeToken(MockJsonWriter& w, const MockToken& t)
{
    w.beginObject();
    w.field("token", t.token);
    w.field("userId", t.userId);
    w.optString("description", t.description);
    writeGrants(w, t.grants);
    w.endObject();
}

// Compact JSON to two-space indentation, the style of resources/mock/seed.json. Empty
// arrays and objects stay on one line.
QByteArray indented(const QByteArray& compact)
{
    QByteArray out;
    out.reserve(compact.size() * 2);
    int depth = 0;
    bool inString = false;
    const auto newline = [&] {
        out.append('\n');
        out.append(QByteArray(depth * 2, ' '));
    };
    for (qsizetype i = 0; i < compact.size(); ++i) {
        const char c = compact.at(i);
        if (inString) {
            out.append(c);
            if (c == '\\' && i + 1 < compact.size())
                out.append(compact.at(++i));
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            out.append(c);
            break;
        case '{':
        case '[': {
            out.append(c);
            const char next = i + 1 < compact.size() ? compact.at(i + 1) : '\0';
            if (next == '}' || next == ']') {
                out.append(next);
                ++i;
                break;
            }
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out.append(c);
            break;
        case ',':
            out.append(c);
            newline();
            break;
        case ':':
            out.append(": ");
            break;
        default:
            out.append(c);
        }
    }
    out.append('\n');
    return out;
}
} // namespace

QByteArray MockSeedWriter::write(const MockSeed& seed)
{
    MockJsonWriter w(4096);
    w.beginObject();
    w.field("format", QLatin1String(FormatId));
    w.key("instance");
    w.beginObject();
    w.field("id", seed.instance.id);
    w.field("domain", seed.instance.domain);
    w.optUint64("processedSequence", seed.instance.processedSequence);
    w.endObject();

    w.key("organizations");
    w.beginArray();
    for (const MockOrg& org : seed.orgs)
        writeOrg(w, org);
    w.endArray();

    w.key("users");
    w.beginArray();
    for (const MockUser& user : seed.users)
        writeUser(w, user);
    w.endArray();

    w.key("tokens");
    w.beginArray();
    for (const MockToken& token : seed.tokens)
        writeToken(w, token);
    w.endArray();
    writeOidc(w, seed.oidc);

    w.field("generatedUsersPerOrg", qint64(seed.generatedUsersPerOrg));
    w.key("changedGeneratedUsers");
    w.beginArray();
    for (const MockUser& user : seed.changedGeneratedUsers)
        writeChangedGenerated(w, user);
    w.endArray();
    w.endObject();
    return indented(w.take());
}

void MockSeedWriter::writeOidcLifetimeFields(MockJsonWriter& w, const MockOidcLifetimes& l)
{
    w.field("accessTokenLifetimeSeconds", qint64(l.accessTokenSeconds));
    w.field("idTokenLifetimeSeconds", qint64(l.idTokenSeconds));
    w.field("refreshTokenIdleSeconds", qint64(l.refreshTokenIdleSeconds));
    w.field("refreshTokenAbsoluteSeconds", qint64(l.refreshTokenAbsoluteSeconds));
    w.field("codeLifetimeSeconds", qint64(l.codeSeconds));
}
