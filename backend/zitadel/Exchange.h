#pragma once

#include "ApiError.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QUrl>

#include <memory>

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One request and its response exactly as they went over the wire, for the JSON inspector.
// The Authorization header is recorded masked; the token itself is never stored here.
struct Exchange
{
    quint64 id = 0; // increasing per client, for ordering and "Details" links
    bool sent = false; // false when the client refused the input before sending
    QString operation; // the API method, e.g. "ResendEmailCode (v2)"
    QByteArray method;
    QUrl url;
    QList<QUrl> redirects; // each followed redirect's target, in order (same origin only)
    HeaderList requestHeaders;
    QByteArray requestBody;

    int status = 0; // HTTP status, 0 when no response arrived
    HeaderList responseHeaders;
    QByteArray responseBody;
    QJsonDocument responseJson; // null when the body was not JSON

    QDateTime started; // UTC
    double durationMs = 0;
    ApiError error; // kind None on success

    bool failed() const { return error.isError(); }
};

using ExchangePtr = std::shared_ptr<const Exchange>;
