#include "MockAdminJson.h"

#include "MockJsonWriter.h"
#include "MockRouter.h"
#include "MockZitadel.h"

void MockAdminJson::outboxMessage(MockJsonWriter& w, const MockOutboxMessage& m)
{
    // Contract order: id, time, channel, to, userId, orgId, code, link, subject, text,
    // delivery, failure, cause.
    // MERGE(faults): "id" goes first and "subject", "text", "delivery", "failure" after
    // "link" once MockOutboxMessage has them.
    w.beginObject();
    w.optTimestamp("time", m.time);
    w.field("channel", m.channel);
    w.field("to", m.to);
    w.field("userId", m.userId);
    w.field("orgId", m.orgId);
    w.field("code", m.code);
    w.field("link", m.link);
    w.field("cause", m.cause);
    w.endObject();
}

void MockAdminJson::requestLogEntry(MockJsonWriter& w, const MockRequestLogEntry& e)
{
    w.beginObject();
    w.optUint64("id", e.id);
    w.optTimestamp("time", e.time);
    w.field("method", QLatin1String(e.method));
    w.field("path", QString::fromUtf8(e.path));
    w.field("query", QString::fromUtf8(e.query));
    // MERGE(faults): e.operation once MockRequestLogEntry has it; admin requests have none.
    w.field("operation", QLatin1String(""));
    w.field("status", qint64(e.status));
    w.field("durationMs", e.durationMs);
    // MERGE(faults): "fault" (the id of the rule that applied) goes here.
    w.field("peer", e.peer);
    w.field("admin", e.admin);
    w.field("requestBody", QString::fromUtf8(e.requestBody));
    w.field("responseBody", QString::fromUtf8(e.responseBody));
    w.endObject();
}
