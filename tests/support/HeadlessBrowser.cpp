#include "HeadlessBrowser.h"

#include <QNetworkReply>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace
{
QByteArray attribute(const QByteArray& tag, const char* name)
{
    const QRegularExpression re(QStringLiteral("\\b%1\\s*=\\s*\"([^\"]*)\"").arg(QLatin1String(name)));
    const auto match = re.match(QString::fromUtf8(tag));
    if (!match.hasMatch())
        return {};
    QString value = match.captured(1);
    value.replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&#39;"), QLatin1String("'"))
        .replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    return value.toUtf8();
}

struct Form
{
    QByteArray action;
    QList<QPair<QByteArray, QByteArray>> fields;
};

QList<Form> formsOf(const QByteArray& html)
{
    QList<Form> forms;
    static const QRegularExpression formRe(
        QStringLiteral("<form\\b([^>]*)>(.*?)</form>"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression inputRe(QStringLiteral("<input\\b[^>]*>"));
    auto it = formRe.globalMatch(QString::fromUtf8(html));
    while (it.hasNext()) {
        const auto m = it.next();
        Form form;
        form.action = attribute(m.captured(1).toUtf8(), "action");
        auto inputs = inputRe.globalMatch(m.captured(2));
        while (inputs.hasNext()) {
            const QByteArray tag = inputs.next().captured(0).toUtf8();
            const QByteArray name = attribute(tag, "name");
            if (!name.isEmpty())
                form.fields.append({name, attribute(tag, "value")});
        }
        forms.append(form);
    }
    return forms;
}
} // namespace

QNetworkReply* HeadlessBrowser::send(const QUrl& url, const QByteArray& form)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (form.isNull())
        return m_nam.get(request);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    return m_nam.post(request, form);
}

HeadlessBrowser::Page HeadlessBrowser::signIn(const QUrl& start, const QByteArray& field, const QByteArray& value)
{
    Page page;
    QUrl url = start;
    QByteArray form; // null: GET
    bool posted = field.isEmpty();
    for (int hop = 0; hop < 12; ++hop) {
        page.url = url;
        page.visited.append(url);
        std::unique_ptr<QNetworkReply> reply(send(url, form));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 20000)) {
            page.status = -1;
            return page;
        }
        page.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        page.body = reply->readAll();
        form = QByteArray();
        if (page.status >= 300 && page.status < 400) {
            url = url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
            continue;
        }
        if (posted || page.status != 200)
            return page;
        for (const Form& f : formsOf(page.body)) {
            if (!f.fields.contains({field, value}))
                continue;
            QUrlQuery query;
            for (const auto& [name, v] : f.fields)
                query.addQueryItem(QString::fromUtf8(name), QString::fromUtf8(v));
            form = query.toString(QUrl::FullyEncoded).toUtf8();
            url = url.resolved(QUrl(QString::fromUtf8(f.action)));
            posted = true;
            break;
        }
        if (!posted)
            return page; // no such form: the page stays as it is
    }
    return page;
}
