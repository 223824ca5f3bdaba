#pragma once

#include <QByteArray>
#include <QString>

class MockJsonWriter;
class MockZitadel;
struct MockOidcLifetimes;
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
    // GET /_mock/oidc: applications, people, lifetimes and sessions. Tokens are masked to
    // their first four characters and "…": enough to tell sessions apart, useless to a thief.
    static void oidcState(MockJsonWriter& w, const MockZitadel& zitadel);
    static void oidcLifetimes(MockJsonWriter& w, const MockOidcLifetimes& lifetimes);
    static QString masked(const QByteArray& secret);
};
