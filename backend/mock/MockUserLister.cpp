#include "MockUserLister.h"

#include "MockJsonReader.h"
#include "MockUserFilter.h"

#include <algorithm>
#include <vector>

// A sorted (ascending) sequence of users; `at` hands them out in the requested direction.
struct MockUserLister::Run
{
    int org = -1;
    bool implicit = false; // generated users 0..count-1 in index order
    quint64 count = 0;
    std::vector<quint32> indices; // explicit generated run
    std::vector<MockUserRef> refs; // seed run
    bool ascending = true;

    quint64 size() const { return implicit ? count : (refs.empty() ? quint64(indices.size()) : quint64(refs.size())); }

    MockUserRef at(quint64 pos) const
    {
        const quint64 p = ascending ? pos : size() - 1 - pos;
        if (!refs.empty())
            return refs[size_t(p)];
        return MockUserRef {org, -1, implicit ? quint32(p) : indices[size_t(p)]};
    }
};

int MockUserLister::compare(MockUserRef a, MockUserRef b, MockUserSortColumn column) const
{
    const MockUserView va(m_store, a);
    const MockUserView vb(m_store, b);
    int c = 0;
    switch (column) {
    case MockUserSortColumn::Unspecified:
    case MockUserSortColumn::CreationDate: {
        const qint64 ta = va.creationMs();
        const qint64 tb = vb.creationMs();
        c = ta < tb ? -1 : (ta > tb ? 1 : 0);
        break;
    }
    case MockUserSortColumn::State:
        c = int(va.state()) - int(vb.state());
        break;
    case MockUserSortColumn::Type:
        c = int(va.type()) - int(vb.type());
        break;
    case MockUserSortColumn::UserName:
    case MockUserSortColumn::FirstName:
    case MockUserSortColumn::LastName:
    case MockUserSortColumn::NickName:
    case MockUserSortColumn::DisplayName:
    case MockUserSortColumn::Email: {
        static const MockUserTextField fields[] = {MockUserTextField::UserName,
            MockUserTextField::UserName,
            MockUserTextField::GivenName,
            MockUserTextField::FamilyName,
            MockUserTextField::NickName,
            MockUserTextField::DisplayName,
            MockUserTextField::Email};
        const MockUserTextField f = fields[int(column)];
        c = va.text(f, false).compare(vb.text(f, false));
        break;
    }
    }
    if (c == 0)
        c = va.id().compare(vb.id());
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

MockUserListResult MockUserLister::list(const MockUserListRequest& request) const
{
    const bool ascending = effectiveAscending(request.column, request.asc);
    const MockUserSortColumn column = request.column;

    // A top-level organizationIdQuery narrows the organizations instead of being tested per user.
    QList<int> orgs = request.orgs;
    MockUserFilter residual;
    const MockUserFilter* filter = nullptr;
    if (request.filter && !request.filter->isEmpty()) {
        if (request.filter->contradictoryOrgs())
            orgs.clear();
        else if (const auto only = request.filter->requiredOrgId()) {
            const int wanted = m_store.orgIndex(*only);
            orgs.erase(std::remove_if(orgs.begin(), orgs.end(), [&](int o) { return o != wanted; }), orgs.end());
        }
        residual = request.filter->withoutOrgRestriction();
        if (!residual.isEmpty())
            filter = &residual;
    }

    std::vector<Run> runs;
    Run seed;
    seed.ascending = ascending;
    for (int org : orgs) {
        for (int s : m_store.seedUsersOfOrg(org)) {
            const MockUserRef ref {org, s, 0};
            if (!filter || filter->matches(MockUserView(m_store, ref)))
                seed.refs.push_back(ref);
        }
    }
    std::sort(
        seed.refs.begin(), seed.refs.end(), [&](MockUserRef a, MockUserRef b) { return compare(a, b, column) < 0; });
    if (!seed.refs.empty())
        runs.push_back(std::move(seed));

    const quint64 perOrg = m_store.generatedPerOrg();
    const bool indexOrdered = MockUserGenerator::isIndexOrdered(column);
    for (int org : orgs) {
        if (perOrg == 0)
            break;
        Run run;
        run.org = org;
        run.ascending = ascending;
        if (indexOrdered && !filter) {
            run.implicit = true;
            run.count = perOrg;
        } else if (indexOrdered) {
            for (quint64 i = 0; i < perOrg; ++i) {
                if (filter->matches(MockUserView(m_store, MockUserRef {org, -1, quint32(i)})))
                    run.indices.push_back(quint32(i));
            }
        } else {
            struct Keyed
            {
                quint64 key;
                quint32 index;
            };
            std::vector<Keyed> keyed;
            keyed.reserve(filter ? 1024 : size_t(perOrg));
            for (quint64 i = 0; i < perOrg; ++i) {
                const MockUserView view(m_store, MockUserRef {org, -1, quint32(i)});
                if (!filter || filter->matches(view))
                    keyed.push_back(Keyed {view.generatedSortKey(column), quint32(i)});
            }
            std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
                return a.key != b.key ? a.key < b.key : a.index < b.index;
            });
            run.indices.reserve(keyed.size());
            for (const Keyed& k : keyed)
                run.indices.push_back(k.index);
        }
        if (run.size() > 0)
            runs.push_back(std::move(run));
    }

    MockUserListResult result;
    for (const Run& r : runs)
        result.total += r.size();

    // Merge: `before(x, y)` is the requested order across runs.
    auto before = [&](MockUserRef x, MockUserRef y) {
        const int c = compare(x, y, column);
        return ascending ? c < 0 : c > 0;
    };
    std::vector<quint64> head(runs.size(), 0);
    quint64 skip = request.offset;
    while (quint64(result.page.size()) < request.limit) {
        int best = -1;
        int second = -1;
        for (int r = 0; r < int(runs.size()); ++r) {
            if (head[size_t(r)] >= runs[size_t(r)].size())
                continue;
            const MockUserRef candidate = runs[size_t(r)].at(head[size_t(r)]);
            if (best < 0 || before(candidate, runs[size_t(best)].at(head[size_t(best)]))) {
                second = best;
                best = r;
            } else if (second < 0 || before(candidate, runs[size_t(second)].at(head[size_t(second)]))) {
                second = r;
            }
        }
        if (best < 0)
            break;
        const Run& run = runs[size_t(best)];
        quint64& h = head[size_t(best)];
        if (skip == 0) {
            result.page.append(run.at(h));
            ++h;
            continue;
        }
        const quint64 maxStep = std::min(skip, run.size() - h);
        quint64 step = maxStep;
        if (second >= 0) {
            // The best run's head precedes the other heads; find how many of its next
            // elements do too (at least one), by doubling and then bisecting.
            const MockUserRef pivot = runs[size_t(second)].at(head[size_t(second)]);
            quint64 good = 1;
            quint64 bad = maxStep + 1;
            quint64 probe = 2;
            while (probe <= maxStep) {
                if (before(run.at(h + probe - 1), pivot)) {
                    good = probe;
                    probe *= 2;
                } else {
                    bad = probe;
                    break;
                }
            }
            while (bad - good > 1) {
                const quint64 mid = good + (bad - good) / 2;
                if (before(run.at(h + mid - 1), pivot))
                    good = mid;
                else
                    bad = mid;
            }
            step = good;
        }
        h += step;
        skip -= step;
    }
    return result;
}

std::optional<MockUserListQuery> MockUserListQuery::parse(
    const QJsonObject& body, MockUserFilter::Dialect dialect, MockError* error)
{
    const auto params = MockListParams::parse(body, error);
    if (!params)
        return std::nullopt;
    MockUserSortColumn column = MockUserSortColumn::Unspecified;
    if (!MockListParams::userSortColumn(body, "ListUsersRequest", &column, error))
        return std::nullopt;
    auto filter =
        MockUserFilter::parse(MockJsonReader::member(body, "queries", nullptr), dialect, "ListUsersRequest", error);
    if (!filter)
        return std::nullopt;
    return MockUserListQuery {*params, column, std::move(*filter)};
}

MockUserListRequest MockUserListQuery::request(QList<int> orgs) const
{
    MockUserListRequest r;
    r.orgs = std::move(orgs);
    r.filter = &filter;
    r.column = column;
    r.asc = params.asc;
    r.offset = params.offset;
    r.limit = params.limit;
    return r;
}
