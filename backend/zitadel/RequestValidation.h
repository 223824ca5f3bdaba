#pragma once

#include <QString>
#include <QUrl>

#include <optional>

// Checks made before anything goes over the wire. Each returns one plain sentence naming
// the problem, or nullopt when the input is fine. The UI calls them too, for live feedback.
namespace RequestValidation
{
constexpr int MaxIdLength = 200; // ZITADEL's validators: ids and text queries are 1..200 runes
constexpr int MaxVerificationCodeLength = 20; // VerifyEmailRequest / VerifyPhoneRequest: 1..20 runes

std::optional<QString> baseUrlProblem(const QUrl& url);
std::optional<QString> userIdProblem(const QString& userId);
std::optional<QString> organizationIdProblem(const QString& organizationId); // empty is allowed
std::optional<QString> urlTemplateProblem(const std::optional<QString>& urlTemplate);
std::optional<QString> searchTextProblem(const QString& text);
std::optional<QString> verificationCodeProblem(const QString& code);
} // namespace RequestValidation
