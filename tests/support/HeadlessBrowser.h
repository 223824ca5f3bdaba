#pragma once

#include <QNetworkAccessManager>
#include <QUrl>

// Stands in for the system browser in sign-in tests: follows the authorization URL through
// its redirects (one by one, as a browser does), picks a form on the sign-in page by one of
// its hidden fields, posts it, and follows on until a page answers without redirecting (the
// app's loopback listener, or an error page). Forms are found with plain text matching of the
// tags the mock writes; good enough for its page, not for the web at large.
class HeadlessBrowser
{
public:
    struct Page
    {
        QUrl url; // the last URL asked
        int status = 0;
        QByteArray body;
        QList<QUrl> visited; // every URL asked, in order
    };

    // Opens `url`; on the first HTML page with forms, posts the one whose hidden input `field`
    // has `value` (e.g. userId = Daisy's id, or cancel = 1). An empty field posts nothing.
    Page signIn(const QUrl& url, const QByteArray& field, const QByteArray& value);
    Page open(const QUrl& url) { return signIn(url, {}, {}); }

private:
    QNetworkReply* send(const QUrl& url, const QByteArray& form);

    QNetworkAccessManager m_nam;
};
