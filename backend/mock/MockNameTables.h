#pragma once

#include "MockModel.h"

#include <QString>

#include <vector>

// The small name tables the user generator draws from, with everything precomputed that a
// scan over a million generated users needs: lowercase forms for case-insensitive search
// and sort ranks, so that neither search nor sort builds a string per user.
class MockNameTables
{
public:
    struct Name
    {
        QString display; // as shown, may be non-ASCII ("Zoltán")
        QString lower; // display.toLower(), for *_IGNORE_CASE queries
        QString ascii; // lowercase ASCII letters only, for user names and email addresses
        MockGender gender = MockGender::Unspecified;
        int rank = 0; // position of `display` in code-unit order among its table
    };

    static const MockNameTables& instance();

    int firstCount() const { return int(m_first.size()); }
    int lastCount() const { return int(m_last.size()); }
    const Name& first(int i) const { return m_first[size_t(i)]; }
    const Name& last(int i) const { return m_last[size_t(i)]; }

    // Rank of "First Last" (the display name) among all combinations, in code-unit order.
    int displayRank(int first, int last) const { return m_displayRank[size_t(first * lastCount() + last)]; }
    // Rank of the ASCII email stem "first.last" among all combinations.
    int emailRank(int first, int last) const { return m_emailRank[size_t(first * lastCount() + last)]; }

    int languageCount() const { return int(m_languages.size()); }
    QString language(int i) const { return m_languages[size_t(i)]; }
    int jobCount() const { return int(m_jobs.size()); }
    const Name& job(int i) const { return m_jobs[size_t(i)]; } // machine users: display = name, ascii = slug
    int phonePrefixCount() const { return int(m_phonePrefixes.size()); }
    QString phonePrefix(int i) const { return m_phonePrefixes[size_t(i)]; }

private:
    MockNameTables();

    std::vector<Name> m_first;
    std::vector<Name> m_last;
    std::vector<int> m_displayRank;
    std::vector<int> m_emailRank;
    std::vector<QString> m_languages;
    std::vector<Name> m_jobs;
    std::vector<QString> m_phonePrefixes;
};
