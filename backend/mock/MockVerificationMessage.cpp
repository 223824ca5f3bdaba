#include "MockVerificationMessage.h"

#include "MockZitadel.h"

namespace
{
// ZITADEL's default English message texts VerifyEmail and VerifyPhone (cmd/defaults.yaml,
// DefaultInstance.MessageTexts). An SMS carries only the rendered Text; a mail has a greeting,
// the text and a button, which a plain-text rendering shows as its label and the link.
const QString EmailSubject = QStringLiteral("Verify email");
const QString EmailText = QStringLiteral(
    "Hello %1,\n\nA new email has been added. Please use the button below to verify your email. (Code %2) "
    "If you didn't add a new email, please ignore this email.\n\nVerify email: %3");
const QString SmsText =
    QStringLiteral("A new phone number has been added. Please use the following code to verify it %1.");

// What ZITADEL's notification worker logs when no provider is active: the channel cannot be
// built, and the notification is cancelled without retry. The email line is what a live
// instance without SMTP logged; the SMS line is read from the code (query/sms.go answers
// "no active SMS configuration" with QUERY-fn99w Errors.SMSConfig.NotExisting), not observed.
const QString NoSmtpProvider =
    QStringLiteral("could not create email channel: ID=QUERY-fwofw Message=Errors.SMTPConfig.NotFound");
const QString NoSmsProvider =
    QStringLiteral("could not create sms channel: ID=QUERY-fn99w Message=Errors.SMSConfig.NotExisting");

// ZITADEL cannot know this; the words are ours.
const QString MailLost =
    QStringLiteral("The mail provider accepted the message, but it never reached the recipient's mailbox.");
const QString SmsLost =
    QStringLiteral("The SMS provider accepted the message, but it never reached the recipient's phone.");
} // namespace

void MockVerificationMessage::render(MockOutboxMessage& m, const QString& displayName, MockDeliveryFault fault)
{
    const bool email = m.channel == QLatin1String("email");
    m.subject = email ? EmailSubject : QString();
    m.text = email ? EmailText.arg(displayName, m.code, m.link) : SmsText.arg(m.code);
    switch (fault) {
    case MockDeliveryFault::None:
    case MockDeliveryFault::DoubleCode: // delivered fine; it is the code that is stale
        m.delivery = QStringLiteral("sent");
        m.failure.clear();
        break;
    case MockDeliveryFault::NeverDelivered:
        m.delivery = QStringLiteral("lost");
        m.failure = email ? MailLost : SmsLost;
        break;
    case MockDeliveryFault::ProviderNotConfigured:
        m.delivery = QStringLiteral("failed");
        m.failure = email ? NoSmtpProvider : NoSmsProvider;
        break;
    }
}
