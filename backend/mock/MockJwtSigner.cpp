#include "MockJwtSigner.h"

#include "MockJsonWriter.h"
#include "MockLog.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

namespace
{
QByteArray bignum(const EVP_PKEY* key, const char* name)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1 || !bn)
        return {};
    QByteArray bytes(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
    BN_free(bn);
    return bytes;
}

// ZITADEL's key ids are its 18-digit snowflake ids; a random one of the same shape.
QString newKeyId()
{
    quint64 n = 0;
    if (RAND_bytes(reinterpret_cast<unsigned char*>(&n), sizeof n) != 1)
        n = 0x5eed;
    return QString::number(100000000000000000ULL + n % 900000000000000000ULL);
}
} // namespace

struct MockJwtSigner::Key
{
    EVP_PKEY* pkey = nullptr;
    ~Key() { EVP_PKEY_free(pkey); }
};

const MockJwtSigner& MockJwtSigner::shared()
{
    static const MockJwtSigner signer; // thread-safe initialisation (C++11)
    return signer;
}

MockJwtSigner::MockJwtSigner()
    : m_key(std::make_unique<Key>())
    , m_keyId(newKeyId())
{
    m_key->pkey = EVP_RSA_gen(2048);
    if (!m_key->pkey) {
        qCWarning(lcMock) << "OpenSSL could not make an RSA key; id_tokens cannot be signed";
        return;
    }
    m_modulus = bignum(m_key->pkey, OSSL_PKEY_PARAM_RSA_N);
    m_exponent = bignum(m_key->pkey, OSSL_PKEY_PARAM_RSA_E);
    qCDebug(lcMock).noquote() << "id_token signing key" << m_keyId << "ready (RSA 2048, RS256)";
}

MockJwtSigner::~MockJwtSigner() = default;

QByteArray MockJwtSigner::base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray MockJwtSigner::sign(const QByteArray& payloadJson) const
{
    if (!m_key->pkey)
        return {};
    MockJsonWriter header;
    header.beginObject();
    header.field("alg", QLatin1String("RS256"));
    header.field("kid", QStringView(m_keyId));
    header.field("typ", QLatin1String("JWT"));
    header.endObject();
    const QByteArray signingInput = base64Url(header.take()) + '.' + base64Url(payloadJson);

    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    QByteArray signature;
    size_t length = 0;
    const auto* data = reinterpret_cast<const unsigned char*>(signingInput.constData());
    if (ctx && EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, m_key->pkey) == 1
        && EVP_DigestSign(ctx, nullptr, &length, data, size_t(signingInput.size())) == 1) {
        signature.resize(qsizetype(length));
        if (EVP_DigestSign(
                ctx, reinterpret_cast<unsigned char*>(signature.data()), &length, data, size_t(signingInput.size()))
            == 1)
            signature.resize(qsizetype(length));
        else
            signature.clear();
    }
    EVP_MD_CTX_free(ctx);
    if (signature.isEmpty())
        return {};
    return signingInput + '.' + base64Url(signature);
}

// The member order of ZITADEL's /oauth/v2/keys answer (go-jose's JSONWebKey marshalling).
QByteArray MockJwtSigner::jwks() const
{
    MockJsonWriter w(1024);
    w.beginObject();
    w.key("keys");
    w.beginArray();
    if (m_key->pkey) {
        w.beginObject();
        w.field("use", QLatin1String("sig"));
        w.field("kty", QLatin1String("RSA"));
        w.field("kid", QStringView(m_keyId));
        w.field("alg", QLatin1String("RS256"));
        w.field("n", QLatin1String(base64Url(m_modulus)));
        w.field("e", QLatin1String(base64Url(m_exponent)));
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.take();
}
