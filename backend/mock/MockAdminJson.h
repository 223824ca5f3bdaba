#pragma once

class MockJsonWriter;
struct MockOutboxMessage;
struct MockRequestLogEntry;

// How the admin API (docs/mock-workbench.md, "Admin API") writes its records. One function
// per record, so a field added to MockOutboxMessage or MockRequestLogEntry is written in one
// place. Every field is always written, empty or not: a QA table can rely on the shape.
class MockAdminJson
{
public:
    static void outboxMessage(MockJsonWriter& w, const MockOutboxMessage& m);
    static void requestLogEntry(MockJsonWriter& w, const MockRequestLogEntry& e);
};
