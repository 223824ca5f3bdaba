#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The mock's sign-in pages: plain HTML with inline CSS and nothing loaded from elsewhere, so
// they work offline in any browser. Every text is HTML-escaped. The forms are the contract a
// browser-less client or a test follows (docs/mock-workbench.md, "Sign-in"): each person is
// one <form method="post" action="/ui/login/login"> with the hidden inputs authRequestID and
// userId; Cancel is a form with authRequestID and cancel=1.
namespace MockOidcPage
{
struct Person
{
    QString userId;
    QString displayName;
    QString loginName;
    QString role;
    QString organization;
};

QByteArray signIn(const QString& applicationName, const QString& authRequestId, const QList<Person>& people);
// A page that explains what went wrong and what to do; `title` and `text` are plain text.
QByteArray problem(const QString& title, const QString& text);
} // namespace MockOidcPage
