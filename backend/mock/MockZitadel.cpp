#include "MockZitadel.h"

#include "MockLog.h"
#include "MockSeedLoader.h"

namespace
{
QRandomGenerator seededGenerator(quint64 seed)
{
    if (seed == 0)
        return QRandomGenerator(QRandomGenerator::global()->generate());
    const quint32 words[2] = {quint32(seed), quint32(seed >> 32)};
    return QRandomGenerator(words, 2);
}
} // namespace

MockZitadel::MockZitadel(MockSeed* seed, const MockOptions& options)
    : m_options(options)
    , m_instance(seed->instance)
    , m_access(seed->tokens)
    , m_users(seed->orgs, seed->users, options.usersPerOrg)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_random(seededGenerator(options.randomSeed))
{ }

MockZitadel::~MockZitadel() = default;

std::unique_ptr<MockZitadel> MockZitadel::create(const MockOptions& options, QString* error)
{
    if (options.usersPerOrg > MockUserGenerator::MaxPerOrg) {
        if (error)
            *error = QStringLiteral("users per organization must be at most %1").arg(MockUserGenerator::MaxPerOrg);
        return nullptr;
    }
    auto seed =
        MockSeedLoader::loadFile(options.seedFile.isEmpty() ? MockSeedLoader::builtInPath() : options.seedFile, error);
    if (!seed)
        return nullptr;
    if (options.usersPerOrg > 0 && seed->orgs.size() > MockUserGenerator::MaxOrgs) {
        if (error)
            *error = QStringLiteral("generated users need a seed with at most %1 organizations")
                         .arg(MockUserGenerator::MaxOrgs);
        return nullptr;
    }
    std::unique_ptr<MockZitadel> mock(new MockZitadel(&*seed, options));
    qCDebug(lcMock) << "mock ready:" << mock->m_users.userCount() << "users";
    return mock;
}

void MockZitadel::setClock(std::function<QDateTime()> now)
{
    m_clock = now ? std::move(now) : [] { return QDateTime::currentDateTimeUtc(); };
}

QList<MockOrg> MockZitadel::organizations() const
{
    QList<MockOrg> out;
    for (int i = 0; i < m_users.orgCount(); ++i)
        out.append(m_users.org(i));
    return out;
}

std::optional<MockUser> MockZitadel::user(const QString& userId) const
{
    const auto ref = m_users.find(userId);
    if (!ref)
        return std::nullopt;
    return m_users.user(*ref);
}

QString MockZitadel::pendingEmailCode(const QString& userId) const
{
    const auto u = user(userId);
    return u ? u->emailCode : QString();
}

QString MockZitadel::pendingPhoneCode(const QString& userId) const
{
    const auto u = user(userId);
    return u ? u->phoneCode : QString();
}

quint64 MockZitadel::userSequence(const QString& userId) const
{
    const auto u = user(userId);
    return u ? u->sequence : 0;
}

QString MockZitadel::generatedUserId(int orgIndex, quint64 userIndex)
{
    return MockUserGenerator::id(orgIndex, userIndex);
}

// Codes as an instance with default secret generators would make them: 6 characters for
// email (upper-case letters and digits without the look-alikes I, O, 0, 1), 6 digits for
// SMS. zitadel-api.md §12.10 leaves the real default open.
QString MockZitadel::newEmailCode()
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString code(6, Qt::Uninitialized);
    for (int i = 0; i < 6; ++i)
        code[i] = QLatin1Char(alphabet[m_random.bounded(32)]);
    return code;
}

QString MockZitadel::newPhoneCode()
{
    QString code(6, Qt::Uninitialized);
    for (int i = 0; i < 6; ++i)
        code[i] = QLatin1Char(char('0' + m_random.bounded(10)));
    return code;
}

bool MockZitadel::setCodeLifetimeSeconds(int seconds)
{
    if (seconds < MinCodeLifetimeSeconds || seconds > MaxCodeLifetimeSeconds)
        return false;
    m_codeLifetimeSeconds = seconds;
    return true;
}

// As ZITADEL's crypto.IsCodeExpired: expired once issued + lifetime lies before now, so a code
// is still good at exactly issued + lifetime. ZITADEL stores each code's expiry with the code
// when it is issued; the mock applies the current lifetime to every pending code instead, so
// QA can expire the seed's codes by shortening it (our choice). A code without issue time
// counts as issued at the zero time, as in ZITADEL: long expired.
bool MockZitadel::isCodeExpired(const QDateTime& issued) const
{
    if (!issued.isValid())
        return true;
    return issued.addSecs(m_codeLifetimeSeconds) < now();
}

void MockZitadel::deliver(MockOutboxMessage message)
{
    message.id = ++m_lastOutboxId;
    m_outbox.push(message);
    qCDebug(lcMock) << "outbox:" << message.channel << "to user" << message.userId << "via" << message.cause;
    emit messageSent(message);
}

QString MockZitadel::defaultVerificationLink(const QString& userId, const QString& code, const QString& orgId) const
{
    // Built in one allocation: this runs for every email resend, the benchmarked path.
    static const QLatin1String scheme("https://");
    static const QLatin1String path("/ui/login/mail/verification?userID=");
    static const QLatin1String codeKey("&code=");
    static const QLatin1String orgKey("&orgID=");
    QString link;
    link.reserve(scheme.size() + m_instance.domain.size() + path.size() + userId.size() + codeKey.size() + code.size()
        + orgKey.size() + orgId.size());
    link.append(scheme).append(m_instance.domain).append(path).append(userId).append(codeKey).append(code);
    link.append(orgKey).append(orgId);
    return link;
}
