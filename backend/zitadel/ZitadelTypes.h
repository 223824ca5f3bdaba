#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Typed views of the protobuf-JSON the client reads. Absent fields keep their defaults,
// because protojson omits zero values.

struct ObjectDetails
{
    quint64 sequence = 0; // 0 when the server did not send one (v3alpha details carry none)
    QDateTime creationDate;
    QDateTime changeDate;
    QString resourceOwner;
};

enum class OrganizationState
{
    Unspecified,
    Active,
    Inactive,
    Removed
};

struct Organization
{
    QString id;
    QString name;
    QString primaryDomain;
    OrganizationState state = OrganizationState::Unspecified;
    ObjectDetails details;
};

enum class UserState
{
    Unspecified,
    Active,
    Inactive,
    Deleted,
    Locked,
    Suspend, // v1 only
    Initial
};

struct User
{
    enum class Type
    {
        Unspecified,
        Human,
        Machine
    };

    QString id;
    ObjectDetails details;
    UserState state = UserState::Unspecified;
    Type type = Type::Unspecified;
    QString username;
    QStringList loginNames;
    QString preferredLoginName;

    // human
    QString givenName;
    QString familyName;
    QString nickName;
    QString displayName;
    QString preferredLanguage;
    QString email;
    bool emailVerified = false;
    QString phone;
    bool phoneVerified = false;

    // machine
    QString machineName;
    QString machineDescription;

    QString organizationId() const { return details.resourceOwner; }
};

template <class T>
struct Page
{
    QList<T> items;
    quint64 totalResult = 0;
    quint64 offset = 0; // the offset that was asked for
};
using OrganizationPage = Page<Organization>;
using UserPage = Page<User>;

struct ResendResult
{
    ObjectDetails details;
    QString verificationCode; // only when the code was asked to be returned
};

// A code was accepted: the address is verified from now on.
struct VerifyResult
{
    ObjectDetails details;
};

enum class UserSortColumn
{
    Unspecified,
    UserName,
    FirstName,
    LastName,
    NickName,
    DisplayName,
    Email,
    State,
    Type,
    CreationDate
};

struct UserQuery
{
    QString organizationId; // empty = every organization the token may read
    QString search; // one text over username, display name, email, phone and user id
    quint64 offset = 0;
    quint32 limit = 100;
    bool asc = true;
    UserSortColumn sortColumn = UserSortColumn::DisplayName;
};

struct OrganizationQuery
{
    QString nameContains;
    quint64 offset = 0;
    quint32 limit = 20;
    bool asc = true;
};

// How a verification code is delivered.
struct ResendOptions
{
    enum class Delivery
    {
        Send, // ZITADEL sends it; email links use urlTemplate or ZITADEL's default link
        ReturnCode // nothing is sent; the code comes back to us
    };
    Delivery delivery = Delivery::Send;
    std::optional<QString> urlTemplate; // email only; nullopt = ZITADEL's default link
    QString organizationId; // v3alpha only: expect the user in this organization (empty = any)
};

QString userStateName(UserState state);
QString organizationStateName(OrganizationState state);
QString userSortColumnName(UserSortColumn column);
