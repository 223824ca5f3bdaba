#include "MockNameTables.h"

#include <algorithm>
#include <numeric>

namespace
{
struct RawName
{
    const char16_t* display;
    const char* ascii;
    MockGender gender;
};

constexpr MockGender F = MockGender::Female;
constexpr MockGender M = MockGender::Male;
constexpr MockGender D = MockGender::Diverse;
constexpr MockGender U = MockGender::Unspecified;

// Names avoid spaces and dots so that "First Last" and "first.last" split unambiguously,
// which the sort ranks below rely on. ASCII forms must be unique per table.
const RawName firstNames[] = {
    {u"Anna", "anna", F},
    {u"Ben", "ben", M},
    {u"Chloé", "chloe", F},
    {u"David", "david", M},
    {u"Elif", "elif", F},
    {u"Felix", "felix", M},
    {u"Greta", "greta", F},
    {u"Hiroshi", "hiroshi", M},
    {u"Ingrid", "ingrid", F},
    {u"Jonas", "jonas", M},
    {u"Katarzyna", "katarzyna", F},
    {u"Lars", "lars", M},
    {u"Maja", "maja", F},
    {u"Noah", "noah", M},
    {u"Olga", "olga", F},
    {u"Pierre", "pierre", M},
    {u"Quentin", "quentin", M},
    {u"Rosa", "rosa", F},
    {u"Søren", "soren", M},
    {u"Tomás", "tomas", M},
    {u"Ulrike", "ulrike", F},
    {u"Vincent", "vincent", M},
    {u"Wiktoria", "wiktoria", F},
    {u"Xavier", "xavier", M},
    {u"Yara", "yara", F},
    {u"Zoltán", "zoltan", M},
    {u"Amélie", "amelie", F},
    {u"Björn", "bjorn", M},
    {u"Carmen", "carmen", F},
    {u"Dmitri", "dmitri", M},
    {u"Emma", "emma", F},
    {u"François", "francois", M},
    {u"Gabriel", "gabriel", M},
    {u"Hannah", "hannah", F},
    {u"Ibrahim", "ibrahim", M},
    {u"Julia", "julia", F},
    {u"Kenji", "kenji", M},
    {u"Léa", "lea", F},
    {u"Mateo", "mateo", M},
    {u"Nora", "nora", F},
    {u"Oskar", "oskar", M},
    {u"Priya", "priya", F},
    {u"Rafael", "rafael", M},
    {u"Sofia", "sofia", F},
    {u"Theo", "theo", M},
    {u"Uma", "uma", F},
    {u"Valentina", "valentina", F},
    {u"William", "william", M},
    {u"Yusuf", "yusuf", M},
    {u"Zeynep", "zeynep", F},
    {u"Aisha", "aisha", F},
    {u"Bruno", "bruno", M},
    {u"Clara", "clara", F},
    {u"Diego", "diego", M},
    {u"Eva", "eva", F},
    {u"Finn", "finn", M},
    {u"Giulia", "giulia", F},
    {u"Hugo", "hugo", M},
    {u"Isabel", "isabel", F},
    {u"Jakob", "jakob", M},
    {u"Lucía", "lucia", F},
    {u"Marco", "marco", M},
    {u"Alex", "alex", D},
    {u"Robin", "robin", U},
};

const RawName lastNames[] = {
    {u"Müller", "muller", U},
    {u"Schmidt", "schmidt", U},
    {u"Rossi", "rossi", U},
    {u"García", "garcia", U},
    {u"Nowak", "nowak", U},
    {u"Johansson", "johansson", U},
    {u"Dubois", "dubois", U},
    {u"Tanaka", "tanaka", U},
    {u"Kowalski", "kowalski", U},
    {u"Jensen", "jensen", U},
    {u"Novák", "novak", U},
    {u"Ferreira", "ferreira", U},
    {u"Horváth", "horvath", U},
    {u"Yılmaz", "yilmaz", U},
    {u"Andersson", "andersson", U},
    {u"Bernard", "bernard", U},
    {u"Costa", "costa", U},
    {u"Dimitrov", "dimitrov", U},
    {u"Eriksen", "eriksen", U},
    {u"Fischer", "fischer", U},
    {u"González", "gonzalez", U},
    {u"Hansen", "hansen", U},
    {u"Ivanova", "ivanova", U},
    {u"Jovanović", "jovanovic", U},
    {u"Kim", "kim", U},
    {u"Larsen", "larsen", U},
    {u"Martin", "martin", U},
    {u"Nielsen", "nielsen", U},
    {u"O'Brien", "obrien", U},
    {u"Petrović", "petrovic", U},
    {u"Quinn", "quinn", U},
    {u"Ricci", "ricci", U},
    {u"Suzuki", "suzuki", U},
    {u"Takahashi", "takahashi", U},
    {u"Umarov", "umarov", U},
    {u"Varga", "varga", U},
    {u"Weber", "weber", U},
    {u"Xu", "xu", U},
    {u"Yamamoto", "yamamoto", U},
    {u"Zimmermann", "zimmermann", U},
    {u"Abbott", "abbott", U},
    {u"Becker", "becker", U},
    {u"Chen", "chen", U},
    {u"Dahl", "dahl", U},
    {u"Esposito", "esposito", U},
    {u"Fontaine", "fontaine", U},
    {u"Gruber", "gruber", U},
    {u"Huber", "huber", U},
    {u"Iglesias", "iglesias", U},
    {u"Jäger", "jager", U},
    {u"Keller", "keller", U},
    {u"Lindqvist", "lindqvist", U},
    {u"Moreau", "moreau", U},
    {u"Nagy", "nagy", U},
    {u"Olsen", "olsen", U},
    {u"Popescu", "popescu", U},
    {u"Richter", "richter", U},
    {u"Silva", "silva", U},
    {u"Torres", "torres", U},
    {u"Vogel", "vogel", U},
    {u"Wagner", "wagner", U},
    {u"Öztürk", "ozturk", U},
    {u"Łukasiewicz", "lukasiewicz", U},
    {u"Brandt", "brandt", U},
};

const RawName jobs[] = {
    {u"Billing Sync", "billing-sync", U},
    {u"LDAP Import", "ldap-import", U},
    {u"Nightly Backup", "backup", U},
    {u"Reporting", "reporting", U},
    {u"Monitoring", "monitoring", U},
    {u"Deploy Pipeline", "deploy", U},
    {u"CRM Export", "crm-export", U},
    {u"Audit Feed", "audit-feed", U},
};

const char* const languages[] = {"en", "de", "fr", "it", "es", "pl", "ja", "sv"};
const char* const phonePrefixes[] = {"+4179", "+4915", "+4477", "+3361", "+3934", "+4670"};

std::vector<MockNameTables::Name> build(const RawName* raw, size_t count)
{
    std::vector<MockNameTables::Name> out;
    for (size_t i = 0; i < count; ++i) {
        MockNameTables::Name n;
        n.display = QString::fromUtf16(raw[i].display);
        n.lower = n.display.toLower();
        n.ascii = QString::fromLatin1(raw[i].ascii);
        n.gender = raw[i].gender;
        out.push_back(n);
    }
    std::vector<int> order(out.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return QStringView(out[size_t(a)].display).compare(out[size_t(b)].display) < 0;
    });
    for (size_t r = 0; r < order.size(); ++r)
        out[size_t(order[r])].rank = int(r);
    return out;
}

// Ranks of all first×last combinations by a composed key; ties cannot occur because the
// separator never appears inside a name.
std::vector<int> comboRanks(const std::vector<MockNameTables::Name>& first,
    const std::vector<MockNameTables::Name>& last,
    QString (*compose)(const MockNameTables::Name&, const MockNameTables::Name&))
{
    const size_t n = first.size() * last.size();
    std::vector<QString> keys(n);
    for (size_t f = 0; f < first.size(); ++f) {
        for (size_t l = 0; l < last.size(); ++l)
            keys[f * last.size() + l] = compose(first[f], last[l]);
    }
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return keys[size_t(a)] < keys[size_t(b)]; });
    std::vector<int> rank(n);
    for (size_t r = 0; r < n; ++r)
        rank[size_t(order[r])] = int(r);
    return rank;
}
} // namespace

const MockNameTables& MockNameTables::instance()
{
    static const MockNameTables tables;
    return tables;
}

MockNameTables::MockNameTables()
    : m_first(build(firstNames, std::size(firstNames)))
    , m_last(build(lastNames, std::size(lastNames)))
    , m_jobs(build(jobs, std::size(jobs)))
{
    m_displayRank = comboRanks(
        m_first, m_last, [](const Name& f, const Name& l) { return f.display + QLatin1Char(' ') + l.display; });
    // Email addresses are "first.last<number>@domain": digits sort before letters, so the
    // stem alone orders different combinations (see MockUserGenerator::sortKey).
    m_emailRank =
        comboRanks(m_first, m_last, [](const Name& f, const Name& l) { return f.ascii + QLatin1Char('.') + l.ascii; });
    for (const char* l : languages)
        m_languages.push_back(QString::fromLatin1(l));
    for (const char* p : phonePrefixes)
        m_phonePrefixes.push_back(QString::fromLatin1(p));
}
