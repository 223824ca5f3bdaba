#include "TokenFileSecretStore.h"

#include <QFile>

TokenFileSecretStore::TokenFileSecretStore(
    SecretStore* keychain, const QString& key, const QString& token, QObject* parent)
    : SecretStore(parent)
    , m_keychain(keychain)
    , m_key(key)
    , m_token(token)
{ }

QString TokenFileSecretStore::readTokenFile(const QString& fileName, QString* error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the token file %1: %2").arg(fileName, file.errorString());
        return {};
    }
    // A personal access token is one line; anything after it (a comment, a second token) is not
    // ours to guess about. 64 KiB is far more than any token and keeps a wrong file from being
    // read whole.
    const QString token = QString::fromUtf8(file.readLine(64 * 1024)).trimmed();
    if (token.isEmpty())
        *error = tr("the token file %1 is empty").arg(fileName);
    return token;
}

void TokenFileSecretStore::read(const QString& key, SecretCallback done)
{
    if (key == m_key && m_active) {
        reply(std::move(done), SecretResult {SecretResult::Status::Ok, m_token, {}, false});
        return;
    }
    m_keychain->read(key, std::move(done));
}

void TokenFileSecretStore::write(const QString& key, const QString& secret, SecretCallback done)
{
    if (key == m_key) {
        m_token = secret;
        m_active = true;
    }
    m_keychain->write(key, secret, std::move(done));
}

void TokenFileSecretStore::remove(const QString& key, SecretCallback done)
{
    if (key == m_key) {
        m_token.clear();
        m_active = false; // removed: the keychain has the last word again
    }
    m_keychain->remove(key, std::move(done));
}

QString TokenFileSecretStore::backendDescription() const
{
    return m_keychain->backendDescription();
}
