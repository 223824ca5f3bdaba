#pragma once

#include "ApiCall.h"
#include "ZitadelClient.h"

#include <QAbstractTableModel>
#include <QPointer>

// A table that pages itself in from the server as the view scrolls (canFetchMore/fetchMore).
// Only the pages fetched so far are held. A new query drops the rows, cancels the page in
// flight and ignores any late answer to it, so a fast typist never sees stale results.
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    PagedTableModel(ZitadelClient* client, quint32 pageSize, QObject* parent = nullptr);
    ~PagedTableModel() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    bool isLoading() const { return !m_call.isNull(); }
    bool hasLoadedOnce() const { return m_loadedOnce; }
    quint64 totalCount() const { return m_total; }
    const ApiError& lastError() const { return m_lastError; }
    quint32 pageSize() const { return m_pageSize; }

    // Drops every row and fetches the first page of the current query.
    void reload();
    // Drops every row and fetches nothing until the next reload().
    void clear();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void pageLoaded(quint64 totalCount);
    void loadFailed(const ApiError& error);

protected:
    ZitadelClient* client() const { return m_client; }

    // Subclasses hold the rows; the base decides when and what to fetch.
    virtual int loadedRows() const = 0;
    virtual void dropRows() = 0;
    virtual ApiCall* requestPage(quint64 offset, quint32 limit) = 0;

    // For requestPage(): a callback that appends the page to rows, unless a newer query has
    // replaced the one it answers.
    template <class T>
    Callback<Page<T>> appendTo(QList<T>& rows)
    {
        QPointer<PagedTableModel> self(this);
        const quint64 generation = m_generation;
        return [self, generation, &rows](const Result<Page<T>>& result) {
            if (!self || generation != self->m_generation)
                return;
            if (!result.ok()) {
                self->pageFailed(result.error);
                return;
            }
            const QList<T>& items = result.value->items;
            if (!items.isEmpty()) {
                self->beginInsertRows(QModelIndex(), rows.size(), rows.size() + items.size() - 1);
                rows += items;
                self->endInsertRows();
            }
            self->pageArrived(result.value->totalResult, items.size());
        };
    }

private:
    void resetRows(bool active); // drops rows, forgets the old query's state
    void startFetch();
    void pageArrived(quint64 total, qsizetype received);
    void pageFailed(const ApiError& error);
    void abandonCall();

    QPointer<ZitadelClient> m_client;
    quint32 m_pageSize;
    QPointer<ApiCall> m_call;
    quint64 m_generation = 0;
    quint64 m_total = 0;
    bool m_active = false; // a query is set (reload() was called since the last clear())
    bool m_exhausted = false; // the server has no more rows for this query
    bool m_loadedOnce = false;
    ApiError m_lastError;
};
