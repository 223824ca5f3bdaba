#pragma once

enum class MockDeliveryFault
{
    None,
    NeverDelivered,
    DoubleCode,
    ProviderNotConfigured
};
