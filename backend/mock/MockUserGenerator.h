#pragma once

#include "MockModel.h"
#include "MockUserFields.h"

#include <QDateTime>
#include <QList>
#include <QString>

// Users added with --users-per-org, computed on demand from (organization index, user
// index) so a million of them cost nothing until asked for. Everything is a pure function
// of those two numbers (and the org's domains), so runs are repeatable.
//
// Id scheme: 18 digits, "9" + org index (2 digits) + "00000" + user index (10 digits).
// Seed ids never start with 9 at 18 digits (MockSeedLoader refuses them), so the id alone says
// "generated" and resolves in O(1).
//
// User names are "u" + 7-digit index + "." + name parts, creation dates grow with the index:
// default, creation-date and user-name order are index order and need no sorting.
class MockUserGenerator
{
public:
    static constexpr quint64 MaxPerOrg = 1'000'000;
    static constexpr int MaxOrgs = 100;

    enum class Contact : quint8
    {
        None,
        Verified,
        Pending, // unverified, a code was sent
        Unsent, // unverified, no code was ever sent
    };

    // The per-user choices, cheap to compute and free of allocations.
    struct Traits
    {
        int org = 0;
        quint32 index = 0;
        quint64 hash = 0;
        bool machine = false;
        MockUserState state = MockUserState::Active;
        int first = 0;
        int last = 0;
        int job = 0;
        Contact email = Contact::None;
        Contact phone = Contact::None;
    };

    MockUserGenerator(const QList<MockOrg>& orgs, quint64 perOrg);

    quint64 perOrg() const { return m_perOrg; }
    Traits traits(int org, quint32 index) const;

    static QString id(int org, quint64 index);
    static void appendId(MockTextBuffer& out, int org, quint64 index);
    // True when `id` has the generated shape; does not check the index against perOrg.
    static bool parseId(QStringView id, int* org, quint64* index);

    MockUser materialize(const Traits& t) const;

    // One text field as search sees it; `lower` gives the lowercase form.
    QStringView text(const Traits& t, MockUserTextField field, bool lower, MockTextBuffer& buffer) const;

    MockUserState state(const Traits& t) const { return t.state; }
    MockUserType type(const Traits& t) const { return t.machine ? MockUserType::Machine : MockUserType::Human; }
    QDateTime creationDate(const Traits& t) const;

    // For sort columns that are not in index order: a key whose order, with the index as
    // tie-break, equals the order of the real field values (see the .cpp for why).
    quint64 sortKey(const Traits& t, MockUserSortColumn column) const;
    // True for the columns whose order within one organization is simply index order.
    static bool isIndexOrdered(MockUserSortColumn column);

private:
    QString emailCode(const Traits& t) const;
    QString phoneCode(const Traits& t) const;
    void appendUserName(const Traits& t, MockTextBuffer& out) const;
    void appendEmail(const Traits& t, bool lower, MockTextBuffer& out) const;
    void appendPhone(const Traits& t, MockTextBuffer& out) const;

    struct OrgInfo
    {
        QString id;
        QString primaryDomain;
        QString primaryDomainLower;
        QString mailDomain;
        QString mailDomainLower;
    };
    QList<OrgInfo> m_orgs;
    quint64 m_perOrg;
};
