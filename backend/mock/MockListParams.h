#pragma once

#include "MockError.h"
#include "MockUserFields.h"

#include <QJsonObject>

#include <optional>

// The paging part of every list request (v1 and v2 ListQuery share the rules) plus the
// sorting column of user lists.
struct MockListParams
{
    static constexpr quint32 MaxLimit = 1000; // ZITADEL's default MaxQueryLimit

    quint64 offset = 0;
    quint32 limit = MaxLimit; // 0/absent in the request becomes MaxLimit
    bool asc = false; // ZITADEL's default order is descending

    // Reads body.query: {offset, limit, asc}. A limit above MaxLimit is QUERY-4M0fs
    // "Limit exceeded" (verified for v1 in zitadel-api.md §2.1; the doc assumes the same for
    // v2, UNCONFIRMED there, and so does the mock).
    static std::optional<MockListParams> parse(const QJsonObject& body, MockError* error);

    // Reads body.sortingColumn (USER_FIELD_NAME_*); `requestMessage` names the request in
    // the validation text for an undefined number.
    static bool userSortColumn(
        const QJsonObject& body, const char* requestMessage, MockUserSortColumn* out, MockError* error);
    static const char* userSortColumnName(MockUserSortColumn column); // nullptr for UNSPECIFIED
};
