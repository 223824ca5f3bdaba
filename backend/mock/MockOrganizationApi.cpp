#include "MockOrganizationApi.h"
#include "Runes.h"

#include "MockAccessControl.h"
#include "MockJsonReader.h"
#include "MockJsonWriter.h"
#include "MockListParams.h"
#include "MockPgvText.h"
#include "MockResourceJson.h"
#include "MockUserFilter.h"
#include "MockZitadel.h"

#include <QJsonArray>

#include <algorithm>

namespace
{
const char* const stateNames[] = {
    "ORGANIZATION_STATE_UNSPECIFIED",
    "ORGANIZATION_STATE_ACTIVE",
    "ORGANIZATION_STATE_INACTIVE",
    "ORGANIZATION_STATE_REMOVED",
};
const char* const sortNames[] = {
    "ORGANIZATION_FIELD_NAME_UNSPECIFIED",
    "ORGANIZATION_FIELD_NAME_NAME",
    "ORGANIZATION_FIELD_NAME_CREATION_DATE",
};

// One zitadel.org.v2.SearchQuery.
struct OrgQuery
{
    enum class Kind
    {
        Name,
        Domain,
        State,
        Id,
        Default,
    };
    Kind kind = Kind::Name;
    MockUserFilter::TextMethod method = MockUserFilter::TextMethod::Equals;
    QString value;
    MockOrgState state = MockOrgState::Unspecified;

    bool matches(const MockOrg& org, const QString& defaultOrgId) const
    {
        const bool ignoreCase = int(method) % 2 == 1; // the *_IGNORE_CASE methods are the odd ones
        auto text = [&](const QString& s) {
            return MockUserFilter::textMatches(ignoreCase ? s.toLower() : s, method, value);
        };
        switch (kind) {
        case Kind::Name:
            return text(org.name);
        case Kind::Domain:
            return std::any_of(org.domains.begin(), org.domains.end(), text);
        case Kind::State:
            return org.state == state;
        case Kind::Id:
            return org.id == value;
        case Kind::Default:
            return org.id == defaultOrgId;
        }
        return false;
    }
};

struct MemberSpec
{
    const char* json;
    const char* proto;
    const char* oneofField;
    const char* message;
    OrgQuery::Kind kind;
    const char* valueJson;
    const char* valueField;
};

// One row per member.
// clang-format off
const MemberSpec members[] = {
    {"nameQuery",    "name_query",    "NameQuery",    "OrganizationNameQuery",    OrgQuery::Kind::Name,    "name",   "Name"},
    {"domainQuery",  "domain_query",  "DomainQuery",  "OrganizationDomainQuery",  OrgQuery::Kind::Domain,  "domain", "Domain"},
    {"stateQuery",   "state_query",   "StateQuery",   "OrganizationStateQuery",   OrgQuery::Kind::State,   nullptr,  nullptr},
    {"idQuery",      "id_query",      "IdQuery",      "OrganizationIDQuery",      OrgQuery::Kind::Id,      "id",     "Id"},
    {"defaultQuery", "default_query", "DefaultQuery", "DefaultOrganizationQuery", OrgQuery::Kind::Default, nullptr,  nullptr},
};
// clang-format on

// Returns false with *error set; PGV failures are wrapped with the element's index.
bool parseQuery(const QJsonValue& value, int index, OrgQuery* out, MockError* error)
{
    auto pgv = [&](const QString& inner) {
        *error = MockError::plain(MockError::Code::InvalidArgument,
            MockPgvText::embeddedAt("ListOrganizationsRequest", "Queries", index, inner));
        return false;
    };
    QJsonObject o;
    if (!MockJsonReader::object(value, "queries", &o, error))
        return false;
    const MemberSpec* spec = nullptr;
    QJsonObject body;
    for (const MemberSpec& m : members) {
        const QJsonValue v = MockJsonReader::member(o, m.json, m.proto);
        if (!MockJsonReader::isSet(v))
            continue;
        if (spec) {
            *error = MockJsonReader::oneofTwice(m.json, "zitadel.org.v2.SearchQuery.query");
            return false;
        }
        spec = &m;
        if (!MockJsonReader::object(v, m.json, &body, error))
            return false;
    }
    if (!spec)
        return pgv(MockPgvText::required("SearchQuery", "Query"));
    out->kind = spec->kind;
    if (spec->kind == OrgQuery::Kind::State) {
        int state = 0;
        if (!MockJsonReader::enumeration(MockJsonReader::member(body, "state", nullptr),
                "state",
                stateNames,
                int(std::size(stateNames)),
                &state,
                error))
            return false;
        if (state < 0 || state >= int(std::size(stateNames)))
            return pgv(MockPgvText::embedded(
                "SearchQuery", spec->oneofField, MockPgvText::definedEnum(spec->message, "State")));
        out->state = MockOrgState(state);
        return true;
    }
    if (!spec->valueJson)
        return true;
    if (!MockJsonReader::string(
            MockJsonReader::member(body, spec->valueJson, nullptr), spec->valueJson, &out->value, error))
        return false;
    const int runes = runeCount(out->value);
    if (runes < 1 || runes > 200)
        return pgv(MockPgvText::embedded(
            "SearchQuery", spec->oneofField, MockPgvText::lengthBetween(spec->message, spec->valueField, 1, 200)));
    if (spec->kind == OrgQuery::Kind::Id)
        return true;
    bool defined = true;
    if (!MockUserFilter::readTextMethod(body, &out->method, &defined, error))
        return false;
    if (!defined)
        return pgv(
            MockPgvText::embedded("SearchQuery", spec->oneofField, MockPgvText::definedEnum(spec->message, "Method")));
    if (MockUserFilter::ignoresCase(out->method))
        out->value = out->value.toLower();
    return true;
}
} // namespace

MockApiReply MockOrganizationApi::listOrganizations(const MockApiCall& call)
{
    MockError error;
    const auto params = MockListParams::parse(call.body, &error);
    if (!params)
        return MockApiReply::fail(error);
    int column = 0;
    if (!MockJsonReader::enumeration(MockJsonReader::member(call.body, "sortingColumn", "sorting_column"),
            "sortingColumn",
            sortNames,
            int(std::size(sortNames)),
            &column,
            &error))
        return MockApiReply::fail(error);
    if (column < 0 || column >= int(std::size(sortNames)))
        return MockApiReply::fail(MockError::plain(
            MockError::Code::InvalidArgument, MockPgvText::definedEnum("ListOrganizationsRequest", "SortingColumn")));
    QJsonArray list;
    if (!MockJsonReader::array(MockJsonReader::member(call.body, "queries", nullptr), "queries", &list, &error))
        return MockApiReply::fail(error);
    QList<OrgQuery> queries;
    for (int i = 0; i < list.size(); ++i) {
        OrgQuery q;
        if (!parseQuery(list.at(i), i, &q, &error))
            return MockApiReply::fail(error);
        queries.append(q);
    }

    QList<MockOrg> orgs;
    const QString defaultOrg = m_zitadel.instance().defaultOrgId;
    for (const MockOrg& org : m_zitadel.organizations()) {
        if (!MockAccessControl::allows(*call.caller, org.id, MockPermission::OrgRead))
            continue;
        if (std::all_of(queries.begin(), queries.end(), [&](const OrgQuery& q) { return q.matches(org, defaultOrg); }))
            orgs.append(org);
    }
    // Without a sorting column ZITADEL adds no ORDER BY: insertion (creation) order.
    const bool asc = column == 0 ? true : params->asc;
    std::sort(orgs.begin(), orgs.end(), [&](const MockOrg& a, const MockOrg& b) {
        int c = 0;
        if (column == 1)
            c = a.name.compare(b.name);
        else
            c = a.creationDate < b.creationDate ? -1 : (b.creationDate < a.creationDate ? 1 : 0);
        if (c == 0)
            c = a.id.compare(b.id);
        return asc ? c < 0 : c > 0;
    });

    MockJsonWriter w(2048);
    w.beginObject();
    MockResourceJson::listDetailsV2(w, quint64(orgs.size()), m_zitadel.processedSequence(), m_zitadel.now());
    w.optEnum("sortingColumn", column == 0 ? nullptr : sortNames[column]);
    const qsizetype first = qsizetype(std::min<quint64>(params->offset, quint64(orgs.size())));
    const qsizetype last = qsizetype(std::min<quint64>(first + quint64(params->limit), quint64(orgs.size())));
    if (first < last) {
        w.key("result");
        w.beginArray();
        for (qsizetype i = first; i < last; ++i)
            MockResourceJson::orgV2(w, orgs.at(i));
        w.endArray();
    }
    w.endObject();
    return MockApiReply::ok(w.take());
}
