#pragma once

#include "MockError.h"
#include "MockModel.h"
#include "MockUserStore.h"

#include <QString>

#include <optional>

class MockZitadel;

// A code a user received, presented to user service v2 VerifyEmail or VerifyPhone.
struct MockVerifyRequest
{
    MockUserStore::Channel channel = MockUserStore::Channel::Email;
    QString userId;
    QString code;
};

// ZITADEL's rules for VerifyEmail / VerifyPhone (internal/command/user_v2_email.go and
// user_v2_phone.go, internal/crypto/code.go). Request validation runs before this, in the API
// layer. Returns the user after the change, or nullopt with *error set; a wrong code is still
// a change, because ZITADEL records the failed attempt.
class MockVerifyCommand
{
public:
    static std::optional<MockUser> run(MockZitadel& zitadel, const MockVerifyRequest& request, MockError* error);
};
