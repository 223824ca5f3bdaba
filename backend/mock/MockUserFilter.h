#pragma once

#include "MockError.h"
#include "MockModel.h"
#include "MockUserFields.h"

#include <QJsonValue>
#include <QString>

#include <optional>
#include <vector>

class MockUserView;

// The "queries" of a ListUsers request (v1 zitadel.user.v1.SearchQuery or v2
// zitadel.user.v2.SearchQuery), parsed and validated once, then evaluated per user.
// Matching reads users through MockUserView so that scanning generated users allocates nothing.
class MockUserFilter
{
public:
    enum class Dialect
    {
        ManagementV1,
        UserV2,
    };

    enum class TextMethod
    {
        Equals,
        EqualsIgnoreCase,
        StartsWith,
        StartsWithIgnoreCase,
        Contains,
        ContainsIgnoreCase,
        EndsWith,
        EndsWithIgnoreCase,
    };

    static constexpr int MaxNesting = 20; // ZITADEL: "Too many query nesting levels (Max 20)"

    // `queries` is the request's "queries" array (AND-combined); `requestMessage` names the
    // request in validation messages ("ListUsersRequest").
    static std::optional<MockUserFilter> parse(
        const QJsonValue& queries, Dialect dialect, const char* requestMessage, MockError* error);

    bool isEmpty() const { return m_roots.empty(); }
    bool matches(const MockUserView& user) const;

    // Organizations a top-level organizationIdQuery restricts the search to; nullopt when
    // there is none. Lets the lister skip whole organizations instead of scanning them.
    std::optional<QString> requiredOrgId() const;
    // True when the top level holds two organizationIdQuery with different ids.
    bool contradictoryOrgs() const;
    // The filter minus its top-level organizationIdQuery members, for a caller that has
    // already narrowed the search to that organization. An org filter alone then becomes
    // empty, which lets the lister page without scanning.
    MockUserFilter withoutOrgRestriction() const;

    static bool textMatches(QStringView haystack, TextMethod method, QStringView needle);
    static bool ignoresCase(TextMethod method);
    // Reads a text query's "method" (name or number; absent = EQUALS). Returns false with
    // *error set when it cannot be decoded; *defined is false for a number outside the enum,
    // which PGV's defined_only rule rejects (the caller words that error for its message).
    static bool readTextMethod(const QJsonObject& query, TextMethod* out, bool* defined, MockError* error);

private:
    struct Node
    {
        enum class Kind
        {
            And,
            Or,
            Not,
            Text,
            State,
            Type,
            InIds,
            InEmails,
            Org,
        };
        Kind kind = Kind::And;
        MockUserTextField field = MockUserTextField::UserName;
        TextMethod method = TextMethod::Equals;
        QString value; // lowercased for the *_IGNORE_CASE methods
        MockUserState state = MockUserState::Unspecified;
        int type = 0; // 0 unspecified (matches nothing), 1 human, 2 machine
        std::vector<QString> values; // sorted: ids or emails
        std::vector<Node> children;

        bool matches(const MockUserView& user) const;
    };

    class Parser;
    std::vector<Node> m_roots;
};
