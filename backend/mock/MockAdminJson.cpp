#include "MockAdminJson.h"

#include "MockJsonWriter.h"
#include "MockRouter.h"
#include "MockSeedFormat.h"
#include "MockSeedWriter.h"
#include "MockZitadel.h"

void MockAdminJson::outboxMessage(MockJsonWriter& w, const MockOutboxMessage& m)
{
    // Contract order: id, time, channel, to, userId, orgId, code, link, subject, text,
    // delivery, failure, cause. The id is 64-bit, so a string, as every count here.
    w.beginObject();
    w.field("id", QString::number(m.id));
    w.optTimestamp("time", m.time);
    w.field("channel", m.channel);
    w.field("to", m.to);
    w.field("userId", m.userId);
    w.field("orgId", m.orgId);
    w.field("code", m.code);
    w.field("link", m.link);
    w.field("subject", m.subject);
    w.field("text", m.text);
    w.field("delivery", m.delivery);
    w.field("failure", m.failure);
    w.field("cause", m.cause);
    w.endObject();
}

void MockAdminJson::requestLogEntry(MockJsonWriter& w, const MockRequestLogEntry& e)
{
    // Contract order: id, time, method, path, query, operation, status, durationMs, fault,
    // peer, admin, requestBody, responseBody.
    w.beginObject();
    w.optUint64("id", e.id);
    w.optTimestamp("time", e.time);
    w.field("method", QLatin1String(e.method));
    w.field("path", QString::fromUtf8(e.path));
    w.field("query", QString::fromUtf8(e.query));
    w.field("operation", e.operation); // "" for admin requests and paths no route matched
    w.field("status", qint64(e.status));
    w.field("durationMs", e.durationMs);
    w.field("fault", e.faultId); // the id of the rule that applied; "" when none did
    w.field("peer", e.peer);
    w.field("admin", e.admin);
    w.field("requestBody", QString::fromUtf8(e.requestBody));
    w.field("responseBody", QString::fromUtf8(e.responseBody));
    w.endObject();
}

QString MockAdminJson::masked(const QByteArray& secret)
{
    if (secret.isEmpty())
        return {};
    return QString::fromLatin1(secret.left(4)) + QChar(0x2026);
}

void MockAdminJson::oidcLifetimes(MockJsonWriter& w, const MockOidcLifetimes& l)
{
    w.beginObject();
    MockSeedWriter::writeOidcLifetimeFields(w, l);
    w.endObject();
}

void MockAdminJson::oidcState(MockJsonWriter& w, const MockZitadel& zitadel)
{
    const MockOidcProvider& oidc = zitadel.oidc();
    const QDateTime now = zitadel.now();
    const auto displayName = [&zitadel](const QString& userId) {
        const auto user = zitadel.user(userId);
        return user ? user->displayName : QString();
    };
    const auto strings = [&w](const char* key, const QStringList& list) {
        w.key(key);
        w.beginArray();
        for (const QString& s : list)
            w.value(s);
        w.endArray();
    };
    w.beginObject();
    w.key("applications");
    w.beginArray();
    for (const MockOidcApplication& app : oidc.config().applications) {
        w.beginObject();
        w.field("clientId", app.clientId);
        w.field("name", app.name);
        w.field("type", app.type);
        w.field("projectId", app.projectId);
        strings("redirectUris", app.redirectUris);
        w.endObject();
    }
    w.endArray();
    w.key("people");
    w.beginArray();
    for (const MockOidcPerson& p : oidc.config().people) {
        const auto ref = zitadel.users().find(p.userId);
        w.beginObject();
        w.field("userId", p.userId);
        w.field("displayName", displayName(p.userId));
        w.field("loginName",
            ref ? zitadel.users().user(*ref).userName + QLatin1Char('@') + zitadel.users().org(ref->org).primaryDomain
                : QString());
        w.field("organizationId", ref ? zitadel.users().org(ref->org).id : QString());
        w.field("role", p.role);
        w.key("grants");
        w.beginArray();
        for (const MockGrant& g : p.grants) {
            w.beginObject();
            w.field("organizationId", g.orgId);
            w.key("permissions");
            w.beginArray();
            for (const MockPermission perm : g.permissions)
                w.value(QLatin1String(MockSeedFormat::nameOf(MockSeedFormat::Permissions, perm)));
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.key("lifetimes");
    oidcLifetimes(w, oidc.lifetimes());
    w.field("pendingSignIns", QString::number(oidc.pendingAuthRequestCount()));
    w.key("sessions");
    w.beginArray();
    for (const auto& s : oidc.sessions()) {
        w.beginObject();
        w.field("id", s->id);
        w.field("userId", s->userId);
        w.field("displayName", displayName(s->userId));
        w.field("clientId", s->clientId);
        strings("scopes", s->scopes);
        w.optTimestamp("started", s->started);
        w.optTimestamp("authTime", s->authTime);
        w.field("accessToken", masked(s->accessToken)); // "" once revoked
        w.optTimestamp("accessTokenIssued", s->accessIssued);
        w.optTimestamp("accessTokenExpires", s->accessExpires);
        w.field("accessTokenValid", !s->accessToken.isEmpty() && !(s->accessExpires < now));
        w.field("refreshToken", masked(s->refreshToken)); // "" without offline_access or once revoked
        w.optTimestamp("refreshTokenIdleExpires", s->refreshIdleExpires);
        w.optTimestamp("refreshTokenAbsoluteExpires", s->refreshAbsoluteExpires);
        w.field("refreshTokenValid",
            !s->refreshToken.isEmpty() && !(s->refreshIdleExpires < now) && !(s->refreshAbsoluteExpires < now));
        w.endObject();
    }
    w.endArray();
    w.endObject();
}
