#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// Plain data the mock keeps about ZITADEL resources. Only the fields the endpoints we serve
// can show or filter on; wire names live in MockResourceJson, semantics in MockResendCommand.

enum class MockUserState
{
    Unspecified,
    Active,
    Inactive,
    Deleted,
    Locked,
    Suspend, // v1 only; v2 has no such state
    Initial,
};

enum class MockUserType
{
    Human = 1, // ZITADEL's internal numbering, which USER_FIELD_NAME_TYPE sorts by
    Machine = 2,
};

enum class MockGender
{
    Unspecified,
    Female,
    Male,
    Diverse,
};

enum class MockOrgState
{
    Unspecified,
    Active,
    Inactive,
    Removed,
};

struct MockUser
{
    QString id;
    QString orgId;
    MockUserType type = MockUserType::Human;
    MockUserState state = MockUserState::Active;
    QString userName;
    quint64 sequence = 0;
    QDateTime creationDate;
    QDateTime changeDate;

    // human
    QString givenName;
    QString familyName;
    QString nickName;
    QString displayName;
    QString preferredLanguage;
    MockGender gender = MockGender::Unspecified;
    QString email; // empty: the user has no email (imported without one)
    bool emailVerified = false;
    QString emailCode; // the pending verification code; empty: none pending
    QDateTime emailCodeCreated; // when emailCode was issued: its age decides whether it expired
    QString phone; // empty: no phone
    bool phoneVerified = false;
    QString phoneCode;
    QDateTime phoneCodeCreated;
    QDateTime passwordChanged;
    bool passwordChangeRequired = false;

    // machine
    QString machineName;
    QString description;
    bool hasSecret = false;
    bool jwtAccessToken = false; // ACCESS_TOKEN_TYPE_JWT; false = ACCESS_TOKEN_TYPE_BEARER

    bool isHuman() const { return type == MockUserType::Human; }
};

struct MockOrg
{
    QString id;
    QString name;
    MockOrgState state = MockOrgState::Active;
    QString primaryDomain;
    QStringList domains; // all verified domains, primary included
    QString mailDomain; // domain of generated users' email addresses
    quint64 sequence = 0;
    QDateTime creationDate;
    QDateTime changeDate;
};

enum class MockPermission
{
    UserRead,
    UserWrite,
    OrgRead,
};

struct MockGrant
{
    QString orgId; // "*" = every organization of the instance
    QList<MockPermission> permissions;
};

struct MockToken
{
    QString token;
    QString userId; // the service user the token belongs to
    QString homeOrgId; // that user's organization: the default org context of v1 calls
    QString description;
    QList<MockGrant> grants;
};

struct MockInstance
{
    QString id;
    QString domain; // host of ZITADEL's default verification links
    QString defaultOrgId;
    quint64 processedSequence = 0;
};
