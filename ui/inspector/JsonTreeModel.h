#pragma once

#include "JsonColors.h"

#include <QAbstractItemModel>
#include <QJsonDocument>
#include <QJsonValue>

#include <memory>

// A QJsonDocument as a tree: Key, Value, Type. Objects and arrays are parents; their child
// nodes are created only when a view first asks for them, so a 2 MB response with thousands
// of array items costs nothing until someone expands it.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        KeyColumn,
        ValueColumn,
        TypeColumn,
        ColumnCount
    };

    explicit JsonTreeModel(QObject* parent = nullptr);
    ~JsonTreeModel() override;

    // The top-level rows are the members of the root object (or the items of the root array).
    void setDocument(const QJsonDocument& document);
    QJsonDocument document() const { return m_document; }
    // Value colours follow the palette like the pretty view's highlighting.
    void setPalette(const QPalette& palette);

    QJsonValue valueAt(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;

    Node* nodeFor(const QModelIndex& index) const;
    void populate(Node* node) const;

    QJsonDocument m_document;
    std::unique_ptr<Node> m_root;
    JsonColors m_colors;
};
