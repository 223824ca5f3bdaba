#include "MockAdminInput.h"

#include "MockRouter.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QUrlQuery>

namespace
{
// A JSON value as the sentence quotes it.
QString shown(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("null");
    }
}

bool contains(std::initializer_list<const char*> names, const QString& name)
{
    for (const char* n : names) {
        if (name == QLatin1String(n))
            return true;
    }
    return false;
}

bool parseDecimal(const QString& text, quint64* out)
{
    if (text.isEmpty() || text.size() > 20)
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    bool ok = false;
    *out = text.toULongLong(&ok);
    return ok;
}
} // namespace

QString MockAdminInput::list(std::initializer_list<const char*> names)
{
    QStringList parts;
    for (const char* n : names)
        parts.append(QLatin1String(n));
    if (parts.size() < 2)
        return parts.join(QString());
    const QString last = parts.takeLast();
    return parts.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}

bool MockAdminInput::query(const MockRequest& request,
    std::initializer_list<const char*> allowed,
    QHash<QString, QString>* out,
    QString* problem)
{
    const QUrlQuery query(QString::fromUtf8(request.query));
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!contains(allowed, key)) {
            *problem = allowed.size() == 0
                ? QStringLiteral("%1 %2 takes no query parameters, but got \"%3\".")
                      .arg(QLatin1String(request.method), QString::fromUtf8(request.path), key)
                : QStringLiteral("%1 %2 has no query parameter \"%3\"; it takes %4.")
                      .arg(QLatin1String(request.method), QString::fromUtf8(request.path), key, list(allowed));
            return false;
        }
        if (out->contains(key)) {
            *problem = QStringLiteral("The query parameter \"%1\" is given twice.").arg(key);
            return false;
        }
        out->insert(key, value);
    }
    return true;
}

bool MockAdminInput::count(
    const QHash<QString, QString>& query, const char* name, quint64 max, std::optional<quint64>* out, QString* problem)
{
    const auto it = query.constFind(QLatin1String(name));
    if (it == query.constEnd())
        return true;
    quint64 n = 0;
    if (!parseDecimal(*it, &n) || n > max) {
        *problem = QStringLiteral("The query parameter \"%1\" must be a whole number from 0 to %2, not \"%3\".")
                       .arg(QLatin1String(name))
                       .arg(max)
                       .arg(*it);
        return false;
    }
    *out = n;
    return true;
}

bool MockAdminInput::object(const QByteArray& body, const char* example, QJsonObject* out, QString* problem)
{
    if (body.trimmed().isEmpty()) {
        *problem = QStringLiteral("The body is empty; send a JSON object such as %1.").arg(QLatin1String(example));
        return false;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        *problem =
            QStringLiteral("The body is not valid JSON: %1 at byte %2.").arg(error.errorString()).arg(error.offset);
        return false;
    }
    if (!doc.isObject()) {
        *problem =
            QStringLiteral("The body must be a JSON object such as %1, not an array.").arg(QLatin1String(example));
        return false;
    }
    *out = doc.object();
    return true;
}

bool MockAdminInput::onlyKeys(
    const QJsonObject& object, std::initializer_list<const char*> allowed, const QString& where, QString* problem)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!contains(allowed, it.key())) {
            *problem = QStringLiteral("%1 has no field \"%2\"; it takes %3.").arg(where, it.key(), list(allowed));
            return false;
        }
    }
    return true;
}

bool MockAdminInput::number(const QJsonObject& object, const char* name, quint64 max, quint64* out, QString* problem)
{
    return number(object, name, 0, max, out, problem);
}

bool MockAdminInput::number(
    const QJsonObject& object, const char* name, quint64 min, quint64 max, quint64* out, QString* problem)
{
    const QJsonValue v = object.value(QLatin1String(name));
    quint64 n = 0;
    bool ok = false;
    if (v.isDouble()) {
        const double d = v.toDouble();
        ok = d >= 0 && d <= 9007199254740992.0 && d == double(quint64(d));
        n = ok ? quint64(d) : 0;
    } else if (v.isString()) {
        ok = parseDecimal(v.toString(), &n);
    }
    if (!ok || n < min || n > max) {
        *problem = v.isUndefined() ? QStringLiteral("The field \"%1\" is missing.").arg(QLatin1String(name))
                                   : QStringLiteral("The field \"%1\" must be a whole number from %2 to %3, not %4.")
                                         .arg(QLatin1String(name))
                                         .arg(min)
                                         .arg(max)
                                         .arg(shown(v));
        return false;
    }
    *out = n;
    return true;
}
