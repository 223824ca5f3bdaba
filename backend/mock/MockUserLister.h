#pragma once

#include "MockListParams.h"
#include "MockUserFields.h"
#include "MockUserFilter.h"
#include "MockUserStore.h"

#include <QList>

#include <optional>

struct MockUserListRequest
{
    QList<int> orgs; // organizations (MockUserStore indices) the caller may list
    const MockUserFilter* filter = nullptr; // nullptr or empty: every user
    MockUserSortColumn column = MockUserSortColumn::Unspecified;
    bool asc = false;
    quint64 offset = 0;
    quint32 limit = 1000;
};

struct MockUserListResult
{
    quint64 total = 0;
    QList<MockUserRef> page;
};

// Filters, sorts and pages users without materialising them. The users of a request form
// a few sorted runs: the matching seed users (sorted explicitly, they are few) and one run
// per organization of generated users, which for index-ordered columns needs no sorting at
// all and otherwise is sorted on precomputed integer keys. The page is then taken from the
// merge of the runs, skipping the offset in galloping steps rather than one by one.
class MockUserLister
{
public:
    explicit MockUserLister(const MockUserStore& store)
        : m_store(store)
    { }

    MockUserListResult list(const MockUserListRequest& request) const;

    // -1/0/1 comparing two users by `column` (then by id), ascending.
    int compare(MockUserRef a, MockUserRef b, MockUserSortColumn column) const;

    // ZITADEL adds no ORDER BY without a sorting column; the rows then come in insertion
    // order, which the mock models as ascending creation order whatever `asc` says.
    static bool effectiveAscending(MockUserSortColumn column, bool asc)
    {
        return column == MockUserSortColumn::Unspecified ? true : asc;
    }

private:
    struct Run;

    const MockUserStore& m_store;
};

// A ListUsersRequest body decoded the same way for v1 and v2: paging, sorting and the
// filter it owns. The handlers differ only in which organizations they list.
struct MockUserListQuery
{
    MockListParams params;
    MockUserSortColumn column = MockUserSortColumn::Unspecified;
    MockUserFilter filter;

    static std::optional<MockUserListQuery> parse(
        const QJsonObject& body, MockUserFilter::Dialect dialect, MockError* error);
    // A request over `orgs`; it points at this query's filter, so keep the query alive.
    MockUserListRequest request(QList<int> orgs) const;
};
