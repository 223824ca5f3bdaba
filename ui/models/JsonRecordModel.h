#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

// One column of a JsonRecordModel: its title and how a record shows in it for a role.
struct JsonColumn
{
    QString title;
    std::function<QVariant(const QJsonObject& record, int role)> data;

    // A column of text (shown and as tooltip) computed from the record.
    static JsonColumn text(const QString& title, std::function<QString(const QJsonObject&)> textOf)
    {
        return {title, [textOf = std::move(textOf)](const QJsonObject& record, int role) -> QVariant {
                    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
                        return textOf(record);
                    return {};
                }};
    }
    // A column showing one string field of the record as it is.
    static JsonColumn field(const QString& title, const char* name)
    {
        return text(title, [name](const QJsonObject& record) { return record.value(QLatin1String(name)).toString(); });
    }
};

// A table of JSON records that carry a string "id", as the mock's admin API lists them (outbox
// messages, requests, fault rules). A refresh that only adds records at the top, or changes
// records in place, inserts or updates rows instead of resetting, so the selection and the
// scroll position survive the many small refreshes a live log gets.
class JsonRecordModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int RecordRole = Qt::UserRole + 1; // the whole QJsonObject
    static constexpr int IdRole = Qt::UserRole + 2;

    explicit JsonRecordModel(QList<JsonColumn> columns, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRecords(const QJsonArray& records);
    void clear() { setRecords(QJsonArray()); }
    QJsonObject record(int row) const;
    int rowOf(const QString& id) const; // -1 when absent

private:
    static QString idOf(const QJsonObject& record);
    // The number of new records before the old first one, or -1 when the refresh is not "new
    // records on top, the old ones (possibly changed) below, the oldest possibly dropped".
    qsizetype prependedCount(const QList<QJsonObject>& next) const;

    QList<JsonColumn> m_columns;
    QList<QJsonObject> m_records;
};
