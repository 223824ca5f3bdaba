#include "RequestValidation.h"

#include "Runes.h"
#include "UrlTemplate.h"

#include <QCoreApplication>

namespace
{
QString tr(const char* text)
{
    return QCoreApplication::translate("RequestValidation", text);
}

bool hasOuterWhitespace(const QString& s)
{
    return !s.isEmpty() && (s.front().isSpace() || s.back().isSpace());
}
} // namespace

namespace RequestValidation
{
std::optional<QString> baseUrlProblem(const QUrl& url)
{
    if (url.isEmpty())
        return tr("Enter the instance URL, for example https://acme.zitadel.cloud.");
    if (!url.isValid())
        return tr("The instance URL is not a valid URL: %1").arg(url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return tr("The instance URL must start with https:// (or http:// for a server on this computer).");
    if (url.host().isEmpty())
        return tr("The instance URL has no host name.");
    if (!url.userInfo().isEmpty())
        return tr("The instance URL must not contain a user name or password; use a token instead.");
    if (url.hasQuery() || url.hasFragment())
        return tr("The instance URL must not contain ? or #; enter only the address of the instance.");
    return std::nullopt;
}

std::optional<QString> userIdProblem(const QString& userId)
{
    if (userId.isEmpty())
        return tr("No user is selected: the user id is empty.");
    if (hasOuterWhitespace(userId))
        return tr("The user id starts or ends with a space; remove it (was it copied with extra text?).");
    if (runeCount(userId) > MaxIdLength)
        return tr("A user id has at most %1 characters; this one has %2.").arg(MaxIdLength).arg(runeCount(userId));
    return std::nullopt;
}

std::optional<QString> organizationIdProblem(const QString& organizationId)
{
    if (hasOuterWhitespace(organizationId))
        return tr("The organization id starts or ends with a space; remove it.");
    if (runeCount(organizationId) > MaxIdLength)
        return tr("An organization id has at most %1 characters; this one has %2.")
            .arg(MaxIdLength)
            .arg(runeCount(organizationId));
    return std::nullopt;
}

std::optional<QString> urlTemplateProblem(const std::optional<QString>& urlTemplate)
{
    if (!urlTemplate)
        return std::nullopt;
    const UrlTemplate::Check check = UrlTemplate::check(*urlTemplate);
    if (check.ok())
        return std::nullopt;
    return UrlTemplate::describe(check);
}

// ZITADEL compares codes exactly, so a code pasted with a space around it would be refused as
// wrong, and the refusal counts as a failed attempt on the user.
std::optional<QString> verificationCodeProblem(const QString& code)
{
    if (code.isEmpty())
        return tr("Enter the verification code the user received.");
    if (hasOuterWhitespace(code))
        return tr("The code starts or ends with a space; remove it (was it copied with extra text?).");
    if (runeCount(code) > MaxVerificationCodeLength)
        return tr("A verification code has at most %1 characters; this one has %2.")
            .arg(MaxVerificationCodeLength)
            .arg(runeCount(code));
    return std::nullopt;
}

std::optional<QString> searchTextProblem(const QString& text)
{
    if (runeCount(text.trimmed()) > MaxIdLength)
        return tr("The search text has %1 characters; ZITADEL searches at most %2.")
            .arg(runeCount(text.trimmed()))
            .arg(MaxIdLength);
    return std::nullopt;
}
} // namespace RequestValidation
