#pragma once

#include "MockError.h"
#include "MockResendCommand.h"

#include <QJsonObject>

// The request side shared by v2 ResendEmailCode/ResendPhoneCode and the v3alpha
// ResendContact*Code calls: the id field and the optional `verification` oneof
// (sendCode {urlTemplate?} | returnCode {}), decoded and validated as protojson and
// protoc-gen-validate would.
class MockResendBody
{
public:
    struct Names
    {
        const char* requestMessage; // "ResendEmailCodeRequest"
        const char* idField; // PGV field name: "UserId" (v2) or "Id" (v3alpha)
        const char* oneof; // "zitadel.user.v2.ResendEmailCodeRequest.verification"
    };

    // Fills request->userId (when `userId` is non-null it wins, e.g. from the REST path),
    // delivery and urlTemplate. Returns false with *error set.
    static bool parse(const QJsonObject& body,
        const QString* pathUserId,
        const char* idJsonName,
        const char* idProtoName,
        const Names& names,
        MockResendRequest* request,
        MockError* error);
};
