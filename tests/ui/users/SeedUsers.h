#pragma once

#include "MockFixture.h"
#include "SeedIds.h"
#include "ZitadelClient.h"

#include <QTest>

#include <memory>
#include <optional>

// Test helpers shared by the ui/users tests: a client on the mock and seed users fetched
// through it, so the tests see users exactly as the application would.
namespace SeedUsers
{
inline std::unique_ptr<ZitadelClient> clientFor(
    MockFixture& fx, const QString& token = QString::fromLatin1(SeedIds::AdminToken))
{
    auto client = std::make_unique<ZitadelClient>();
    client->setBaseUrl(fx.baseUrl());
    client->setToken(token);
    client->setTimeout(10000);
    return client;
}

// Waits with qWaitFor (the mock answers in this thread); nullopt when the call failed.
inline std::optional<User> fetch(ZitadelClient& client, const QString& userId)
{
    std::optional<Result<User>> result;
    client.getUserById(userId, [&result](const Result<User>& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000) || !result->ok())
        return std::nullopt;
    return result->value;
}

inline QString id(const char* seedId)
{
    return QString::fromLatin1(seedId);
}
} // namespace SeedUsers
