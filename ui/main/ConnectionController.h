#pragma once

#include "EmbeddedMock.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

struct ConnectionProfile;
class ProfileStore;
class SecretStore;
class ZitadelClient;

// What the window is connected to. Only the mode banner reads `live`: everything else talks
// to ZitadelClient the same way whichever server is behind it.
struct ConnectionInfo
{
    QString id; // ConnectionController::MockId or a profile id
    QString name;
    bool live = false;
    QUrl baseUrl;
    QString defaultOrganizationId;
};

// Switches the one ZitadelClient between the embedded mock and saved live profiles: starts
// the mock in its own thread on first use, reads a profile's token from the SecretStore, and
// cancels whatever the previous connection still had in flight.
class ConnectionController : public QObject
{
    Q_OBJECT

public:
    static QString mockId() { return QStringLiteral("mock"); }
    static QStringList mockTokens(); // mock-admin, mock-support, mock-readonly

    ConnectionController(
        ZitadelClient* client, ProfileStore* profiles, SecretStore* secrets, QObject* parent = nullptr);
    ~ConnectionController() override;

    // Takes effect the next time the mock starts (set before the first activate()).
    void setMockOptions(const MockOptions& options) { m_mockOptions = options; }
    void setMockToken(const QString& token);
    QString mockToken() const { return m_mockToken; }

    // Starts the embedded mock now if `connectionId` will need it, so it gets ready while the
    // window is still being built (start-up time).
    void warmUp(const QString& connectionId);

    QList<ConnectionInfo> connections() const; // the mock first, then the profiles by name
    void activate(const QString& connectionId);
    // Re-reads the current connection (its profile may have been edited).
    void reconnect() { activate(m_current.id); }

    const ConnectionInfo& current() const { return m_current; }
    bool isConnected() const { return m_connected; }
    EmbeddedMock* embeddedMock() { return &m_mock; }

Q_SIGNALS:
    void connecting(const ConnectionInfo& connection);
    void connected(const ConnectionInfo& connection);
    void connectionFailed(const ConnectionInfo& connection, const QString& message);
    // Something worth telling without failing, e.g. a token kept for this session only.
    void notice(const QString& message);

private:
    void connectToMock();
    void connectToProfile(const ConnectionProfile& profile);
    void finishConnecting(const QUrl& baseUrl, const QString& token);
    void fail(const QString& message);

    QPointer<ZitadelClient> m_client;
    ProfileStore* m_profiles;
    SecretStore* m_secrets;
    EmbeddedMock m_mock;
    MockOptions m_mockOptions;
    QString m_mockToken;
    ConnectionInfo m_current;
    bool m_connected = false;
    quint64 m_attempt = 0; // a late answer from a superseded activate() is dropped
};
