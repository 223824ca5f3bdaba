#pragma once

#include "MockDeliveryFault.h"
#include "MockError.h"
#include "MockModel.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

struct MockRequest;

// One authenticated API call as the family handlers (MockManagementApi, MockUserServiceApi, ...)
// see it: the router has already matched the route, decoded the body and checked the
// bearer token. The same handler serves REST and Connect; only where the user id comes
// from and how errors are wrapped differ.
struct MockApiCall
{
    const MockRequest* request = nullptr;
    QJsonObject body;
    QString pathParam; // the percent-decoded {id}/{user_id} of REST routes
    bool hasPathParam = false;
    const MockToken* caller = nullptr;
    QString cause; // "<METHOD> <route pattern>", for the outbox
    MockDeliveryFault delivery = MockDeliveryFault::None;

    // Header value by case-insensitive name; nullptr when absent.
    const QByteArray* header(const char* name) const;
};

// A handler's answer: JSON on success, or an error the router wraps per protocol.
struct MockApiReply
{
    MockError error;
    QByteArray json;

    static MockApiReply ok(QByteArray json) { return MockApiReply {MockError(), std::move(json)}; }
    static MockApiReply fail(MockError error) { return MockApiReply {std::move(error), QByteArray()}; }
};
