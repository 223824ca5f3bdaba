#include "MockUserFilter.h"
#include "Runes.h"

#include "MockJsonReader.h"
#include "MockPgvText.h"
#include "MockUserStore.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace
{
const char* const textMethodNames[] = {
    "TEXT_QUERY_METHOD_EQUALS",
    "TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE",
    "TEXT_QUERY_METHOD_STARTS_WITH",
    "TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE",
    "TEXT_QUERY_METHOD_CONTAINS",
    "TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE",
    "TEXT_QUERY_METHOD_ENDS_WITH",
    "TEXT_QUERY_METHOD_ENDS_WITH_IGNORE_CASE",
};
// v1 zitadel.user.v1.UserState has SUSPEND at 5 and INITIAL at 6; v2 has no SUSPEND.
const char* const v1StateNames[] = {
    "USER_STATE_UNSPECIFIED",
    "USER_STATE_ACTIVE",
    "USER_STATE_INACTIVE",
    "USER_STATE_DELETED",
    "USER_STATE_LOCKED",
    "USER_STATE_SUSPEND",
    "USER_STATE_INITIAL",
};
const char* const v2StateNames[] = {
    "USER_STATE_UNSPECIFIED",
    "USER_STATE_ACTIVE",
    "USER_STATE_INACTIVE",
    "USER_STATE_DELETED",
    "USER_STATE_LOCKED",
    "USER_STATE_INITIAL",
};
const char* const typeNames[] = {"TYPE_UNSPECIFIED", "TYPE_HUMAN", "TYPE_MACHINE"};

enum class Member
{
    Text,
    State,
    Type,
    InIds,
    InEmails,
    Or,
    And,
    Not,
    Org,
};

// One member of the SearchQuery oneof: its JSON/proto names, the message it carries (for
// validation texts) and, for text queries, the value field and its length rule.
struct MemberSpec
{
    const char* json;
    const char* proto;
    const char* oneofField; // the member as PGV names it inside SearchQuery
    const char* message; // the member's message type
    Member member;
    MockUserTextField field;
    const char* valueJson;
    const char* valueProto;
    const char* valueField; // PascalCase, for PGV texts
    int v2Min; // v2 min_len (v1 text queries have no min_len)
    int maxLen;
    bool v2Only;
};

// One row per member reads better than clang-format's one line per field.
// clang-format off
const MemberSpec members[] = {
    {"userNameQuery",       "user_name_query",       "UserNameQuery",       "UserNameQuery",       Member::Text,     MockUserTextField::UserName,    "userName",       "user_name",       "UserName",       1, 200, false},
    {"firstNameQuery",      "first_name_query",      "FirstNameQuery",      "FirstNameQuery",      Member::Text,     MockUserTextField::GivenName,   "firstName",      "first_name",      "FirstName",      1, 200, false},
    {"lastNameQuery",       "last_name_query",       "LastNameQuery",       "LastNameQuery",       Member::Text,     MockUserTextField::FamilyName,  "lastName",       "last_name",       "LastName",       1, 200, false},
    {"nickNameQuery",       "nick_name_query",       "NickNameQuery",       "NickNameQuery",       Member::Text,     MockUserTextField::NickName,    "nickName",       "nick_name",       "NickName",       1, 200, false},
    {"displayNameQuery",    "display_name_query",    "DisplayNameQuery",    "DisplayNameQuery",    Member::Text,     MockUserTextField::DisplayName, "displayName",    "display_name",    "DisplayName",    1, 200, false},
    {"emailQuery",          "email_query",           "EmailQuery",          "EmailQuery",          Member::Text,     MockUserTextField::Email,       "emailAddress",   "email_address",   "EmailAddress",   0, 200, false},
    {"stateQuery",          "state_query",           "StateQuery",          "StateQuery",          Member::State,    MockUserTextField::UserName,    nullptr,          nullptr,           nullptr,          0, 0,   false},
    {"typeQuery",           "type_query",            "TypeQuery",           "TypeQuery",           Member::Type,     MockUserTextField::UserName,    nullptr,          nullptr,           nullptr,          0, 0,   false},
    {"loginNameQuery",      "login_name_query",      "LoginNameQuery",      "LoginNameQuery",      Member::Text,     MockUserTextField::LoginName,   "loginName",      "login_name",      "LoginName",      1, 200, false},
    {"inUserIdsQuery",      "in_user_ids_query",     "InUserIdsQuery",      "InUserIDQuery",       Member::InIds,    MockUserTextField::UserName,    nullptr,          nullptr,           nullptr,          0, 0,   false},
    {"orQuery",             "or_query",              "OrQuery",             "OrQuery",             Member::Or,       MockUserTextField::UserName,    nullptr,          nullptr,           nullptr,          0, 0,   false},
    {"andQuery",            "and_query",             "AndQuery",            "AndQuery",            Member::And,      MockUserTextField::UserName,    nullptr,          nullptr,           nullptr,          0, 0,   false},
    {"notQuery",            "not_query",             "NotQuery",            "NotQuery",            Member::Not,      MockUserTextField::UserName,    nullptr,          nullptr,           nullptr,          0, 0,   false},
    {"inUserEmailsQuery",   "in_user_emails_query",  "InUserEmailsQuery",   "InUserEmailsQuery",   Member::InEmails, MockUserTextField::Email,       nullptr,          nullptr,           nullptr,          0, 0,   false},
    {"organizationIdQuery", "organization_id_query", "OrganizationIdQuery", "OrganizationIdQuery", Member::Org,      MockUserTextField::UserName,    "organizationId", "organization_id", "OrganizationId", 1, 200, true},
    {"phoneQuery",          "phone_query",           "PhoneQuery",          "PhoneQuery",          Member::Text,     MockUserTextField::Phone,       "number",         "number",          "Number",         0, 20,  true},
};
// clang-format on

bool sortedContains(const std::vector<QString>& sorted, QStringView value)
{
    const auto it = std::lower_bound(
        sorted.begin(), sorted.end(), value, [](const QString& a, QStringView b) { return QStringView(a) < b; });
    return it != sorted.end() && QStringView(*it) == value;
}
} // namespace

// Recursive descent over the JSON. Decode errors (wrong JSON types, unknown enum names)
// end parsing at once; validation failures come back as the PGV text of the innermost
// message and are wrapped with their path on the way out.
class MockUserFilter::Parser
{
public:
    Parser(Dialect dialect, MockError* error)
        : m_dialect(dialect)
        , m_error(error)
    { }

    // Returns false with *m_error set (decode), or with *pgv set (validation).
    bool query(const QJsonValue& value, int depth, Node* out, QString* pgv)
    {
        QJsonObject o;
        if (!MockJsonReader::object(value, "queries", &o, m_error))
            return false;
        const MemberSpec* spec = nullptr;
        QJsonValue payload;
        for (const MemberSpec& m : members) {
            if (m.v2Only && m_dialect == Dialect::ManagementV1)
                continue; // v1 has no such field: unknown fields are ignored
            const QJsonValue v = MockJsonReader::member(o, m.json, m.proto);
            if (!MockJsonReader::isSet(v))
                continue;
            if (spec) {
                *m_error = MockJsonReader::oneofTwice(m.json, oneofName());
                return false;
            }
            spec = &m;
            payload = v;
        }
        if (!spec) {
            *pgv = MockPgvText::required("SearchQuery", "Query");
            return false;
        }
        QJsonObject body;
        if (!MockJsonReader::object(payload, spec->json, &body, m_error))
            return false;
        QString inner;
        if (!member(*spec, body, depth, out, &inner)) {
            if (!inner.isEmpty())
                *pgv = MockPgvText::embedded("SearchQuery", spec->oneofField, inner);
            return false;
        }
        return true;
    }

    bool queryList(
        const QJsonValue& value, const char* message, const char* field, int depth, Node* parent, QString* pgv)
    {
        QJsonArray list;
        if (!MockJsonReader::array(value, "queries", &list, m_error))
            return false;
        for (int i = 0; i < list.size(); ++i) {
            Node child;
            QString inner;
            if (!query(list.at(i), depth, &child, &inner)) {
                if (!inner.isEmpty())
                    *pgv = MockPgvText::embeddedAt(message, field, i, inner);
                return false;
            }
            parent->children.push_back(std::move(child));
        }
        return true;
    }

    bool tooDeep() const { return m_tooDeep; }

private:
    const char* oneofName() const
    {
        return m_dialect == Dialect::UserV2 ? "zitadel.user.v2.SearchQuery.query" : "zitadel.user.v1.SearchQuery.query";
    }

    bool member(const MemberSpec& spec, const QJsonObject& body, int depth, Node* out, QString* pgv)
    {
        switch (spec.member) {
        case Member::Text:
        case Member::Org:
            return text(spec, body, out, pgv);
        case Member::State: {
            out->kind = Node::Kind::State;
            const bool v2 = m_dialect == Dialect::UserV2;
            const int count = v2 ? int(std::size(v2StateNames)) : int(std::size(v1StateNames));
            int number = 0;
            if (!MockJsonReader::enumeration(MockJsonReader::member(body, "state", nullptr),
                    "state",
                    v2 ? v2StateNames : v1StateNames,
                    count,
                    &number,
                    m_error))
                return false;
            if (number < 0 || number >= count) {
                *pgv = MockPgvText::definedEnum("StateQuery", "State");
                return false;
            }
            // v2 numbers INITIAL 5 where v1 has SUSPEND; map to the internal (v1-like) numbering.
            out->state = v2 && number == 5 ? MockUserState::Initial : MockUserState(number);
            return true;
        }
        case Member::Type: {
            out->kind = Node::Kind::Type;
            int number = 0;
            if (!MockJsonReader::enumeration(MockJsonReader::member(body, "type", nullptr),
                    "type",
                    typeNames,
                    int(std::size(typeNames)),
                    &number,
                    m_error))
                return false;
            if (number < 0 || number > 2) {
                *pgv = MockPgvText::definedEnum("TypeQuery", "Type");
                return false;
            }
            out->type = number;
            return true;
        }
        case Member::InIds:
        case Member::InEmails: {
            const bool ids = spec.member == Member::InIds;
            out->kind = ids ? Node::Kind::InIds : Node::Kind::InEmails;
            QJsonArray list;
            const QJsonValue v = ids ? MockJsonReader::member(body, "userIds", "user_ids")
                                     : MockJsonReader::member(body, "userEmails", "user_emails");
            if (!MockJsonReader::array(v, ids ? "userIds" : "userEmails", &list, m_error))
                return false;
            for (const QJsonValue& item : list) {
                QString s;
                if (!item.isString()) {
                    *m_error = MockJsonReader::decodeError(
                        QStringLiteral("invalid value for string field %1").arg(ids ? "userIds" : "userEmails"));
                    return false;
                }
                s = item.toString();
                out->values.push_back(s);
            }
            std::sort(out->values.begin(), out->values.end());
            return true;
        }
        case Member::Or:
        case Member::And: {
            out->kind = spec.member == Member::Or ? Node::Kind::Or : Node::Kind::And;
            if (depth >= MaxNesting) {
                m_tooDeep = true;
                return false;
            }
            return queryList(
                MockJsonReader::member(body, "queries", nullptr), spec.message, "Queries", depth + 1, out, pgv);
        }
        case Member::Not: {
            out->kind = Node::Kind::Not;
            if (depth >= MaxNesting) {
                m_tooDeep = true;
                return false;
            }
            const QJsonValue inner = MockJsonReader::member(body, "query", nullptr);
            if (!MockJsonReader::isSet(inner)) {
                *pgv = MockPgvText::required("NotQuery", "Query");
                return false;
            }
            Node child;
            QString cause;
            if (!query(inner, depth + 1, &child, &cause)) {
                if (!cause.isEmpty())
                    *pgv = MockPgvText::embedded("NotQuery", "Query", cause);
                return false;
            }
            out->children.push_back(std::move(child));
            return true;
        }
        }
        return false;
    }

    bool text(const MemberSpec& spec, const QJsonObject& body, Node* out, QString* pgv)
    {
        QString value;
        if (!MockJsonReader::string(
                MockJsonReader::member(body, spec.valueJson, spec.valueProto), spec.valueJson, &value, m_error))
            return false;
        const int runes = runeCount(value);
        const int min = m_dialect == Dialect::UserV2 ? spec.v2Min : 0;
        if (runes < min || runes > spec.maxLen) {
            *pgv = min > 0 ? MockPgvText::lengthBetween(spec.message, spec.valueField, min, spec.maxLen)
                           : MockPgvText::maxLength(spec.message, spec.valueField, spec.maxLen);
            return false;
        }
        if (spec.member == Member::Org) {
            out->kind = Node::Kind::Org;
            out->value = value;
            return true;
        }
        TextMethod method = TextMethod::Equals;
        bool defined = true;
        if (!readTextMethod(body, &method, &defined, m_error))
            return false;
        if (!defined) {
            *pgv = MockPgvText::definedEnum(spec.message, "Method");
            return false;
        }
        out->kind = Node::Kind::Text;
        out->field = spec.field;
        out->method = method;
        out->value = MockUserFilter::ignoresCase(out->method) ? value.toLower() : value;
        return true;
    }

    Dialect m_dialect;
    MockError* m_error;
    bool m_tooDeep = false;
};

std::optional<MockUserFilter> MockUserFilter::parse(
    const QJsonValue& queries, Dialect dialect, const char* requestMessage, MockError* error)
{
    Parser parser(dialect, error);
    Node root;
    QString pgv;
    if (!parser.queryList(queries, requestMessage, "Queries", 0, &root, &pgv)) {
        if (parser.tooDeep())
            *error = MockError::plain(MockError::Code::InvalidArgument,
                QStringLiteral("Too many query nesting levels (Max %1)").arg(MaxNesting));
        else if (!pgv.isEmpty())
            *error = MockError::plain(MockError::Code::InvalidArgument, pgv);
        return std::nullopt;
    }
    MockUserFilter filter;
    filter.m_roots = std::move(root.children);
    return filter;
}

bool MockUserFilter::matches(const MockUserView& user) const
{
    for (const Node& n : m_roots) {
        if (!n.matches(user))
            return false;
    }
    return true;
}

std::optional<QString> MockUserFilter::requiredOrgId() const
{
    for (const Node& n : m_roots) {
        if (n.kind == Node::Kind::Org)
            return n.value;
    }
    return std::nullopt;
}

bool MockUserFilter::contradictoryOrgs() const
{
    const auto required = requiredOrgId();
    for (const Node& n : m_roots) {
        if (n.kind == Node::Kind::Org && n.value != *required)
            return true;
    }
    return false;
}

MockUserFilter MockUserFilter::withoutOrgRestriction() const
{
    MockUserFilter out;
    for (const Node& n : m_roots) {
        if (n.kind != Node::Kind::Org)
            out.m_roots.push_back(n);
    }
    return out;
}

bool MockUserFilter::textMatches(QStringView haystack, TextMethod method, QStringView needle)
{
    switch (method) {
    case TextMethod::Equals:
    case TextMethod::EqualsIgnoreCase:
        return haystack == needle;
    case TextMethod::StartsWith:
    case TextMethod::StartsWithIgnoreCase:
        return haystack.startsWith(needle);
    case TextMethod::Contains:
    case TextMethod::ContainsIgnoreCase:
        return haystack.contains(needle);
    case TextMethod::EndsWith:
    case TextMethod::EndsWithIgnoreCase:
        return haystack.endsWith(needle);
    }
    return false;
}

bool MockUserFilter::Node::matches(const MockUserView& user) const
{
    switch (kind) {
    case Kind::And:
        for (const Node& c : children) {
            if (!c.matches(user))
                return false;
        }
        return true;
    case Kind::Or:
        for (const Node& c : children) {
            if (c.matches(user))
                return true;
        }
        return false; // ZITADEL: an empty OR matches nothing
    case Kind::Not:
        return !children.front().matches(user);
    case Kind::Text:
        return textMatches(user.text(field, MockUserFilter::ignoresCase(method)), method, value);
    case Kind::State:
        return user.state() == state;
    case Kind::Type:
        return int(user.type()) == type;
    case Kind::InIds:
        return sortedContains(values, user.id());
    case Kind::InEmails:
        return sortedContains(values, user.text(MockUserTextField::Email, false));
    case Kind::Org:
        return user.orgId() == value;
    }
    return false;
}

bool MockUserFilter::readTextMethod(const QJsonObject& query, TextMethod* out, bool* defined, MockError* error)
{
    int method = 0;
    if (!MockJsonReader::enumeration(MockJsonReader::member(query, "method", nullptr),
            "method",
            textMethodNames,
            int(std::size(textMethodNames)),
            &method,
            error))
        return false;
    *defined = method >= 0 && method < int(std::size(textMethodNames));
    if (*defined)
        *out = TextMethod(method);
    return true;
}

bool MockUserFilter::ignoresCase(TextMethod m)
{
    return m == TextMethod::EqualsIgnoreCase || m == TextMethod::StartsWithIgnoreCase
        || m == TextMethod::ContainsIgnoreCase || m == TextMethod::EndsWithIgnoreCase;
}
