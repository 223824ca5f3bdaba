#pragma once

#include "MockModel.h"
#include "MockUserFields.h"
#include "MockUserGenerator.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

// Where a user lives: one of the seed users, or generated user `index` of organization `org`.
struct MockUserRef
{
    int org = -1; // index into MockUserStore's organizations
    int seed = -1; // index of a seed user; -1 for generated users
    quint32 index = 0; // generated user index when seed < 0

    bool isGenerated() const { return seed < 0; }
};

class MockUserStore;

// One user as search and sort see it, without materialising a MockUser. text() returns a
// view that stays valid until the next text() call on the same view.
class MockUserView
{
public:
    MockUserView(const MockUserStore& store, MockUserRef ref);

    MockUserRef ref() const { return m_ref; }
    QStringView text(MockUserTextField field, bool lower) const;
    QStringView id() const;
    MockUserState state() const;
    MockUserType type() const;
    const QString& orgId() const;
    qint64 creationMs() const;
    quint64 generatedSortKey(MockUserSortColumn column) const; // generated users only

private:
    const MockUserStore& m_store;
    MockUserRef m_ref;
    MockUserGenerator::Traits m_traits; // generated users only
    mutable MockTextBuffer m_buffer;
    mutable MockTextBuffer m_idBuffer;
};

// All users of the instance: the seed users plus the generated ones, with an overlay for
// generated users that have changed. The mock changes a user in two ways only: issuing a
// verification code and recording a verification attempt. Neither touches a searchable or
// sortable field (codes, verified flags, sequence and change date are none of them); that is
// what lets search and sort read generated users straight from the generator, and why
// issueCode() and recordVerification() are the only mutators.
class MockUserStore
{
public:
    enum class Channel
    {
        Email,
        Phone,
    };

    // `changedGenerated`: generated users as a saved state left them (MockSeed); each replaces
    // the generated user with its id.
    MockUserStore(const QList<MockOrg>& orgs,
        const QList<MockUser>& seedUsers,
        quint64 generatedPerOrg,
        const QList<MockUser>& changedGenerated = {});

    int orgCount() const { return int(m_orgs.size()); }
    const MockOrg& org(int index) const { return m_orgs[index].org; }
    int orgIndex(const QString& orgId) const { return m_orgIndex.value(orgId, -1); }

    std::optional<MockUserRef> find(QStringView userId) const;
    MockUser user(MockUserRef ref) const; // the current state, overlay applied

    const QList<int>& seedUsersOfOrg(int org) const { return m_orgs[org].seedUsers; }
    quint64 generatedPerOrg() const { return m_generator.perOrg(); }
    quint64 userCount() const;

    // For saving the state (MockSeedWriter): the seed users as they are now, in seed order,
    // and the generated users that differ from the generator's, in id order.
    QList<MockUser> seedUsers() const;
    QList<MockUser> changedGeneratedUsers() const;

    // Replaces the pending code of one channel (issued `now`), raises the sequence by one and
    // sets the change date: what ZITADEL's "code added" event does. Returns the updated user.
    MockUser issueCode(MockUserRef ref, Channel channel, const QString& code, const QDateTime& now);
    // Records a verification attempt on one channel, as ZITADEL's "verified" or "verification
    // failed" event: either raises the sequence by one and sets the change date; success also
    // marks the address verified and drops the pending code. Returns the updated user.
    MockUser recordVerification(MockUserRef ref, Channel channel, bool verified, const QDateTime& now);

private:
    friend class MockUserView;

    struct SeedEntry
    {
        MockUser user;
        QString loginName;
        QString lower[8]; // per MockUserTextField
    };
    struct OrgEntry
    {
        MockOrg org;
        QList<int> seedUsers;
    };

    static quint64 overlayKey(MockUserRef ref) { return quint64(ref.org) << 32 | ref.index; }
    MockUser& mutableUser(MockUserRef ref); // a generated user is copied into the overlay first

    std::vector<OrgEntry> m_orgs;
    QHash<QString, int> m_orgIndex;
    std::vector<SeedEntry> m_seed;
    QHash<QString, int> m_seedIndex;
    MockUserGenerator m_generator;
    QHash<quint64, MockUser> m_overlay;
};
