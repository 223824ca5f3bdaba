#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

// Signs the mock's id_tokens: RS256 (RSASSA-PKCS1-v1_5 with SHA-256) with an RSA key of
// 2048 bits made by OpenSSL 3's libcrypto, and publishes the public key as a JWK set for
// GET /oauth/v2/keys. One key per process, made on first use: generating it takes tens of
// milliseconds, and most mocks (every router-level test makes several) never sign anything.
// ZITADEL rotates its keys; the mock's key lives as long as the process.
class MockJwtSigner
{
public:
    static const MockJwtSigner& shared();
    ~MockJwtSigner();
    Q_DISABLE_COPY_MOVE(MockJwtSigner)

    // A compact JWS: base64url(header).base64url(payload).base64url(signature). `payloadJson`
    // is the claims object as written; the header is {"alg":"RS256","kid":...,"typ":"JWT"}.
    // Empty if OpenSSL fails (it does not for a key it made).
    QByteArray sign(const QByteArray& payloadJson) const;
    // {"keys":[{"use":"sig","kty":"RSA","kid":...,"alg":"RS256","n":...,"e":...}]}
    QByteArray jwks() const;
    const QString& keyId() const { return m_keyId; }

    static QByteArray base64Url(const QByteArray& bytes); // unpadded, RFC 7515 §2

private:
    MockJwtSigner();

    struct Key;
    std::unique_ptr<Key> m_key;
    QString m_keyId;
    QByteArray m_modulus; // big-endian, no leading zero
    QByteArray m_exponent;
};
