#include "MockZitadel.h"

#include "MockAdminToken.h"
#include "MockLog.h"
#include "MockSeedLoader.h"

namespace
{
QRandomGenerator seededGenerator(quint64 seed)
{
    const quint32 words[2] = {quint32(seed), quint32(seed >> 32)};
    return QRandomGenerator(words, 2);
}

quint64 drawRandomSeed()
{
    quint64 seed = 0;
    while (seed == 0)
        seed = QRandomGenerator::global()->generate64();
    return seed;
}

QString tooManyOrgs()
{
    return QStringLiteral("generated users need a seed with at most %1 organizations").arg(MockUserGenerator::MaxOrgs);
}
} // namespace

MockZitadel::MockZitadel(MockSeed seed, quint64 randomSeed, QString adminToken)
    : m_access({})
    , m_oidc(std::make_unique<MockOidcProvider>(*this))
    , m_users({}, {}, 0)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_randomSeed(randomSeed)
    , m_random(seededGenerator(randomSeed))
    , m_startSeed(std::move(seed))
    , m_adminToken(std::move(adminToken))
{
    apply(m_startSeed);
}

MockZitadel::~MockZitadel() = default;

std::unique_ptr<MockZitadel> MockZitadel::create(const MockOptions& options, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return nullptr;
    };
    if (options.usersPerOrg > MockUserGenerator::MaxPerOrg)
        return fail(QStringLiteral("users per organization must be at most %1").arg(MockUserGenerator::MaxPerOrg));
    if (!options.adminToken.isEmpty()) {
        const QString problem = MockAdminToken::problem(options.adminToken);
        if (!problem.isEmpty())
            return fail(problem);
    }
    const QString path = options.seedFile.isEmpty() ? MockSeedLoader::builtInPath() : options.seedFile;
    auto seed = MockSeedLoader::loadFile(path, error);
    if (!seed)
        return nullptr;
    // A saved state names its generated users by index; another count would strand them.
    if (options.usersPerOrg > 0 && seed->generatedUsersPerOrg > 0 && options.usersPerOrg != seed->generatedUsersPerOrg)
        return fail(
            QStringLiteral("%1 was saved with %2 generated users per organization; asking for %3 does not fit it")
                .arg(path)
                .arg(seed->generatedUsersPerOrg)
                .arg(options.usersPerOrg));
    if (options.usersPerOrg > 0)
        seed->generatedUsersPerOrg = options.usersPerOrg;
    if (seed->generatedUsersPerOrg > 0 && seed->orgs.size() > MockUserGenerator::MaxOrgs)
        return fail(tooManyOrgs());
    const quint64 randomSeed = options.randomSeed != 0 ? options.randomSeed : drawRandomSeed();
    const QString adminToken = options.adminToken.isEmpty() ? MockAdminToken::generate() : options.adminToken;
    std::unique_ptr<MockZitadel> mock(new MockZitadel(std::move(*seed), randomSeed, adminToken));
    qCDebug(lcMock) << "mock ready:" << mock->m_users.userCount() << "users";
    return mock;
}

// Assignment, not new objects: the API objects keep their references to this MockZitadel,
// and nothing outside a single request holds on to a token or a store entry.
void MockZitadel::apply(const MockSeed& seed)
{
    m_instance = seed.instance;
    m_access = MockAccessControl(seed.tokens);
    m_access.setIssuedTokens([this](QByteArrayView token) { return m_oidc->caller(token); });
    m_oidc->load(seed.oidc); // every sign-in session ends with the state it belonged to
    m_users = MockUserStore(seed.orgs, seed.users, seed.generatedUsersPerOrg, seed.changedGeneratedUsers);
}

void MockZitadel::replace(const MockSeed& seed)
{
    apply(seed);
    m_random = seededGenerator(m_randomSeed);
    clearOutbox();
    qCDebug(lcMock) << "state replaced:" << m_users.userCount() << "users";
    emit stateReset();
}

MockSeed MockZitadel::snapshot() const
{
    MockSeed seed;
    seed.instance = m_instance;
    seed.orgs = organizations();
    seed.users = m_users.seedUsers();
    seed.tokens = m_access.tokens();
    seed.generatedUsersPerOrg = m_users.generatedPerOrg();
    seed.changedGeneratedUsers = m_users.changedGeneratedUsers();
    seed.oidc = m_oidc->config();
    return seed;
}

bool MockZitadel::load(const QByteArray& seedJson, QString* error)
{
    const auto seed = MockSeedLoader::parse(seedJson, error);
    if (!seed)
        return false;
    load(*seed);
    return true;
}

void MockZitadel::load(const MockSeed& seed)
{
    replace(seed);
}

void MockZitadel::reset()
{
    replace(m_startSeed);
}

bool MockZitadel::generate(quint64 usersPerOrg, QString* error)
{
    QString problem;
    if (usersPerOrg > MockUserGenerator::MaxPerOrg)
        problem = QStringLiteral("users per organization must be at most %1").arg(MockUserGenerator::MaxPerOrg);
    else if (usersPerOrg > 0 && m_startSeed.orgs.size() > MockUserGenerator::MaxOrgs)
        problem = tooManyOrgs();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    MockSeed seed = m_startSeed;
    seed.generatedUsersPerOrg = usersPerOrg;
    seed.changedGeneratedUsers.clear();
    replace(seed);
    return true;
}

void MockZitadel::setRandomSeed(quint64 seed)
{
    m_randomSeed = seed != 0 ? seed : drawRandomSeed();
    m_random = seededGenerator(m_randomSeed);
}

qsizetype MockZitadel::clearOutbox()
{
    const qsizetype removed = m_outbox.clear();
    emit outboxCleared();
    return removed;
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
