#include "InMemorySecretStore.h"

bool InMemorySecretStore::failing(const SecretCallback& done)
{
    if (m_failure.isEmpty())
        return false;
    reply(done, SecretResult {SecretResult::Status::Failed, {}, m_failure, !m_noBackend});
    return true;
}

void InMemorySecretStore::read(const QString& key, SecretCallback done)
{
    if (failing(done))
        return;
    const auto it = m_secrets.constFind(key);
    if (it != m_secrets.cend())
        reply(std::move(done), SecretResult {SecretResult::Status::Ok, *it, {}, !m_noBackend});
    else if (m_noBackend)
        reply(std::move(done), SecretResult {SecretResult::Status::NoBackend, {}, sessionEmptyMessage(), false});
    else
        reply(std::move(done), SecretResult {SecretResult::Status::NotFound, {}, {}, true});
}

void InMemorySecretStore::write(const QString& key, const QString& secret, SecretCallback done)
{
    if (failing(done))
        return;
    m_secrets.insert(key, secret);
    if (m_noBackend)
        reply(std::move(done), SecretResult {SecretResult::Status::NoBackend, {}, sessionOnlyMessage(), false});
    else
        reply(std::move(done), SecretResult {SecretResult::Status::Ok, {}, {}, true});
}

void InMemorySecretStore::remove(const QString& key, SecretCallback done)
{
    if (failing(done))
        return;
    const bool had = m_secrets.remove(key) > 0;
    reply(std::move(done),
        SecretResult {had ? SecretResult::Status::Ok : SecretResult::Status::NotFound, {}, {}, !m_noBackend});
}

QString InMemorySecretStore::backendDescription() const
{
    return m_noBackend ? tr("this session only (no keychain)") : tr("in memory (tests)");
}

std::optional<QString> InMemorySecretStore::peek(const QString& key) const
{
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend())
        return std::nullopt;
    return *it;
}
