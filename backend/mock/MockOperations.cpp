#include "MockOperations.h"

namespace
{
using Api = MockOperation::Api;
using Action = MockOperation::Action;
using Channel = MockOperation::Channel;

// user.VerifyEmail and user.VerifyPhone are listed before their routes exist, so that the
// branch adding the routes only has to add the route lines.
const QList<MockOperation> Operations {
    {"management.GetUserByID", Api::ManagementV1, Action::GetUser, Channel::None},
    {"management.ListUsers", Api::ManagementV1, Action::ListUsers, Channel::None},
    {"management.ResendHumanEmailVerification", Api::ManagementV1, Action::Resend, Channel::Email},
    {"management.ResendHumanPhoneVerification", Api::ManagementV1, Action::Resend, Channel::Phone},
    {"management.GetMyOrg", Api::ManagementV1, Action::GetMyOrg, Channel::None},
    {"user.GetUserByID", Api::UserV2, Action::GetUser, Channel::None},
    {"user.ListUsers", Api::UserV2, Action::ListUsers, Channel::None},
    {"user.ResendEmailCode", Api::UserV2, Action::Resend, Channel::Email},
    {"user.ResendPhoneCode", Api::UserV2, Action::Resend, Channel::Phone},
    {"user.VerifyEmail", Api::UserV2, Action::Verify, Channel::Email},
    {"user.VerifyPhone", Api::UserV2, Action::Verify, Channel::Phone},
    {"org.ListOrganizations", Api::OrgV2, Action::ListOrganizations, Channel::None},
    {"resources.ResendContactEmailCode", Api::ResourcesV3Alpha, Action::Resend, Channel::Email},
    {"resources.ResendContactPhoneCode", Api::ResourcesV3Alpha, Action::Resend, Channel::Phone},
};

enum class Group
{
    None,
    All,
    EmailResend,
    PhoneResend,
    Resend,
    Verify,
};

Group groupOf(QStringView name)
{
    if (name == QLatin1String("*"))
        return Group::All;
    if (name == QLatin1String("email-resend"))
        return Group::EmailResend;
    if (name == QLatin1String("phone-resend"))
        return Group::PhoneResend;
    if (name == QLatin1String("resend"))
        return Group::Resend;
    if (name == QLatin1String("verify"))
        return Group::Verify;
    return Group::None;
}

bool inGroup(Group group, const MockOperation& op)
{
    switch (group) {
    case Group::None:
        return false;
    case Group::All:
        return true;
    case Group::EmailResend:
        return op.isResend() && op.channel == Channel::Email;
    case Group::PhoneResend:
        return op.isResend() && op.channel == Channel::Phone;
    case Group::Resend:
        return op.isResend();
    case Group::Verify:
        return op.action == Action::Verify;
    }
    return false;
}
} // namespace

namespace MockOperations
{
const QList<MockOperation>& all()
{
    return Operations;
}

QStringList names()
{
    QStringList out;
    for (const MockOperation& op : Operations)
        out.append(op.nameString());
    return out;
}

const MockOperation* find(QStringView name)
{
    for (const MockOperation& op : Operations) {
        if (name == QLatin1String(op.name))
            return &op;
    }
    return nullptr;
}

const MockOperation* find(const char* name)
{
    for (const MockOperation& op : Operations) {
        if (qstrcmp(name, op.name) == 0)
            return &op;
    }
    return nullptr;
}

QStringList groups()
{
    return {QStringLiteral("*"),
        QStringLiteral("email-resend"),
        QStringLiteral("phone-resend"),
        QStringLiteral("resend"),
        QStringLiteral("verify")};
}

bool isGroup(QStringView name)
{
    return groupOf(name) != Group::None;
}

bool covers(QStringView endpoint, const MockOperation& operation)
{
    const Group group = groupOf(endpoint);
    if (group != Group::None)
        return inGroup(group, operation);
    return endpoint == QLatin1String(operation.name);
}

QList<const MockOperation*> covered(QStringView endpoint)
{
    QList<const MockOperation*> out;
    for (const MockOperation& op : Operations) {
        if (covers(endpoint, op))
            out.append(&op);
    }
    return out;
}
} // namespace MockOperations
