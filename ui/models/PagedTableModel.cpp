#include "PagedTableModel.h"

PagedTableModel::PagedTableModel(ZitadelClient* client, quint32 pageSize, QObject* parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_pageSize(pageSize)
{ }

PagedTableModel::~PagedTableModel()
{
    abandonCall();
}

int PagedTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : loadedRows();
}

bool PagedTableModel::canFetchMore(const QModelIndex& parent) const
{
    // One page at a time, and never again after a failure until the query is reloaded: a
    // view asks for more on every scroll, and an error must not turn into a request storm.
    return !parent.isValid() && m_active && !m_exhausted && m_call.isNull() && !m_lastError.isError();
}

void PagedTableModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        startFetch();
}

void PagedTableModel::reload()
{
    resetRows(true);
    startFetch();
}

void PagedTableModel::clear()
{
    resetRows(false);
    Q_EMIT loadingChanged(false);
}

void PagedTableModel::resetRows(bool active)
{
    abandonCall();
    beginResetModel();
    dropRows();
    endResetModel();
    ++m_generation;
    m_total = 0;
    m_active = active;
    m_exhausted = false;
    m_loadedOnce = false;
    m_lastError = ApiError();
}

void PagedTableModel::startFetch()
{
    if (!m_client)
        return;
    m_call = requestPage(static_cast<quint64>(loadedRows()), m_pageSize);
    Q_EMIT loadingChanged(true);
}

void PagedTableModel::pageArrived(quint64 total, qsizetype received)
{
    m_call = nullptr;
    m_total = total;
    m_loadedOnce = true;
    // A short page ends the list even when the server's total is stale or approximate.
    m_exhausted = received < static_cast<qsizetype>(m_pageSize) || static_cast<quint64>(loadedRows()) >= total;
    Q_EMIT loadingChanged(false);
    Q_EMIT pageLoaded(total);
}

void PagedTableModel::pageFailed(const ApiError& error)
{
    m_call = nullptr;
    m_lastError = error;
    Q_EMIT loadingChanged(false);
    // A cancel is ours (a newer query or a connection switch), not something to report.
    if (error.kind != ApiError::Kind::Cancelled)
        Q_EMIT loadFailed(error);
}

void PagedTableModel::abandonCall()
{
    // Bumping the generation first makes the cancelled call's callback a no-op.
    ++m_generation;
    if (m_call)
        m_call->cancel();
    m_call = nullptr;
}
