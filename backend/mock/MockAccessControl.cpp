#include "MockAccessControl.h"

MockAccessControl::MockAccessControl(const QList<MockToken>& tokens)
    : m_tokens(tokens)
{
    for (int i = 0; i < m_tokens.size(); ++i)
        m_byValue.insert(m_tokens.at(i).token.toUtf8(), i);
}

const MockToken* MockAccessControl::authenticate(const QByteArray* header, MockError* error) const
{
    if (!header || header->isEmpty()) {
        *error = MockError::plain(MockError::Code::Unauthenticated, QStringLiteral("auth header missing"));
        return nullptr;
    }
    // ZITADEL splits the value at "Bearer " and wants exactly two parts.
    static const QByteArray prefix("Bearer ");
    if (!header->startsWith(prefix) || header->indexOf(prefix, prefix.size()) >= 0) {
        *error = MockError(
            MockError::Code::Unauthenticated, QStringLiteral("AUTH-7fs1e"), QStringLiteral("invalid auth header"));
        return nullptr;
    }
    const QByteArray presented =
        QByteArray::fromRawData(header->constData() + prefix.size(), header->size() - prefix.size());
    const auto it = m_byValue.constFind(presented);
    if (it == m_byValue.constEnd()) {
        // An issued token that expired or was revoked gets the same answer as an unknown one:
        // ZITADEL's auth interceptor reports every failed token check as AUTH-7fs1e
        // Errors.Token.Invalid (internal/api/authz/token.go).
        if (m_issued) {
            if (const MockToken* issued = m_issued(presented))
                return issued;
        }
        *error = MockError(
            MockError::Code::Unauthenticated, QStringLiteral("AUTH-7fs1e"), QStringLiteral("Token is invalid"));
        return nullptr;
    }
    return &m_tokens.at(*it);
}

bool MockAccessControl::allows(const MockToken& token, const QString& orgId, MockPermission permission)
{
    for (const MockGrant& grant : token.grants) {
        if ((grant.orgId == QLatin1String("*") || grant.orgId == orgId) && grant.permissions.contains(permission))
            return true;
    }
    return false;
}
