#include "ProfileStore.h"

#include "RequestValidation.h"

#include "SettingsLogging.h"

#include <QCollator>
#include <QRegularExpression>
#include <QSettings>
#include <QUuid>

#include <algorithm>

namespace
{
const QString group = QStringLiteral("profiles");
const QString nameKey = QStringLiteral("name");
const QString urlKey = QStringLiteral("baseUrl");
const QString orgKey = QStringLiteral("defaultOrganizationId");
const QString caKey = QStringLiteral("extraCaFile");
const QString plainHttpKey = QStringLiteral("allowPlainHttp");
const QString credentialKey = QStringLiteral("credential"); // "sign-in"; absent for a token
const QString clientIdKey = QStringLiteral("clientId");
const QString signInValue = QStringLiteral("sign-in");

// Plain http is acceptable only when the packets never leave this computer. Host names other
// than "localhost" are not trusted to resolve to loopback.
bool isLoopbackHost(const QString& host)
{
    static const QRegularExpression ipv4Loopback(QStringLiteral("^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$"));
    const QString h = host.toLower();
    return h == QLatin1String("localhost") || h == QLatin1String("::1") || ipv4Loopback.match(h).hasMatch();
}

bool allDigits(const QString& text)
{
    return std::all_of(
        text.cbegin(), text.cend(), [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
}
} // namespace

ProfileStore::ProfileStore(QSettings* settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{
    Q_ASSERT(m_settings);
}

std::optional<ConnectionProfile> ProfileStore::read(const QString& id) const
{
    const QString prefix = group + QLatin1Char('/') + id + QLatin1Char('/');
    if (!m_settings->contains(prefix + nameKey))
        return std::nullopt;
    ConnectionProfile p;
    p.id = id;
    p.name = m_settings->value(prefix + nameKey).toString();
    p.baseUrl = QUrl(m_settings->value(prefix + urlKey).toString());
    p.defaultOrganizationId = m_settings->value(prefix + orgKey).toString();
    p.extraCaFile = m_settings->value(prefix + caKey).toString();
    p.allowPlainHttp = m_settings->value(prefix + plainHttpKey, false).toBool();
    if (m_settings->value(prefix + credentialKey).toString() == signInValue)
        p.credential = ConnectionProfile::Credential::SignIn;
    p.clientId = m_settings->value(prefix + clientIdKey).toString();
    return p;
}

QList<ConnectionProfile> ProfileStore::profiles() const
{
    m_settings->beginGroup(group);
    const QStringList ids = m_settings->childGroups();
    m_settings->endGroup();

    QList<ConnectionProfile> result;
    for (const QString& id : ids) {
        // Listed even when a hand-edited entry no longer validates: people must be able to see
        // and delete it. Whoever connects with a profile validates it first.
        if (auto p = read(id))
            result.append(*p);
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(result.begin(), result.end(), [&](const ConnectionProfile& a, const ConnectionProfile& b) {
        const int c = collator.compare(a.name, b.name);
        return c != 0 ? c < 0 : a.id < b.id; // ids keep the order stable for equal names
    });
    return result;
}

std::optional<ConnectionProfile> ProfileStore::byId(const QString& id) const
{
    if (id.isEmpty() || id.contains(QLatin1Char('/')))
        return std::nullopt;
    return read(id);
}

std::optional<ConnectionProfile> ProfileStore::byName(const QString& name) const
{
    const QString wanted = name.trimmed();
    for (const ConnectionProfile& p : profiles()) {
        if (p.name.trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

bool ProfileStore::isPlainHttpToOtherHost(const QUrl& url)
{
    return url.scheme().toLower() == QLatin1String("http") && !isLoopbackHost(url.host());
}

std::optional<QString> ProfileStore::baseUrlProblem(const QUrl& url, bool allowPlainHttp)
{
    // The client's own rules first (the same sentences whether a profile is saved or a call
    // is made), then the one a saved profile adds: its token must never travel in clear text.
    if (auto problem = RequestValidation::baseUrlProblem(url))
        return problem;
    if (!allowPlainHttp && isPlainHttpToOtherHost(url))
        return tr("Plain http:// would send the token unencrypted over the network; use https://, or "
                  "explicitly allow plain http for this connection.");
    return std::nullopt;
}

std::optional<QString> ProfileStore::organizationIdProblem(const QString& organizationId)
{
    if (!allDigits(organizationId))
        return tr("The default organization id must contain only digits, like 312908912355508120.");
    return std::nullopt;
}

std::optional<QString> ProfileStore::clientIdProblem(const QString& clientId)
{
    const QString id = clientId.trimmed();
    if (id.isEmpty())
        return tr("Enter the client ID of the Native application in ZITADEL, like 312909075212468632@verifydesk.");
    if (id.size() > MaxClientIdLength)
        return tr("A client ID has at most %1 characters; this one has %2.").arg(MaxClientIdLength).arg(id.size());
    for (const QChar c : id) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return tr("The client ID contains spaces or invisible characters; copy it again from ZITADEL.");
    }
    return std::nullopt;
}

std::optional<QString> ProfileStore::validate(const ConnectionProfile& profile) const
{
    const QString name = profile.name.trimmed();
    if (name.isEmpty())
        return tr("Enter a name for the connection.");
    if (name.compare(reservedMockName(), Qt::CaseInsensitive) == 0)
        return tr("The name \"%1\" is reserved for the built-in mock; choose another name.").arg(reservedMockName());
    if (auto other = byName(name); other && other->id != profile.id)
        return tr("Another connection is already called \"%1\"; choose another name.").arg(other->name);
    if (auto problem = baseUrlProblem(profile.baseUrl, profile.allowPlainHttp))
        return problem;
    if (profile.signsIn()) {
        if (auto problem = clientIdProblem(profile.clientId))
            return problem;
    }
    return organizationIdProblem(profile.defaultOrganizationId);
}

std::optional<ConnectionProfile> ProfileStore::save(const ConnectionProfile& profile)
{
    if (auto problem = validate(profile)) {
        qCWarning(lcSettings) << "refused to save profile" << profile.id << ":" << *problem;
        return std::nullopt;
    }
    // The id names a settings group; anything but a QUuid could reach into other groups.
    if (!profile.id.isEmpty() && QUuid::fromString(profile.id).isNull()) {
        qCWarning(lcSettings) << "refused to save a profile whose id is not a UUID";
        return std::nullopt;
    }
    ConnectionProfile stored = profile;
    stored.name = profile.name.trimmed();
    stored.clientId = stored.signsIn() ? profile.clientId.trimmed() : QString(); // kept only where used
    if (stored.id.isEmpty())
        stored.id = QUuid::createUuid().toString(QUuid::WithoutBraces);

    const QString prefix = group + QLatin1Char('/') + stored.id;
    // Rewrite the whole group: whatever else a hand edit left there (a token, say) goes away.
    m_settings->remove(prefix);
    m_settings->setValue(prefix + QLatin1Char('/') + nameKey, stored.name);
    m_settings->setValue(prefix + QLatin1Char('/') + urlKey, stored.baseUrl.toString(QUrl::FullyEncoded));
    m_settings->setValue(prefix + QLatin1Char('/') + orgKey, stored.defaultOrganizationId);
    if (!stored.extraCaFile.isEmpty())
        m_settings->setValue(prefix + QLatin1Char('/') + caKey, stored.extraCaFile);
    if (stored.allowPlainHttp)
        m_settings->setValue(prefix + QLatin1Char('/') + plainHttpKey, true);
    if (stored.signsIn()) {
        m_settings->setValue(prefix + QLatin1Char('/') + credentialKey, signInValue);
        m_settings->setValue(prefix + QLatin1Char('/') + clientIdKey, stored.clientId);
    }
    m_settings->sync();
    qCDebug(lcSettings) << "saved profile" << stored.id;
    Q_EMIT changed();
    return stored;
}

void ProfileStore::remove(const QString& id)
{
    if (!byId(id))
        return;
    m_settings->remove(group + QLatin1Char('/') + id);
    m_settings->sync();
    qCDebug(lcSettings) << "removed profile" << id;
    Q_EMIT changed();
}
