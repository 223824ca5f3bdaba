#include "MockUserStore.h"

#include <algorithm>

namespace
{
const QString& seedText(const MockUser& u, const QString& loginName, MockUserTextField field)
{
    switch (field) {
    case MockUserTextField::UserName:
        return u.userName;
    case MockUserTextField::GivenName:
        return u.givenName;
    case MockUserTextField::FamilyName:
        return u.familyName;
    case MockUserTextField::NickName:
        return u.nickName;
    case MockUserTextField::DisplayName:
        return u.displayName;
    case MockUserTextField::Email:
        return u.email;
    case MockUserTextField::Phone:
        return u.phone;
    case MockUserTextField::LoginName:
        return loginName;
    }
    return u.userName;
}
} // namespace

MockUserStore::MockUserStore(const QList<MockOrg>& orgs,
    const QList<MockUser>& seedUsers,
    quint64 generatedPerOrg,
    const QList<MockUser>& changedGenerated)
    : m_generator(orgs, generatedPerOrg)
{
    for (const MockOrg& org : orgs) {
        m_orgIndex.insert(org.id, int(m_orgs.size()));
        m_orgs.push_back(OrgEntry {org, {}});
    }
    for (const MockUser& user : seedUsers) {
        const int org = m_orgIndex.value(user.orgId, -1);
        Q_ASSERT(org >= 0); // MockSeedLoader checked it
        SeedEntry e;
        e.user = user;
        e.loginName = user.userName + QLatin1Char('@') + m_orgs[size_t(org)].org.primaryDomain;
        for (int f = 0; f < 8; ++f)
            e.lower[f] = seedText(user, e.loginName, MockUserTextField(f)).toLower();
        m_seedIndex.insert(user.id, int(m_seed.size()));
        m_orgs[size_t(org)].seedUsers.append(int(m_seed.size()));
        m_seed.push_back(std::move(e));
    }
    for (const MockUser& user : changedGenerated) {
        const auto ref = find(user.id);
        Q_ASSERT(ref && ref->isGenerated()); // MockSeedLoader checked it
        if (ref && ref->isGenerated())
            m_overlay.insert(overlayKey(*ref), user);
    }
}

QList<MockUser> MockUserStore::seedUsers() const
{
    QList<MockUser> out;
    out.reserve(qsizetype(m_seed.size()));
    for (const SeedEntry& e : m_seed)
        out.append(e.user);
    return out;
}

QList<MockUser> MockUserStore::changedGeneratedUsers() const
{
    QList<quint64> keys = m_overlay.keys();
    std::sort(keys.begin(), keys.end()); // (org, index) order, which is id order
    QList<MockUser> out;
    out.reserve(keys.size());
    for (const quint64 key : keys)
        out.append(m_overlay.value(key));
    return out;
}

std::optional<MockUserRef> MockUserStore::find(QStringView userId) const
{
    int org = 0;
    quint64 index = 0;
    if (MockUserGenerator::parseId(userId, &org, &index)) {
        if (org < orgCount() && index < m_generator.perOrg())
            return MockUserRef {org, -1, quint32(index)};
        return std::nullopt;
    }
    const auto it = m_seedIndex.constFind(userId.toString());
    if (it == m_seedIndex.constEnd())
        return std::nullopt;
    return MockUserRef {m_orgIndex.value(m_seed[size_t(*it)].user.orgId), *it, 0};
}

MockUser MockUserStore::user(MockUserRef ref) const
{
    if (!ref.isGenerated())
        return m_seed[size_t(ref.seed)].user;
    const auto it = m_overlay.constFind(overlayKey(ref));
    if (it != m_overlay.constEnd())
        return *it;
    return m_generator.materialize(m_generator.traits(ref.org, ref.index));
}

quint64 MockUserStore::userCount() const
{
    return quint64(m_seed.size()) + quint64(m_orgs.size()) * m_generator.perOrg();
}

MockUser& MockUserStore::mutableUser(MockUserRef ref)
{
    if (!ref.isGenerated())
        return m_seed[size_t(ref.seed)].user;
    auto it = m_overlay.find(overlayKey(ref));
    if (it == m_overlay.end())
        it = m_overlay.insert(overlayKey(ref), m_generator.materialize(m_generator.traits(ref.org, ref.index)));
    return *it;
}

MockUser MockUserStore::issueCode(MockUserRef ref, Channel channel, const QString& code, const QDateTime& now)
{
    MockUser& u = mutableUser(ref);
    if (channel == Channel::Email) {
        u.emailCode = code;
        u.emailCodeCreated = now;
    } else {
        u.phoneCode = code;
        u.phoneCodeCreated = now;
    }
    ++u.sequence;
    u.changeDate = now;
    return u;
}

MockUser MockUserStore::recordVerification(MockUserRef ref, Channel channel, bool verified, const QDateTime& now)
{
    MockUser& u = mutableUser(ref);
    if (verified && channel == Channel::Email) {
        u.emailVerified = true;
        u.emailCode.clear();
        u.emailCodeCreated = QDateTime();
    } else if (verified) {
        u.phoneVerified = true;
        u.phoneCode.clear();
        u.phoneCodeCreated = QDateTime();
    }
    ++u.sequence;
    u.changeDate = now;
    return u;
}

MockUserView::MockUserView(const MockUserStore& store, MockUserRef ref)
    : m_store(store)
    , m_ref(ref)
{
    if (ref.isGenerated())
        m_traits = store.m_generator.traits(ref.org, ref.index);
}

QStringView MockUserView::text(MockUserTextField field, bool lower) const
{
    if (m_ref.isGenerated())
        return m_store.m_generator.text(m_traits, field, lower, m_buffer);
    const MockUserStore::SeedEntry& e = m_store.m_seed[size_t(m_ref.seed)];
    if (lower)
        return e.lower[int(field)];
    return seedText(e.user, e.loginName, field);
}

QStringView MockUserView::id() const
{
    if (!m_ref.isGenerated())
        return m_store.m_seed[size_t(m_ref.seed)].user.id;
    m_idBuffer.clear();
    MockUserGenerator::appendId(m_idBuffer, m_ref.org, m_ref.index);
    return m_idBuffer.view();
}

MockUserState MockUserView::state() const
{
    if (m_ref.isGenerated())
        return m_traits.state;
    return m_store.m_seed[size_t(m_ref.seed)].user.state;
}

MockUserType MockUserView::type() const
{
    if (m_ref.isGenerated())
        return m_store.m_generator.type(m_traits);
    return m_store.m_seed[size_t(m_ref.seed)].user.type;
}

const QString& MockUserView::orgId() const
{
    return m_store.m_orgs[size_t(m_ref.org)].org.id;
}

qint64 MockUserView::creationMs() const
{
    if (m_ref.isGenerated())
        return m_store.m_generator.creationDate(m_traits).toMSecsSinceEpoch();
    return m_store.m_seed[size_t(m_ref.seed)].user.creationDate.toMSecsSinceEpoch();
}

quint64 MockUserView::generatedSortKey(MockUserSortColumn column) const
{
    return m_store.m_generator.sortKey(m_traits, column);
}
