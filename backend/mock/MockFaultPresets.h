#pragma once

#include "MockError.h"
#include "MockFaultRule.h"
#include "MockOperations.h"

#include <QByteArray>
#include <QString>

// What each fault preset answers on each operation: the ZITADEL error (id and English text of
// the code path that operation takes, zitadel-api.md §3, §4, §7.4) or what the infrastructure in
// front of ZITADEL sends. One table, so the rule validation and the router agree on where a
// preset can happen.
namespace MockFaultPresets
{
// Why `error` cannot happen on `operation`, phrased to follow "because"; empty when it can.
QString misfit(MockFaultRule::Error error, const MockOperation& operation);
bool fits(MockFaultRule::Error error, const MockOperation& operation);

// The error answered for the preset on the operation. Only valid when fits().
MockError error(MockFaultRule::Error error, const MockOperation& operation);

// html-error-page: what a reverse proxy answers when ZITADEL behind it is unreachable.
constexpr int HtmlErrorStatus = 502;
QByteArray htmlErrorPage();
} // namespace MockFaultPresets
