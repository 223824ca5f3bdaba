#pragma once

#include "Exchange.h"

#include <QByteArray>

// The sign-in calls carry secrets in their bodies: the code and its verifier, refresh tokens,
// and the tokens the server answers with. Everyone may read every exchange in the inspector
// (and save or copy it), so these values are replaced there before the exchange is published.
// The rest of the body stays byte for byte as it went over the wire.
namespace OidcRedaction
{
// What the inspector shows in place of a secret.
QByteArray mask();
// Replaces the values of code, code_verifier, refresh_token, token and client_secret in the
// form-encoded request body, and of access_token, refresh_token and id_token in the JSON
// answer (and re-reads responseJson from the redacted body).
void redact(Exchange& exchange);
} // namespace OidcRedaction
