#include "KeychainSecretStore.h"

#include "SettingsLogging.h"

#include <qt6keychain/keychain.h>

namespace
{
// What a box without a usable keychain answers (see the class comment).
bool meansNoKeychain(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError
        || error == QKeychain::NotImplemented;
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QObject* parent)
    : SecretStore(parent)
{ }

QString KeychainSecretStore::backendDescription() const
{
    return m_keychainMissing ? tr("this session only (no keychain)") : tr("system keychain");
}

void KeychainSecretStore::read(const QString& key, SecretCallback done)
{
    const auto it = m_session.constFind(key);
    if (it != m_session.cend()) {
        reply(std::move(done), SecretResult {SecretResult::Status::Ok, *it, {}, false});
        return;
    }
    start(Request {Operation::Read, key, {}, std::move(done)});
}

void KeychainSecretStore::write(const QString& key, const QString& secret, SecretCallback done)
{
    start(Request {Operation::Write, key, secret, std::move(done)});
}

void KeychainSecretStore::remove(const QString& key, SecretCallback done)
{
    m_session.remove(key);
    start(Request {Operation::Remove, key, {}, std::move(done)});
}

void KeychainSecretStore::start(Request request)
{
    if (m_keychainMissing) {
        answerWithoutKeychain(std::move(request));
        return;
    }
    QKeychain::Job* job = nullptr;
    switch (request.operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(serviceName(), this);
        break;
    case Operation::Write: {
        auto* write = new QKeychain::WritePasswordJob(serviceName(), this);
        write->setTextData(request.secret);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(serviceName(), this);
        break;
    }
    job->setAutoDelete(true); // QtKeychain deletes the job after finished()
    job->setKey(request.key);
    connect(job, &QKeychain::Job::finished, this, [this, request](QKeychain::Job* j) { finished(request, j); });
    job->start();
}

void KeychainSecretStore::finished(Request request, QKeychain::Job* job)
{
    const QKeychain::Error error = job->error();
    using S = SecretResult::Status;

    if (error == QKeychain::NoError) {
        QString secret;
        if (request.operation == Operation::Read)
            secret = static_cast<QKeychain::ReadPasswordJob*>(job)->textData();
        if (request.operation == Operation::Write)
            m_session.remove(request.key); // the keychain holds it now; no stale copy in memory
        reply(std::move(request.done), SecretResult {S::Ok, secret, {}, true});
        return;
    }
    if (error == QKeychain::EntryNotFound) {
        reply(std::move(request.done), SecretResult {S::NotFound, {}, {}, true});
        return;
    }
    if (meansNoKeychain(error)) {
        // Only the key and QtKeychain's own text are logged, never the secret.
        qCInfo(lcSettings) << "keychain unavailable for" << request.key << "attempt" << request.attempt + 1 << ":"
                           << job->errorString();
        if (request.attempt == 0) {
            ++request.attempt;
            start(std::move(request));
            return;
        }
        m_keychainMissing = true;
        answerWithoutKeychain(std::move(request));
        return;
    }
    qCWarning(lcSettings) << "keychain refused" << request.key << ":" << job->errorString();
    reply(std::move(request.done),
        SecretResult {S::Failed, {}, tr("The system keychain refused the request: %1").arg(job->errorString()), true});
}

void KeychainSecretStore::answerWithoutKeychain(Request request)
{
    using S = SecretResult::Status;
    switch (request.operation) {
    case Operation::Read:
        // The session map was consulted before the keychain was tried.
        reply(std::move(request.done), SecretResult {S::NoBackend, {}, sessionEmptyMessage(), false});
        break;
    case Operation::Write:
        m_session.insert(request.key, request.secret);
        reply(std::move(request.done), SecretResult {S::NoBackend, {}, sessionOnlyMessage(), false});
        break;
    case Operation::Remove:
        // Already dropped from the session map; there is nowhere else it could be.
        reply(std::move(request.done), SecretResult {S::Ok, {}, {}, false});
        break;
    }
}
