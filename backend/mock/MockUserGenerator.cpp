#include "MockUserGenerator.h"

#include "MockNameTables.h"

namespace
{
quint64 splitmix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// 2025-06-01T00:00:00Z; each organization's generated users get their own 40-day window
// (a million users at 3 s apart take under 35 days), so organizations never interleave.
constexpr qint64 GeneratedEpochMs = Q_INT64_C(1748736000000);
constexpr qint64 OrgWindowMs = Q_INT64_C(40) * 24 * 3600 * 1000;
constexpr qint64 UserSpacingMs = 3000;

MockUserGenerator::Contact contactFrom(quint64 percent, int none, int verified, int pending)
{
    if (percent < quint64(none))
        return MockUserGenerator::Contact::None;
    if (percent < quint64(verified))
        return MockUserGenerator::Contact::Verified;
    if (percent < quint64(pending))
        return MockUserGenerator::Contact::Pending;
    return MockUserGenerator::Contact::Unsent;
}

// Email sort key within one (first, last) stem: the address continues with the decimal
// index and '@'. Comparing "1042@" with "104@" character by character puts '2' before '@'
// (digits sort below '@'), so encode each digit d as d+1, '@' as 11 and the end as 0, in
// base 12, most significant first: the numbers then compare like the strings.
quint64 emailSuffixKey(quint64 index)
{
    char16_t digits[12];
    int n = 0;
    do {
        digits[n++] = char16_t(index % 10);
        index /= 10;
    } while (index > 0);
    quint64 key = 0;
    int symbols = 0;
    while (n > 0) {
        key = key * 12 + digits[--n] + 1;
        ++symbols;
    }
    key = key * 12 + 11;
    ++symbols;
    for (; symbols < 9; ++symbols)
        key *= 12;
    return key;
}
} // namespace

MockUserGenerator::MockUserGenerator(const QList<MockOrg>& orgs, quint64 perOrg)
    : m_perOrg(perOrg)
{
    for (const MockOrg& org : orgs) {
        m_orgs.append(
            OrgInfo {org.id, org.primaryDomain, org.primaryDomain.toLower(), org.mailDomain, org.mailDomain.toLower()});
    }
}

MockUserGenerator::Traits MockUserGenerator::traits(int org, quint32 index) const
{
    const MockNameTables& names = MockNameTables::instance();
    Traits t;
    t.org = org;
    t.index = index;
    t.hash = splitmix64((quint64(org) << 40) ^ index ^ 0x5eed5eedULL);
    const quint64 h = t.hash;
    t.machine = h % 100 < 5;
    const quint64 s = (h >> 8) % 100;
    t.state = s < 2 ? MockUserState::Initial
        : s < 5     ? MockUserState::Inactive
        : s < 6     ? MockUserState::Locked
                    : MockUserState::Active;
    t.first = int((h >> 16) % quint64(names.firstCount()));
    t.last = int((h >> 24) % quint64(names.lastCount()));
    t.job = int((h >> 44) % quint64(names.jobCount()));
    if (!t.machine) {
        t.email = contactFrom((h >> 32) % 100, 4, 60, 90);
        t.phone = contactFrom((h >> 40) % 100, 45, 75, 92);
    }
    return t;
}

QString MockUserGenerator::id(int org, quint64 index)
{
    MockTextBuffer b;
    appendId(b, org, index);
    return b.view().toString();
}

void MockUserGenerator::appendId(MockTextBuffer& out, int org, quint64 index)
{
    out.append(u'9');
    out.appendNumber(quint64(org), 2);
    out.appendLatin1("00000");
    out.appendNumber(index, 10);
}

bool MockUserGenerator::parseId(QStringView id, int* org, quint64* index)
{
    if (id.size() != 18 || id.at(0) != u'9')
        return false;
    quint64 o = 0;
    quint64 i = 0;
    for (int p = 1; p < 18; ++p) {
        const char16_t c = id.at(p).unicode();
        if (c < u'0' || c > u'9')
            return false;
        if (p < 3)
            o = o * 10 + (c - u'0');
        else if (p < 8 && c != u'0')
            return false;
        else if (p >= 8)
            i = i * 10 + (c - u'0');
    }
    *org = int(o);
    *index = i;
    return true;
}

QDateTime MockUserGenerator::creationDate(const Traits& t) const
{
    return QDateTime::fromMSecsSinceEpoch(
        GeneratedEpochMs + t.org * OrgWindowMs + qint64(t.index) * UserSpacingMs, Qt::UTC);
}

void MockUserGenerator::appendUserName(const Traits& t, MockTextBuffer& out) const
{
    const MockNameTables& names = MockNameTables::instance();
    out.append(u'u');
    out.appendNumber(t.index, 7);
    out.append(u'.');
    if (t.machine) {
        out.appendLatin1("svc.");
        out.append(names.job(t.job).ascii);
        return;
    }
    out.append(names.first(t.first).ascii);
    out.append(u'.');
    out.append(names.last(t.last).ascii);
}

void MockUserGenerator::appendEmail(const Traits& t, bool lower, MockTextBuffer& out) const
{
    const MockNameTables& names = MockNameTables::instance();
    out.append(names.first(t.first).ascii);
    out.append(u'.');
    out.append(names.last(t.last).ascii);
    out.appendNumber(t.index);
    out.append(u'@');
    const OrgInfo& org = m_orgs[t.org];
    out.append(lower ? org.mailDomainLower : org.mailDomain);
}

void MockUserGenerator::appendPhone(const Traits& t, MockTextBuffer& out) const
{
    const MockNameTables& names = MockNameTables::instance();
    out.append(names.phonePrefix(int((t.hash >> 52) % quint64(names.phonePrefixCount()))));
    out.appendNumber(t.index, 7);
}

QStringView MockUserGenerator::text(const Traits& t, MockUserTextField field, bool lower, MockTextBuffer& buffer) const
{
    const MockNameTables& names = MockNameTables::instance();
    buffer.clear();
    switch (field) {
    case MockUserTextField::UserName:
        appendUserName(t, buffer);
        break;
    case MockUserTextField::LoginName: {
        appendUserName(t, buffer);
        buffer.append(u'@');
        const OrgInfo& org = m_orgs[t.org];
        buffer.append(lower ? org.primaryDomainLower : org.primaryDomain);
        break;
    }
    case MockUserTextField::GivenName:
        if (!t.machine)
            buffer.append(lower ? names.first(t.first).lower : names.first(t.first).display);
        break;
    case MockUserTextField::FamilyName:
        if (!t.machine)
            buffer.append(lower ? names.last(t.last).lower : names.last(t.last).display);
        break;
    case MockUserTextField::DisplayName:
        if (!t.machine) {
            buffer.append(lower ? names.first(t.first).lower : names.first(t.first).display);
            buffer.append(u' ');
            buffer.append(lower ? names.last(t.last).lower : names.last(t.last).display);
        }
        break;
    case MockUserTextField::NickName:
        break; // generated users have no nick name
    case MockUserTextField::Email:
        if (t.email != Contact::None)
            appendEmail(t, lower, buffer);
        break;
    case MockUserTextField::Phone:
        if (t.phone != Contact::None)
            appendPhone(t, buffer);
        break;
    }
    return buffer.view();
}

bool MockUserGenerator::isIndexOrdered(MockUserSortColumn column)
{
    return column == MockUserSortColumn::Unspecified || column == MockUserSortColumn::CreationDate
        || column == MockUserSortColumn::UserName || column == MockUserSortColumn::NickName;
}

// Keys for the columns that are not index-ordered. Ties are broken by index by the caller,
// which equals id order within one organization, the same tie-break the real comparison
// uses. Empty values (machine users, no email) sort first, as "" does.
quint64 MockUserGenerator::sortKey(const Traits& t, MockUserSortColumn column) const
{
    const MockNameTables& names = MockNameTables::instance();
    switch (column) {
    case MockUserSortColumn::FirstName:
        return t.machine ? 0 : 1 + quint64(names.first(t.first).rank);
    case MockUserSortColumn::LastName:
        return t.machine ? 0 : 1 + quint64(names.last(t.last).rank);
    case MockUserSortColumn::DisplayName:
        return t.machine ? 0 : 1 + quint64(names.displayRank(t.first, t.last));
    case MockUserSortColumn::Email:
        if (t.email == Contact::None)
            return 0;
        return (1 + quint64(names.emailRank(t.first, t.last))) << 36 | emailSuffixKey(t.index);
    case MockUserSortColumn::State:
        return quint64(t.state);
    case MockUserSortColumn::Type:
        return quint64(type(t));
    case MockUserSortColumn::Unspecified:
    case MockUserSortColumn::UserName:
    case MockUserSortColumn::NickName:
    case MockUserSortColumn::CreationDate:
        break;
    }
    return 0;
}

QString MockUserGenerator::emailCode(const Traits& t) const
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    quint64 h = splitmix64(t.hash ^ 0xe3a11ULL);
    QString code(6, Qt::Uninitialized);
    for (int i = 0; i < 6; ++i, h >>= 5)
        code[i] = QLatin1Char(alphabet[h % 32]);
    return code;
}

QString MockUserGenerator::phoneCode(const Traits& t) const
{
    quint64 h = splitmix64(t.hash ^ 0x5a5ULL);
    QString code(6, Qt::Uninitialized);
    for (int i = 0; i < 6; ++i, h /= 10)
        code[i] = QLatin1Char(char('0' + h % 10));
    return code;
}

MockUser MockUserGenerator::materialize(const Traits& t) const
{
    const MockNameTables& names = MockNameTables::instance();
    MockTextBuffer b;
    MockUser u;
    u.id = id(t.org, t.index);
    u.orgId = m_orgs[t.org].id;
    u.type = type(t);
    u.state = t.state;
    u.userName = text(t, MockUserTextField::UserName, false, b).toString();
    u.sequence = 2 + (t.hash >> 50) % 30;
    u.creationDate = creationDate(t);
    u.changeDate = u.creationDate.addSecs(qint64((t.hash >> 56) % 200) * 3600 + qint64(t.hash % 3600));
    if (t.machine) {
        u.machineName = names.job(t.job).display + QLatin1String(" Bot");
        u.description = QStringLiteral("Service account for %1").arg(names.job(t.job).display);
        u.hasSecret = (t.hash >> 20) & 1;
        u.jwtAccessToken = (t.hash >> 21) & 1;
        return u;
    }
    u.givenName = names.first(t.first).display;
    u.familyName = names.last(t.last).display;
    u.displayName = u.givenName + QLatin1Char(' ') + u.familyName;
    u.preferredLanguage = names.language(int((t.hash >> 60) % quint64(names.languageCount())));
    u.gender = names.first(t.first).gender;
    if (t.email != Contact::None) {
        u.email = text(t, MockUserTextField::Email, false, b).toString();
        u.emailVerified = t.email == Contact::Verified;
        if (t.email == Contact::Pending) {
            u.emailCode = emailCode(t);
            u.emailCodeCreated = u.changeDate; // sending the code was the user's last change
        }
    }
    if (t.phone != Contact::None) {
        u.phone = text(t, MockUserTextField::Phone, false, b).toString();
        u.phoneVerified = t.phone == Contact::Verified;
        if (t.phone == Contact::Pending) {
            u.phoneCode = phoneCode(t);
            u.phoneCodeCreated = u.changeDate;
        }
    }
    if (t.state != MockUserState::Initial)
        u.passwordChanged = u.creationDate.addSecs(600);
    u.passwordChangeRequired = t.state == MockUserState::Initial;
    return u;
}
