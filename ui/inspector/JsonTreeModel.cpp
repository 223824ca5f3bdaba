#include "JsonTreeModel.h"

#include <QBrush>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QPalette>

#include <cmath>
#include <vector>

namespace
{
// Long strings are cut in the cell (the view elides anyway) but kept whole in the tooltip.
constexpr int DisplayLimit = 500;
constexpr int ToolTipLimit = 4000;

int childCount(const QJsonValue& value)
{
    if (value.isObject())
        return int(value.toObject().size());
    if (value.isArray())
        return int(value.toArray().size());
    return 0;
}

QString quoted(const QString& s, int limit)
{
    QString out;
    out.reserve(qMin(int(s.size()), limit) + 2);
    out += QLatin1Char('"');
    for (const QChar c : s) {
        if (out.size() > limit) {
            out += QChar(0x2026);
            return out;
        }
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString numberText(double d)
{
    // Integral values print without exponent or ".0"; ZITADEL sends 64-bit ids as strings, so
    // real numbers here stay well inside a double's exact range.
    if (qAbs(d) < 1e15 && d == std::floor(d))
        return QString::number(qint64(d));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}
} // namespace

struct JsonTreeModel::Node
{
    QString key;
    QJsonValue value;
    Node* parent = nullptr;
    int row = 0;
    bool populated = false;
    std::vector<std::unique_ptr<Node>> children;
};

JsonTreeModel::JsonTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
    , m_colors(JsonColors::forPalette(QGuiApplication::palette()))
{ }

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setDocument(const QJsonDocument& document)
{
    beginResetModel();
    m_document = document;
    m_root = std::make_unique<Node>();
    if (document.isObject())
        m_root->value = document.object();
    else if (document.isArray())
        m_root->value = document.array();
    endResetModel();
}

void JsonTreeModel::setPalette(const QPalette& palette)
{
    m_colors = JsonColors::forPalette(palette);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, ValueColumn), index(rowCount() - 1, ValueColumn), {Qt::ForegroundRole});
}

JsonTreeModel::Node* JsonTreeModel::nodeFor(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

void JsonTreeModel::populate(Node* node) const
{
    if (node->populated)
        return;
    node->populated = true;
    auto add = [node](const QString& key, const QJsonValue& value) {
        auto child = std::make_unique<Node>();
        child->key = key;
        child->value = value;
        child->parent = node;
        child->row = int(node->children.size());
        node->children.push_back(std::move(child));
    };
    if (node->value.isObject()) {
        const QJsonObject object = node->value.toObject();
        node->children.reserve(object.size());
        for (auto it = object.begin(); it != object.end(); ++it)
            add(it.key(), it.value());
    } else if (node->value.isArray()) {
        const QJsonArray array = node->value.toArray();
        node->children.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i)
            add(QStringLiteral("[%1]").arg(i), array.at(i));
    }
}

QJsonValue JsonTreeModel::valueAt(const QModelIndex& index) const
{
    return index.isValid() ? nodeFor(index)->value : QJsonValue(QJsonValue::Undefined);
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node* p = nodeFor(parent);
    populate(p);
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    Node* p = nodeFor(child)->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int JsonTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    return childCount(nodeFor(parent)->value);
}

int JsonTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex& parent) const
{
    return rowCount(parent) > 0;
}

QVariant JsonTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node* node = nodeFor(index);
    const QJsonValue& v = node->value;

    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case KeyColumn:
            return node->key;
        case ValueColumn:
            switch (v.type()) {
            case QJsonValue::Object: {
                const int n = childCount(v);
                return n == 1 ? tr("{ 1 key }") : tr("{ %1 keys }").arg(n);
            }
            case QJsonValue::Array: {
                const int n = childCount(v);
                return n == 1 ? tr("[ 1 item ]") : tr("[ %1 items ]").arg(n);
            }
            case QJsonValue::String:
                return quoted(v.toString(), DisplayLimit);
            case QJsonValue::Double:
                return numberText(v.toDouble());
            case QJsonValue::Bool:
                return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            case QJsonValue::Null:
                return QStringLiteral("null");
            case QJsonValue::Undefined:
                return {};
            }
            return {};
        case TypeColumn:
            switch (v.type()) {
            case QJsonValue::Object:
                return tr("object");
            case QJsonValue::Array:
                return tr("array");
            case QJsonValue::String:
                return tr("string");
            case QJsonValue::Double:
                return tr("number");
            case QJsonValue::Bool:
                return tr("boolean");
            case QJsonValue::Null:
                return tr("null");
            case QJsonValue::Undefined:
                return {};
            }
            return {};
        }
    } else if (role == Qt::ToolTipRole && index.column() == ValueColumn && v.isString()) {
        return quoted(v.toString(), ToolTipLimit);
    } else if (role == Qt::ForegroundRole && index.column() == ValueColumn) {
        switch (v.type()) {
        case QJsonValue::String:
            return QBrush(m_colors.string);
        case QJsonValue::Double:
            return QBrush(m_colors.number);
        case QJsonValue::Bool:
        case QJsonValue::Null:
            return QBrush(m_colors.literal);
        default:
            return {};
        }
    } else if (role == Qt::ForegroundRole && index.column() == KeyColumn && node->parent
        && node->parent->value.isObject()) {
        return QBrush(m_colors.key);
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    }
    return {};
}
