#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

// One ZITADEL RPC as the QA workbench names it (docs/mock-workbench.md, "Operation names"). The
// REST path and the Connect method of the same RPC share the name; fault rules and the request
// log address endpoints by it. The traits say what kind of call it is, so a fault preset can
// tell whether it could happen there and which error id ZITADEL would use.
struct MockOperation
{
    enum class Api
    {
        ManagementV1,
        UserV2,
        OrgV2,
        ResourcesV3Alpha,
    };
    enum class Action
    {
        GetUser,
        ListUsers,
        GetMyOrg,
        ListOrganizations,
        Resend,
        Verify,
    };
    enum class Channel
    {
        None,
        Email,
        Phone,
    };

    const char* name;
    Api api;
    Action action;
    Channel channel;

    QString nameString() const { return QString::fromLatin1(name); }
    bool isResend() const { return action == Action::Resend; }
    bool isEmail() const { return channel == Channel::Email; }
};

// The table of operations and the groups a fault rule may name instead of one operation.
namespace MockOperations
{
// Every operation, in the contract's order.
const QList<MockOperation>& all();
QStringList names();
// nullptr when `name` is no operation (groups are not operations).
const MockOperation* find(QStringView name);
const MockOperation* find(const char* name);

// "*", "email-resend", "phone-resend", "resend", "verify".
QStringList groups();
bool isGroup(QStringView name);

// What an endpoint (an operation name or a group) covers, in table order; empty when the
// endpoint is neither.
QList<const MockOperation*> covered(QStringView endpoint);
bool covers(QStringView endpoint, const MockOperation& operation);
} // namespace MockOperations
