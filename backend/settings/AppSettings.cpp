#include "AppSettings.h"

#include "SettingsLogging.h"

#include <QSettings>

namespace
{
struct KeyInfo
{
    AppSettings::Key key;
    const char* name;
    QVariant defaultValue;
};

// One row per key, in enum order (checked below). An invalid default means "none" (geometry,
// state blobs); get() returns the stored value unconverted then.
// clang-format off
const KeyInfo keyTable[] = {
    {AppSettings::Key::LastConnection,     "connection/last",         QStringLiteral("mock")},
    {AppSettings::Key::MockToken,          "connection/mockToken",    QStringLiteral("mock-admin")},
    {AppSettings::Key::LastOrganization,   "browse/lastOrganization", QString()},
    {AppSettings::Key::LastUser,           "browse/lastUser",         QString()},
    {AppSettings::Key::MainWindowGeometry, "window/geometry",         QVariant()},
    {AppSettings::Key::MainWindowState,    "window/state",            QVariant()},
    {AppSettings::Key::InspectorVisible,   "inspector/visible",       true},
    {AppSettings::Key::InspectorState,     "inspector/state",         QVariant()},
    {AppSettings::Key::ResendApi,          "resend/api",              QStringLiteral("v2")},
    {AppSettings::Key::ResendDelivery,     "resend/delivery",         QStringLiteral("send")},
    {AppSettings::Key::ResendUrlTemplate,  "resend/urlTemplate",      QString()},
    {AppSettings::Key::CooldownSeconds,    "resend/cooldownSeconds",  30},
    {AppSettings::Key::TimeoutSeconds,     "network/timeoutSeconds",  30},
    {AppSettings::Key::MockExposePort,     "mock/exposePort",         8089},
    {AppSettings::Key::MockExposed,        "mock/exposed",            false},
    {AppSettings::Key::MockPanelVisible,   "mock/panelVisible",       false},
};
// clang-format on

const KeyInfo& info(AppSettings::Key key)
{
    const auto index = static_cast<std::size_t>(key);
    Q_ASSERT(index < std::size(keyTable) && keyTable[index].key == key);
    return keyTable[index];
}

// INI files give every scalar back as a string; bring it back to the type of the default.
QVariant typed(const QVariant& stored, const QVariant& defaultValue)
{
    if (!defaultValue.isValid() || stored.metaType() == defaultValue.metaType())
        return stored;
    QVariant converted = stored;
    if (converted.convert(defaultValue.metaType()))
        return converted;
    return defaultValue; // a hand-edited value we cannot read: behave as if unset
}
} // namespace

AppSettings::AppSettings(QObject* parent)
    : QObject(parent)
    , m_settings(new QSettings(
          QSettings::IniFormat, QSettings::UserScope, QStringLiteral("VerifyDesk"), QStringLiteral("verifydesk"), this))
{
    qCDebug(lcSettings) << "settings file" << m_settings->fileName();
}

AppSettings::AppSettings(const QString& iniFile, QObject* parent)
    : QObject(parent)
    , m_settings(new QSettings(iniFile, QSettings::IniFormat, this))
{ }

AppSettings::~AppSettings()
{
    m_settings->sync();
}

QString AppSettings::name(Key key)
{
    return QString::fromLatin1(info(key).name);
}

QVariant AppSettings::defaultValue(Key key)
{
    return info(key).defaultValue;
}

QVariant AppSettings::get(Key key) const
{
    const KeyInfo& k = info(key);
    if (!m_settings->contains(QLatin1String(k.name)))
        return k.defaultValue;
    return typed(m_settings->value(QLatin1String(k.name)), k.defaultValue);
}

void AppSettings::set(Key key, const QVariant& value)
{
    const KeyInfo& k = info(key);
    const QVariant before = get(key);
    m_settings->setValue(QLatin1String(k.name), value);
    // Only a change of what get() answers is a change; writing the same value again is not.
    if (get(key) != before)
        Q_EMIT changed(key);
}

void AppSettings::remove(Key key)
{
    const KeyInfo& k = info(key);
    if (!m_settings->contains(QLatin1String(k.name)))
        return;
    const QVariant before = get(key);
    m_settings->remove(QLatin1String(k.name));
    if (get(key) != before)
        Q_EMIT changed(key);
}

void AppSettings::sync()
{
    m_settings->sync();
}
