#pragma once

#include "MockModel.h"

#include <utility>

// The words of the seed document ("verifydesk-mock-seed/1", described at the top of
// MockSeedLoader.cpp). MockSeedLoader reads them and MockSeedWriter writes them from these
// same tables, so a saved state always loads again.
namespace MockSeedFormat
{
inline constexpr char FormatId[] = "verifydesk-mock-seed/1";

inline constexpr std::pair<const char*, MockOrgState> OrgStates[] = {
    {"ACTIVE", MockOrgState::Active},
    {"INACTIVE", MockOrgState::Inactive},
    {"REMOVED", MockOrgState::Removed},
};
inline constexpr std::pair<const char*, MockUserState> UserStates[] = {
    {"ACTIVE", MockUserState::Active},
    {"INACTIVE", MockUserState::Inactive},
    {"LOCKED", MockUserState::Locked},
    {"INITIAL", MockUserState::Initial},
    {"SUSPEND", MockUserState::Suspend},
};
inline constexpr std::pair<const char*, MockGender> Genders[] = {
    {"FEMALE", MockGender::Female},
    {"MALE", MockGender::Male},
    {"DIVERSE", MockGender::Diverse},
    {"UNSPECIFIED", MockGender::Unspecified},
};
inline constexpr std::pair<const char*, MockUserType> UserTypes[] = {
    {"human", MockUserType::Human},
    {"machine", MockUserType::Machine},
};
inline constexpr std::pair<const char*, MockPermission> Permissions[] = {
    {"user.read", MockPermission::UserRead},
    {"user.write", MockPermission::UserWrite},
    {"org.read", MockPermission::OrgRead},
};
inline constexpr std::pair<const char*, bool> AccessTokenTypes[] = {
    {"BEARER", false},
    {"JWT", true},
};

// The name of `value` in `table`, nullptr when the table has none (a state only the mock
// itself can reach, which a seed cannot express).
template <typename E, size_t N>
const char* nameOf(const std::pair<const char*, E> (&table)[N], E value)
{
    for (const auto& [name, v] : table) {
        if (v == value)
            return name;
    }
    return nullptr;
}
} // namespace MockSeedFormat
