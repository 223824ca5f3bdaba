#pragma once

#include "MockModel.h"
#include "MockOidcModel.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Everything the mock starts from: the instance, its organizations, users and API tokens.
struct MockSeed
{
    MockInstance instance;
    QList<MockOrg> orgs; // the first one is the instance's default organization
    QList<MockUser> users;
    QList<MockToken> tokens;
    quint64 generatedUsersPerOrg = 0; // MockUserGenerator users added to every organization
    // Generated users whose state differs from what the generator makes, complete, ordered
    // by id. Each one replaces its generated twin, so no id is ever listed twice.
    QList<MockUser> changedGeneratedUsers;
    MockOidcConfig oidc; // the "oidc" section: sign-in applications, people and lifetimes
};

// Reads and checks a seed document (format described at the top of MockSeedLoader.cpp).
// A seed that is wrong anywhere is rejected as a whole with a message naming the place,
// because a half-loaded mock would answer differently from what its author expects.
class MockSeedLoader
{
public:
    static std::optional<MockSeed> parse(const QByteArray& json, QString* error);
    static std::optional<MockSeed> loadFile(const QString& path, QString* error);
    // The seed compiled into vd_mock (":/mock/seed.json").
    static QString builtInPath() { return QStringLiteral(":/mock/seed.json"); }
};
