#pragma once

#include <QByteArray>

class MockJsonWriter;
struct MockOidcLifetimes;
struct MockSeed;

// Writes a seed document ("verifydesk-mock-seed/1") that MockSeedLoader reads back into the
// same MockSeed: GET /_mock/state saves the mock's state with it. The output depends on the
// seed alone (fixed field order, no hash order), so save → load → save is byte-identical,
// and it is indented because people keep saved states in git and edit them.
class MockSeedWriter
{
public:
    static QByteArray write(const MockSeed& seed);
    // The oidc section's lifetime fields, also what GET/PUT /_mock/oidc/lifetimes show: one
    // set of names for the seed and the admin API.
    static void writeOidcLifetimeFields(MockJsonWriter& w, const MockOidcLifetimes& lifetimes);
};
