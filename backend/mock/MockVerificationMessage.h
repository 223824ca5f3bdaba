#pragma once

#include "MockDeliveryFault.h"

#include <QString>

struct MockOutboxMessage;

// The words of the verification messages the mock records instead of sending: subject and text
// as the recipient would read them, and how delivery ended. Made here only, so the /_mock admin
// API and the app's Mock panel show the same words.
class MockVerificationMessage
{
public:
    // Fills subject, text, delivery and failure; channel, code and link must already be set.
    static void render(MockOutboxMessage& message, const QString& displayName, MockDeliveryFault fault);
};
