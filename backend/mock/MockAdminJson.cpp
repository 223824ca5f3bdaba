#include "MockAdminJson.h"

#include "MockJsonWriter.h"
#include "MockRouter.h"
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
