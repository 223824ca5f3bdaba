#pragma once

#include <QObject>
#include <QVariant>

class QSettings;

// The application's own state (last choices, window layout, resend defaults) behind one typed
// wrapper over QSettings: keys are an enum, names and defaults live in one table, and every
// write that changes a value emits changed(key). There is deliberately no key for tokens:
// secrets go to the SecretStore, never to the settings file.
class AppSettings : public QObject
{
    Q_OBJECT

public:
    enum class Key
    {
        LastConnection, // "mock" or a ConnectionProfile id
        MockToken, // which mock identity the embedded mock is called with (not a secret)
        LastOrganization,
        LastUser,
        MainWindowGeometry,
        MainWindowState,
        InspectorVisible,
        InspectorState,
        ResendApi, // "v1", "v2", ...
        ResendDelivery, // "send" or "return"
        ResendUrlTemplate,
        CooldownSeconds,
        TimeoutSeconds,
        MockExposePort, // the fixed loopback port the embedded mock was last exposed on
        MockExposed, // whether it is exposed there again at the next start
        MockPanelVisible,
    };
    Q_ENUM(Key)

    // The user's settings file: INI, user scope, organization "VerifyDesk", application "verifydesk".
    explicit AppSettings(QObject* parent = nullptr);
    // A given INI file, for tests and for a --settings command-line option.
    explicit AppSettings(const QString& iniFile, QObject* parent = nullptr);
    ~AppSettings() override;

    // The stored value converted to the default's type, or the default when nothing is stored.
    QVariant get(Key key) const;
    void set(Key key, const QVariant& value);
    void remove(Key key);

    static QString name(Key key);
    static QVariant defaultValue(Key key);

    // The underlying file, shared with ProfileStore so that everything is in one place.
    QSettings* settings() const { return m_settings; }
    void sync();

Q_SIGNALS:
    void changed(AppSettings::Key key);

private:
    QSettings* m_settings;
};
