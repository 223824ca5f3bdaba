#pragma once

#include "MockJsonWriter.h"
#include "MockModel.h"

// Users and organizations as ZITADEL's API versions spell them (zitadel-api.md §3.1 vs
// §4.3): v1 says userName/firstName/isEmailVerified, v2 username/givenName/isVerified.
// Fields come in proto declaration order, which is the order protojson writes them in.
class MockResourceJson
{
public:
    static void userV1(MockJsonWriter& w, const MockUser& user, const MockOrg& org);
    static void userV2(MockJsonWriter& w, const MockUser& user, const MockOrg& org);
    static void orgV1(MockJsonWriter& w, const MockOrg& org);
    static void orgV2(MockJsonWriter& w, const MockOrg& org);

    // zitadel.v1.ObjectDetails: sequence, creationDate, changeDate, resourceOwner.
    static void detailsV1(
        MockJsonWriter& w, quint64 sequence, const QDateTime& creation, const QDateTime& change, const QString& owner);
    // zitadel.object.v2.Details: sequence, changeDate, resourceOwner, creationDate (may be invalid = omitted).
    static void detailsV2(MockJsonWriter& w,
        quint64 sequence,
        const QDateTime& change,
        const QString& owner,
        const QDateTime& creation = {});

    // zitadel.v1.ListDetails (viewTimestamp) and zitadel.object.v2.ListDetails (timestamp).
    static void listDetailsV1(
        MockJsonWriter& w, quint64 total, quint64 processedSequence, const QDateTime& viewTimestamp);
    static void listDetailsV2(MockJsonWriter& w, quint64 total, quint64 processedSequence, const QDateTime& timestamp);

    static const char* userStateV1(MockUserState state);
    static const char* userStateV2(MockUserState state);
};
