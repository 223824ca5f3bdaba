#pragma once

// Fixed ids of the built-in mock seed (resources/mock/seed.json), for tests on both sides
// of the wire. The seed is the source of truth; TestMockRouter checks these against it.
namespace SeedIds
{
// Organizations. ACME is first: the instance default and the home org of every token.
inline constexpr char AcmeOrg[] = "312908912355508120"; // "ACME Corporation"
inline constexpr char GlobexOrg[] = "312908912355508121"; // "Globex"
inline constexpr char InitechOrg[] = "312908912355508122"; // "Initech"
inline constexpr char UmbrellaOrg[] = "312908912355508123"; // "Umbrella (archived)", ORGANIZATION_STATE_INACTIVE

inline constexpr char InstanceDomain[] = "mock.verifydesk.localhost";
inline constexpr char AcmeDomain[] = "acme.mock.verifydesk.localhost";

// Tokens (send as "Authorization: Bearer <token>").
inline constexpr char AdminToken[] = "mock-admin"; // user.read, user.write, org.read everywhere
inline constexpr char SupportToken[] = "mock-support"; // user.read, user.write, org.read in ACME only
inline constexpr char ReadonlyToken[] = "mock-readonly"; // user.read, org.read everywhere

// ACME users.
inline constexpr char Minnie[] = "312909075211944344"; // email verified, phone unverified + pending code
inline constexpr char Donald[] = "312909075211944345"; // email unverified + pending, phone verified
inline constexpr char Daisy[] = "312909075211944346"; // both verified
inline constexpr char Goofy[] = "312909075211944347"; // email unverified + pending, no phone
inline constexpr char Pluto[] = "312909075211944348"; // email and phone unverified, no code ever sent
inline constexpr char CiBot[] = "312909075211944349"; // machine "CI Bot"
inline constexpr char Scrooge[] = "312909075211944350"; // INITIAL, email unverified + pending
inline constexpr char Gladstone[] = "312909075211944351"; // INACTIVE, email unverified + pending
inline constexpr char Magica[] = "312909075211944352"; // LOCKED, phone unverified + pending, email verified
inline constexpr char Zoe[] = "312909075211944353"; // non-ASCII names and email, email unverified + pending
inline constexpr char LongName[] = "312909075211944354"; // display name > 100 characters, long user name
inline constexpr char NoEmail[] = "312909075211944355"; // imported without email, phone unverified + pending
inline constexpr char AdminServiceUser[] = "312909075211944356"; // machine behind mock-admin
inline constexpr char SupportServiceUser[] = "312909075211944357"; // machine behind mock-support
inline constexpr char ReadonlyServiceUser[] = "312909075211944358"; // machine behind mock-readonly
inline constexpr char Mickey[] = "312909075211944359"; // both verified, nick name "Mick"
inline constexpr char Ludwig[] = "312909075211944367"; // INITIAL, email and phone unverified + pending

// Other organizations (mock-support may not touch these).
inline constexpr char GlobexMinnie[] = "312909075211944360"; // user name "minnie" too; email + phone pending
inline constexpr char GlobexHank[] = "312909075211944371"; // both verified
inline constexpr char GlobexFrank[] = "312909075211944372"; // email unverified + pending
inline constexpr char InitechPeter[] = "312909075211944377"; // email + phone unverified + pending
inline constexpr char InitechMichael[] = "312909075211944382"; // INITIAL
inline constexpr char UmbrellaAlice[] = "312909075211944384"; // in the inactive org; email pending

// Pending codes in the seed (replaced by the first resend).
inline constexpr char MinniePhoneCode[] = "583201";
inline constexpr char DonaldEmailCode[] = "Q7KZ2D";

inline constexpr int SeedUserCount = 44;
inline constexpr int AcmeSeedUserCount = 26;
} // namespace SeedIds
