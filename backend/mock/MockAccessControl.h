#pragma once

#include "MockError.h"
#include "MockModel.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <functional>

// The bearer tokens the mock accepts and what each may do where. ZITADEL decides this from
// role grants; the mock states the outcome directly per token (see the seed's "tokens").
class MockAccessControl
{
public:
    explicit MockAccessControl(const QList<MockToken>& tokens);

    // `header` is the Authorization header value, nullptr when absent. Errors as ZITADEL's
    // auth interceptor: missing → 16 "auth header missing" (no id); not "Bearer <x>" →
    // AUTH-7fs1e "invalid auth header"; unknown token → AUTH-7fs1e "Token is invalid".
    const MockToken* authenticate(const QByteArray* header, MockError* error) const;

    // Access tokens issued at run time (MockOidcProvider's), asked after the seed's tokens.
    // The lookup answers nullptr for tokens that are unknown, expired or revoked.
    using IssuedTokens = std::function<const MockToken*(QByteArrayView token)>;
    void setIssuedTokens(IssuedTokens lookup) { m_issued = std::move(lookup); }

    static bool allows(const MockToken& token, const QString& orgId, MockPermission permission);
    const QList<MockToken>& tokens() const { return m_tokens; }

private:
    QList<MockToken> m_tokens;
    QHash<QByteArray, int> m_byValue;
    IssuedTokens m_issued;
};
