#include "ExchangeFormat.h"

#include <QStringList>

namespace
{
const QString separator = QStringLiteral(" \u00b7 ");

// What the client records instead of a token: the scheme and a row of bullets.
const QByteArray bullets =
    QByteArrayLiteral("\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2");

QString headerLines(const HeaderList& headers)
{
    QString text;
    for (const auto& [name, value] : headers) {
        text += QString::fromLatin1(name) + QStringLiteral(": ")
            + QString::fromUtf8(ExchangeFormat::displayedHeaderValue(name, value)) + QLatin1Char('\n');
    }
    return text;
}
} // namespace

QString ExchangeFormat::statusText(const Exchange& exchange)
{
    if (exchange.status != 0)
        return QString::number(exchange.status);
    switch (exchange.error.kind) {
    case ApiError::Kind::InvalidInput:
        return tr("not sent");
    case ApiError::Kind::Timeout:
        return tr("timeout");
    case ApiError::Kind::Cancelled:
        return tr("cancelled");
    default:
        break;
    }
    if (!exchange.sent)
        return tr("not sent");
    return QStringLiteral("\u2014");
}

QString ExchangeFormat::statusToolTip(const Exchange& exchange)
{
    QStringList lines;
    if (exchange.status != 0)
        lines << tr("HTTP %1").arg(exchange.status);
    const ApiError& e = exchange.error;
    if (e.isError()) {
        if (!e.grpcCodeName.isEmpty())
            lines << tr("gRPC code: %1").arg(e.grpcCodeName);
        if (!e.errorId.isEmpty())
            lines << tr("ZITADEL error id: %1").arg(e.errorId);
        if (!e.message.isEmpty())
            lines << tr("Message: %1").arg(e.message);
        if (!e.technical.isEmpty())
            lines << tr("Detail: %1").arg(e.technical);
        if (!e.sentence.isEmpty())
            lines << e.sentence;
    }
    return lines.join(QLatin1Char('\n'));
}

QString ExchangeFormat::durationText(const Exchange& exchange)
{
    if (!exchange.sent)
        return QStringLiteral("\u2014");
    if (exchange.durationMs < 1.0)
        return tr("<1 ms");
    return tr("%1 ms").arg(qRound64(exchange.durationMs));
}

QString ExchangeFormat::summary(const Exchange& exchange)
{
    QStringList parts;
    if (!exchange.operation.isEmpty())
        parts << exchange.operation;
    parts << statusText(exchange);
    if (exchange.sent)
        parts << durationText(exchange);
    if (exchange.failed())
        parts << exchange.error.summary();
    return parts.join(separator);
}

bool ExchangeFormat::isAuthorization(const QByteArray& name)
{
    return name.compare("authorization", Qt::CaseInsensitive) == 0
        || name.compare("proxy-authorization", Qt::CaseInsensitive) == 0;
}

QByteArray ExchangeFormat::maskedAuthorization(const QByteArray& value)
{
    const qsizetype space = value.indexOf(' ');
    const QByteArray scheme = space > 0 ? value.left(space) : QByteArrayLiteral("Bearer");
    return scheme + ' ' + bullets;
}

QByteArray ExchangeFormat::displayedHeaderValue(const QByteArray& name, const QByteArray& value)
{
    // For a value the client already masked this is exactly what was recorded.
    return isAuthorization(name) ? maskedAuthorization(value) : value;
}

QString ExchangeFormat::rawRequest(const Exchange& exchange)
{
    if (!exchange.sent)
        return tr("Not sent: %1").arg(exchange.error.summary());
    QString text = QString::fromLatin1(exchange.method) + QLatin1Char(' ')
        + QString::fromLatin1(exchange.url.toEncoded()) + QLatin1Char('\n');
    text += headerLines(exchange.requestHeaders);
    text += QLatin1Char('\n');
    text += QString::fromUtf8(exchange.requestBody);
    return text;
}

QString ExchangeFormat::rawResponse(const Exchange& exchange)
{
    if (exchange.status == 0) {
        const QString why = exchange.error.technical.isEmpty() ? exchange.error.summary() : exchange.error.technical;
        return why.isEmpty() ? tr("No response.") : tr("No response: %1").arg(why);
    }
    QString text = QStringLiteral("HTTP %1\n").arg(exchange.status);
    text += headerLines(exchange.responseHeaders);
    text += QLatin1Char('\n');
    text += QString::fromUtf8(exchange.responseBody);
    return text;
}

ExchangeFormat::Display ExchangeFormat::forDisplay(const QString& text, int maxLine, qsizetype maxChars)
{
    Display display;
    QStringView view(text);
    if (view.size() > maxChars) {
        qsizetype end = maxChars;
        if (view.at(end - 1).isHighSurrogate())
            --end;
        view = view.left(end);
        display.truncated = true;
    }
    display.text.reserve(view.size() + view.size() / maxLine + 1);
    int column = 0;
    for (qsizetype i = 0; i < view.size(); ++i) {
        const QChar c = view.at(i);
        if (c == QLatin1Char('\n')) {
            column = 0;
        } else if (column >= maxLine && !c.isLowSurrogate()) {
            display.text += QLatin1Char('\n');
            display.linesBroken = true;
            column = 0;
        }
        display.text += c;
        if (c != QLatin1Char('\n'))
            ++column;
    }
    return display;
}
