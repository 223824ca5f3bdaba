#pragma once

// Qt 6.4's QHttpServer logs every request it reads at debug level, with all its headers:
//   qt.httpserver: Request: QHttpServerRequest(... ("Authorization": "Bearer <token>") ...)
// so QT_LOGGING_RULES="*.debug=true" would print every token a client sends to the mock (found
// by TestTokenLeak). install() keeps debug and info messages of the qt.httpserver categories off
// for the whole process, whatever the rules say; their warnings still show. The mock's own
// vd.mock lines say which request came and what it got, without headers.
namespace MockHttpLogFilter
{
// Idempotent and thread-safe; chains to whatever filter was installed before.
void install();
} // namespace MockHttpLogFilter
