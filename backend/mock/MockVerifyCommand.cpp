#include "MockVerifyCommand.h"

#include "MockLog.h"
#include "MockZitadel.h"

namespace
{
using Code = MockError::Code;

// Why a code was refused. ZITADEL answers all of them alike (see run()); the mock's log names
// the reason, because QA cannot tell them apart from the answer.
const char* codeProblem(const MockZitadel& zitadel, const MockUser& user, const MockVerifyRequest& r)
{
    const bool email = r.channel == MockUserStore::Channel::Email;
    const QString& pending = email ? user.emailCode : user.phoneCode;
    if (pending.isEmpty())
        return (email ? user.emailVerified : user.phoneVerified) ? "already verified" : "no code pending";
    if (zitadel.isCodeExpired(email ? user.emailCodeCreated : user.phoneCodeCreated))
        return "code expired";
    if (pending != r.code)
        return "wrong code";
    return nullptr;
}
} // namespace

std::optional<MockUser> MockVerifyCommand::run(MockZitadel& zitadel, const MockVerifyRequest& r, MockError* error)
{
    const bool email = r.channel == MockUserStore::Channel::Email;
    MockUserStore& store = zitadel.users();
    const auto ref = store.find(r.userId);
    std::optional<MockUser> user;
    if (ref)
        user = store.user(*ref);
    // NewUserEmailEvents / NewUserPhoneEvents: the same lookup as the v2 resend, machine users
    // included (they have no email/phone aggregate).
    if (!user || !user->isHuman() || user->state == MockUserState::Deleted) {
        *error = MockError(Code::NotFound,
            QStringLiteral("COMMAND-ieJ2e"),
            email ? QStringLiteral("Email not found") : QStringLiteral("Phone not found"));
        return std::nullopt;
    }
    if (user->state == MockUserState::Initial) {
        *error = MockError(
            Code::FailedPrecondition, QStringLiteral("COMMAND-uz0Uu"), QStringLiteral("User is not yet initialized"));
        return std::nullopt;
    }
    // No permission check: verifyUserEmailWithGenerator / verifyUserPhoneWithGenerator call
    // none, and ZITADEL's API_DESIGN.md documents VerifyEmail as "no permission required, the
    // user must be authenticated" (the code is the proof). Any valid token may verify.

    // Unreachable through the API (verificationCode has min_len 1); kept so the command alone
    // answers as UserEmailEvents.VerifyCode does.
    if (r.code.isEmpty()) {
        *error = MockError(Code::InvalidArgument, QStringLiteral("COMMAND-Fia4a"), QStringLiteral("Code is empty"));
        return std::nullopt;
    }

    // VerifyCode turns every failure (expired CODE-QvUQ4P, no code CRYPT-aqrFV, wrong code
    // CODE-woT0xc) into COMMAND-eis9R "Code is invalid" after pushing a "verification failed"
    // event, so an already verified address (whose code was dropped) answers the same.
    const char* problem = codeProblem(zitadel, *user, r);
    const MockUser after = store.recordVerification(*ref, r.channel, problem == nullptr, zitadel.now());
    zitadel.recordChange();
    emit zitadel.userChanged(after.id);
    if (problem) {
        qCDebug(lcMock) << "verify" << (email ? "email" : "phone") << "of user" << after.id << "refused:" << problem;
        *error = MockError(Code::InvalidArgument, QStringLiteral("COMMAND-eis9R"), QStringLiteral("Code is invalid"));
        return std::nullopt;
    }
    return after;
}
