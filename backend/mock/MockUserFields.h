#pragma once

#include <QStringView>

// The user attributes search queries and sorting can address. Shared by the filter, the
// lister and the stores so that all of them read a user's text the same way.
enum class MockUserTextField
{
    UserName,
    GivenName,
    FamilyName,
    NickName,
    DisplayName,
    Email,
    Phone,
    LoginName,
};

// USER_FIELD_NAME_* in the order of the proto enum (v1 and v2 share it).
enum class MockUserSortColumn
{
    Unspecified,
    UserName,
    FirstName,
    LastName,
    NickName,
    DisplayName,
    Email,
    State,
    Type,
    CreationDate,
};

// A fixed scratch buffer for composing a generated user's text without allocating.
// Generated texts are short by construction (see MockNameTables); longer input is cut, which
// cannot happen for the tables we ship.
class MockTextBuffer
{
public:
    static constexpr int Capacity = 256;

    void clear() { m_size = 0; }
    void append(QStringView text)
    {
        for (const QChar c : text) {
            if (m_size < Capacity)
                m_data[m_size++] = c.unicode();
        }
    }
    void append(char16_t c)
    {
        if (m_size < Capacity)
            m_data[m_size++] = c;
    }
    void appendLatin1(const char* text)
    {
        while (*text && m_size < Capacity)
            m_data[m_size++] = char16_t(uchar(*text++));
    }
    void appendNumber(quint64 value, int width = 0)
    {
        char16_t digits[24];
        int n = 0;
        do {
            digits[n++] = char16_t(u'0' + value % 10);
            value /= 10;
        } while (value > 0);
        while (n < width && n < 24)
            digits[n++] = u'0';
        while (n > 0)
            append(digits[--n]);
    }
    QStringView view() const { return QStringView(m_data, m_size); }

private:
    char16_t m_data[Capacity];
    int m_size = 0;
};
