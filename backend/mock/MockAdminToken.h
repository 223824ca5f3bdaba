#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

// The bearer token of the admin API (/_mock/...). It is separate from the seed's ZITADEL
// tokens because those are well known ("mock-admin") and the admin API can replace the whole
// state: anything that can reach the port could otherwise wipe a QA run.
class MockAdminToken
{
public:
    static constexpr int MinLength = 16;
    static constexpr int MaxLength = 128;

    // "vdmock_" and 32 characters from the base64url alphabet, drawn from the system's
    // secure random source.
    static QString generate();
    // Empty when `token` can be an admin token, else a sentence saying what is wrong.
    static QString problem(QStringView token);
    // True when `presented` is `expected`. Looks at every byte whatever the first difference,
    // so the time taken does not tell how much of a guess was right.
    static bool matches(const QByteArray& expected, QByteArrayView presented);
};
