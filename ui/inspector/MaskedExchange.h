#pragma once

#include "Exchange.h"

// A copy of an exchange with every email address and phone number masked (PersonalDataMask):
// in the URL, the header values, both bodies and the error texts. What the inspector shows
// while "Mask personal data" is on, and what Save… and Copy as cURL always take, because those
// end up in tickets. Ids, codes, status, timings and the operation stay as they were; the
// Authorization header was never more than its mask.
Exchange maskedExchange(const Exchange& exchange);
