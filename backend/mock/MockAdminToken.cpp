#include "MockAdminToken.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace
{
// RFC 3986 "unreserved": safe in a header, a URL and a shell without quoting.
bool isUrlSafe(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_'
        || u == u'.' || u == u'~';
}
} // namespace

QString MockAdminToken::generate()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QString token = QStringLiteral("vdmock_");
    QRandomGenerator* random = QRandomGenerator::system();
    for (int i = 0; i < 32; ++i)
        token.append(QLatin1Char(alphabet[random->bounded(64)]));
    return token;
}

QString MockAdminToken::problem(QStringView token)
{
    const bool sizeOk = token.size() >= MinLength && token.size() <= MaxLength;
    if (sizeOk && std::all_of(token.begin(), token.end(), isUrlSafe))
        return {};
    return QCoreApplication::translate("MockAdminToken",
        "The admin token must be %1 to %2 characters long and use only letters, digits, '-', '_', '.' and '~'.")
        .arg(MinLength)
        .arg(MaxLength);
}

bool MockAdminToken::matches(const QByteArray& expected, QByteArrayView presented)
{
    // The length may show through the timing; it is no secret (the format is documented).
    unsigned difference = expected.size() == presented.size() ? 0U : 1U;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= unsigned(uchar(expected.at(i))) ^ unsigned(i < presented.size() ? uchar(presented.at(i)) : 0);
    return difference == 0 && !expected.isEmpty();
}
