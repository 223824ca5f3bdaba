#include "MockOidcPage.h"

namespace
{
const char Style[] = R"(<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f5f7;color:#1f2328;margin:0}
main{max-width:34rem;margin:3rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #d0d7de;border-radius:10px;padding:1.5rem 1.75rem}
h1{font-size:1.35rem;margin:0 0 .25rem}
.note{color:#57606a;margin:.25rem 0 1.25rem;font-size:.92rem}
.badge{display:inline-block;background:#fff4d6;color:#7a5200;border:1px solid #e9c46a;border-radius:999px;padding:.1rem .6rem;font-size:.8rem;font-weight:600}
ul{list-style:none;margin:0;padding:0}
li{border-top:1px solid #eaeef2;padding:.85rem 0;display:flex;align-items:center;justify-content:space-between;gap:1rem}
.who{min-width:0}
.name{font-weight:600}
.meta{color:#57606a;font-size:.85rem;overflow-wrap:anywhere}
button{font:inherit;border-radius:6px;padding:.45rem .9rem;cursor:pointer;white-space:nowrap}
.primary{background:#1f6feb;color:#fff;border:1px solid #1a5fd0}
.secondary{background:#fff;color:#1f2328;border:1px solid #d0d7de}
.cancel{margin-top:1rem;text-align:right}
</style>)";

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QByteArray page(const QString& title, const QString& body)
{
    QString html;
    html.reserve(4096);
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    html += escaped(title);
    html += QStringLiteral("</title>\n");
    html += QLatin1String(Style);
    html += QStringLiteral("\n</head>\n<body>\n<main>\n<div class=\"card\">\n");
    html += body;
    html += QStringLiteral("</div>\n</main>\n</body>\n</html>\n");
    return html.toUtf8();
}

QString hidden(const char* name, const QString& value)
{
    return QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">").arg(QLatin1String(name), escaped(value));
}
} // namespace

namespace MockOidcPage
{
QByteArray signIn(const QString& applicationName, const QString& authRequestId, const QList<Person>& people)
{
    const QString title = QStringLiteral("Sign in to %1 \u2014 ZITADEL mock").arg(applicationName);
    QString body;
    body += QStringLiteral("<span class=\"badge\">Offline mock</span>\n<h1>%1</h1>\n").arg(escaped(title));
    body += QStringLiteral("<p class=\"note\">This is verifydesk-mock, not a real ZITADEL: nobody types a password. "
                           "Choose who signs in; the application gets that person's permissions.</p>\n<ul>\n");
    for (const Person& p : people) {
        body += QStringLiteral("<li><div class=\"who\"><div class=\"name\">%1</div>"
                               "<div class=\"meta\">%2</div><div class=\"meta\">%3 \u00b7 %4</div></div>\n")
                    .arg(escaped(p.displayName), escaped(p.loginName), escaped(p.role), escaped(p.organization));
        body += QStringLiteral("<form method=\"post\" action=\"/ui/login/login\">");
        body += hidden("authRequestID", authRequestId);
        body += hidden("userId", p.userId);
        body += QStringLiteral("<button class=\"primary\" type=\"submit\">Sign in as %1</button></form></li>\n")
                    .arg(escaped(p.displayName));
    }
    body += QStringLiteral("</ul>\n<form class=\"cancel\" method=\"post\" action=\"/ui/login/login\">");
    body += hidden("authRequestID", authRequestId);
    body += hidden("cancel", QStringLiteral("1"));
    body += QStringLiteral("<button class=\"secondary\" type=\"submit\">Cancel</button></form>\n");
    return page(title, body);
}

QByteArray problem(const QString& title, const QString& text)
{
    const QString body =
        QStringLiteral("<span class=\"badge\">Offline mock</span>\n<h1>%1</h1>\n<p class=\"note\">%2</p>\n")
            .arg(escaped(title), escaped(text));
    return page(title + QStringLiteral(" \u2014 ZITADEL mock"), body);
}
} // namespace MockOidcPage
