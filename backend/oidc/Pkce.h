#pragma once

#include <QByteArray>

// Proof Key for Code Exchange (RFC 7636) with S256, the only method ZITADEL's native apps
// accept. Qt 6.4's QOAuth2AuthorizationCodeFlow has none (it arrived in 6.8), so we make it.
namespace Pkce
{
// 32 random bytes from the system's secure generator, base64url without padding: 43
// characters, inside RFC 7636's 43..128 and only from its unreserved alphabet.
QByteArray makeVerifier();
// BASE64URL(SHA256(verifier)) without padding.
QByteArray challengeS256(const QByteArray& verifier);
// An opaque random value for `state` and `nonce`: 16 secure random bytes, base64url.
QByteArray makeNonce();
} // namespace Pkce
