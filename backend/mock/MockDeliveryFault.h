#pragma once

// What happens to the message of a resend that ZITADEL accepted. ZITADEL answers a resend
// before its notification worker sends anything, so none of these changes the API's answer;
// they change the outbox and, for DoubleCode, the user's pending code (docs/mock-workbench.md,
// "delivery"; peers.md §3 rows 8 and 12). Resends that return the code send no message.
enum class MockDeliveryFault
{
    None,
    NeverDelivered, // the provider accepted the message, the recipient never got it
    DoubleCode, // two codes issued; the message carries the first, already replaced one
    ProviderNotConfigured, // no SMTP / SMS provider: the worker gives the message up
};
