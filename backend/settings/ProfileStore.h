#pragma once

#include "ConnectionProfile.h"

#include <QList>
#include <QObject>

#include <optional>

class QSettings;

// The saved live connections, in the settings file under "profiles/<id>/{name,baseUrl,
// defaultOrganizationId,extraCaFile,allowPlainHttp,credential,clientId}". Tokens are never written here (see
// SecretStore). The file is read on every call, so several stores over one QSettings always agree.
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    // The name of the built-in offline connection; no profile may take it.
    static QString reservedMockName() { return QStringLiteral("Embedded mock (offline)"); }

    // settings is not owned; it must outlive the store (AppSettings::settings()).
    explicit ProfileStore(QSettings* settings, QObject* parent = nullptr);

    QList<ConnectionProfile> profiles() const; // sorted by name, case-insensitively
    std::optional<ConnectionProfile> byId(const QString& id) const;
    std::optional<ConnectionProfile> byName(const QString& name) const; // case-insensitive, trimmed

    // One plain sentence for the first problem (name, then URL, then organization id), or
    // nullopt when the profile can be saved. Names are compared trimmed.
    std::optional<QString> validate(const ConnectionProfile& profile) const;
    // The URL rules on their own, also for "Test connection" before anything is saved:
    // http(s) only, a host, no user info, no query or fragment, and plain http only to this
    // computer, because the token would otherwise cross the network in clear text, unless
    // the person explicitly allowed it for this profile (allowPlainHttp).
    static std::optional<QString> baseUrlProblem(const QUrl& url, bool allowPlainHttp = false);
    // True for http:// to a host that is not this computer: the profile dialog warns and asks.
    static bool isPlainHttpToOtherHost(const QUrl& url);
    static std::optional<QString> organizationIdProblem(const QString& organizationId); // empty is fine
    // A sign-in profile's client ID: present, printable, no spaces (it goes into a URL).
    static constexpr int MaxClientIdLength = 200;
    static std::optional<QString> clientIdProblem(const QString& clientId);

    // Saves a valid profile (name trimmed, id assigned when empty) and returns it as stored;
    // returns nullopt and writes nothing when validate() finds a problem.
    std::optional<ConnectionProfile> save(const ConnectionProfile& profile);
    // Removes the profile (not its secret: that is the caller's job with the SecretStore).
    void remove(const QString& id);

Q_SIGNALS:
    void changed();

private:
    std::optional<ConnectionProfile> read(const QString& id) const;

    QSettings* m_settings;
};
