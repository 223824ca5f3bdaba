#pragma once

#include "SecretStore.h"

// `verifydesk --profile NAME --token-file FILE`: the profile's token comes from a file for this
// run (scripts, kiosks and smoke tests on machines without a keychain), everything else from the
// system keychain as usual. The token is kept in memory only and never written anywhere; a new
// token entered for that profile in the connection dialog replaces it for the session and goes to
// the keychain as always.
class TokenFileSecretStore : public SecretStore
{
    Q_OBJECT

public:
    // `keychain` is not owned and must outlive this store.
    TokenFileSecretStore(SecretStore* keychain, const QString& key, const QString& token, QObject* parent = nullptr);

    // The token in `fileName` (its first line, surrounding white space removed), or an error
    // sentence naming the file (never its contents) in *error.
    static QString readTokenFile(const QString& fileName, QString* error);

    void read(const QString& key, SecretCallback done) override;
    void write(const QString& key, const QString& secret, SecretCallback done) override;
    void remove(const QString& key, SecretCallback done) override;
    QString backendDescription() const override;

private:
    SecretStore* m_keychain;
    QString m_key;
    QString m_token;
    bool m_active = true;
};
