#include "MockListParams.h"

#include "MockJsonReader.h"
#include "MockPgvText.h"

namespace
{
const char* const sortNames[] = {
    "USER_FIELD_NAME_UNSPECIFIED",
    "USER_FIELD_NAME_USER_NAME",
    "USER_FIELD_NAME_FIRST_NAME",
    "USER_FIELD_NAME_LAST_NAME",
    "USER_FIELD_NAME_NICK_NAME",
    "USER_FIELD_NAME_DISPLAY_NAME",
    "USER_FIELD_NAME_EMAIL",
    "USER_FIELD_NAME_STATE",
    "USER_FIELD_NAME_TYPE",
    "USER_FIELD_NAME_CREATION_DATE",
};
} // namespace

std::optional<MockListParams> MockListParams::parse(const QJsonObject& body, MockError* error)
{
    MockListParams params;
    QJsonObject query;
    if (!MockJsonReader::object(MockJsonReader::member(body, "query", nullptr), "query", &query, error))
        return std::nullopt;
    quint32 limit = 0;
    if (!MockJsonReader::uint64(MockJsonReader::member(query, "offset", nullptr), "offset", &params.offset, error)
        || !MockJsonReader::uint32(MockJsonReader::member(query, "limit", nullptr), "limit", &limit, error)
        || !MockJsonReader::boolean(MockJsonReader::member(query, "asc", nullptr), "asc", &params.asc, error))
        return std::nullopt;
    if (limit > MaxLimit) {
        *error = MockError(
            MockError::Code::InvalidArgument, QStringLiteral("QUERY-4M0fs"), QStringLiteral("Limit exceeded"));
        return std::nullopt;
    }
    params.limit = limit == 0 ? MaxLimit : limit;
    return params;
}

bool MockListParams::userSortColumn(
    const QJsonObject& body, const char* requestMessage, MockUserSortColumn* out, MockError* error)
{
    int column = 0;
    if (!MockJsonReader::enumeration(MockJsonReader::member(body, "sortingColumn", "sorting_column"),
            "sortingColumn",
            sortNames,
            int(std::size(sortNames)),
            &column,
            error))
        return false;
    if (column < 0 || column >= int(std::size(sortNames))) {
        *error = MockError::plain(
            MockError::Code::InvalidArgument, MockPgvText::definedEnum(requestMessage, "SortingColumn"));
        return false;
    }
    *out = MockUserSortColumn(column);
    return true;
}

const char* MockListParams::userSortColumnName(MockUserSortColumn column)
{
    return column == MockUserSortColumn::Unspecified ? nullptr : sortNames[int(column)];
}
