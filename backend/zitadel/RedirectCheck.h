#pragma once

#include <QString>
#include <QUrl>

#include <optional>

// Which redirects a call may follow. The token goes only to the server the person chose, so a
// redirect is followed only within the same origin (scheme, host, port), or from http:// to
// https:// on the same host; never from https:// to http://, never to another host or port.
namespace RedirectCheck
{
// How many redirects one call follows at most.
constexpr int MaxRedirects = 5;

// Nullopt when the redirect from `from` (the URL just asked) to `to` may be followed; otherwise
// the plain sentence that says where the server tried to send the request and why it was not
// followed. `origin` is the URL the call started with.
std::optional<QString> refusal(const QUrl& origin, const QUrl& from, const QUrl& to);

// The sentence for a call that was redirected more than MaxRedirects times.
QString tooManyRedirects(const QUrl& lastTarget);

// `url` without user name, password, query or fragment: what a sentence may show of it.
QString shown(const QUrl& url);
} // namespace RedirectCheck
