#pragma once

#include "SecretStore.h"

#include <QHash>

#include <optional>

// A SecretStore in a hash, for tests and demos. It answers like KeychainSecretStore does,
// including the "no keychain" case when setSimulateNoBackend(true) is on.
class InMemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    // When on, writes still keep the secret but answer NoBackend / persistent=false with
    // SecretStore::sessionOnlyMessage(), so the UI's notice can be tested.
    void setSimulateNoBackend(bool simulate) { m_noBackend = simulate; }
    // When set, every request fails with this message (a keychain that refuses access).
    void setSimulateFailure(const QString& message) { m_failure = message; }

    void read(const QString& key, SecretCallback done) override;
    void write(const QString& key, const QString& secret, SecretCallback done) override;
    void remove(const QString& key, SecretCallback done) override;
    QString backendDescription() const override;

    // Synchronous look into the store, for test assertions only.
    std::optional<QString> peek(const QString& key) const;
    int count() const { return m_secrets.size(); }

private:
    bool failing(const SecretCallback& done);

    QHash<QString, QString> m_secrets;
    QString m_failure;
    bool m_noBackend = false;
};
