#pragma once

#include "SecretStore.h"

#include <QHash>

namespace QKeychain
{
class Job;
} // namespace QKeychain

// Tokens in the system keychain through QtKeychain 0.13 (service "Verify Desk").
//
// Headless Linux has no keychain: jobs fail with OtherError or NoBackendAvailable, and
// QtKeychain's insecure fallback does not apply there (qt-6.4-notes §2.6). Such a failure is
// retried once (a keychain daemon may start late); after that the store keeps secrets in an
// in-process map for this session only, never on disk, and answers NoBackend with
// persistent=false. Reads look in that map first.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    static QString serviceName() { return QStringLiteral("Verify Desk"); }

    explicit KeychainSecretStore(QObject* parent = nullptr);

    void read(const QString& key, SecretCallback done) override;
    void write(const QString& key, const QString& secret, SecretCallback done) override;
    void remove(const QString& key, SecretCallback done) override;
    QString backendDescription() const override;

    // True once the keychain failed twice in a row with "no keychain" errors.
    bool keychainMissing() const { return m_keychainMissing; }

private:
    enum class Operation
    {
        Read,
        Write,
        Remove
    };
    struct Request
    {
        Operation operation;
        QString key;
        QString secret; // for Write only
        SecretCallback done;
        int attempt = 0;
    };

    void start(Request request);
    void finished(Request request, QKeychain::Job* job);
    void answerWithoutKeychain(Request request);

    QHash<QString, QString> m_session; // secrets that could not go to a keychain
    bool m_keychainMissing = false;
};
