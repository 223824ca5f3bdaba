#pragma once

#include "MockModel.h"

#include <QList>
#include <QString>
#include <QStringList>

// What the seed's "oidc" section configures: the applications that may sign people in, the
// people the sign-in page offers, and the lifetimes of what the provider issues.

// A ZITADEL OIDC application. The mock knows native apps only (auth method none, PKCE):
// what a desktop client registers.
struct MockOidcApplication
{
    QString clientId; // ZITADEL's "<app id>@<project name>" shape
    QString name; // shown on the sign-in page
    QString type = QStringLiteral("native");
    QString projectId; // the project the app belongs to: the id_token's second audience
    QStringList redirectUris;
};

// A person the sign-in page lists. Their grants decide what their access tokens may do in the
// API, stated directly as for the seed's fixed tokens.
struct MockOidcPerson
{
    QString userId; // a human seed user
    QString role; // a short label for the sign-in page, e.g. "Read-only viewer"
    QList<MockGrant> grants;
};

// Lifetimes in seconds. The defaults are ZITADEL's: cmd/defaults.yaml OIDC section,
// DefaultAccessTokenLifetime 12h, DefaultIdTokenLifetime 12h,
// DefaultRefreshTokenIdleExpiration 720h (30 days), DefaultRefreshTokenExpiration 2160h
// (90 days) (also in ZITADEL's cmd/setup defaults: StorageConfig). The authorization code's
// lifetime is not configurable in ZITADEL and no expiry could be found in its code;
// UNCONFIRMED: the mock uses RFC 6749 §4.1.2's recommended maximum, 10 minutes.
struct MockOidcLifetimes
{
    static constexpr int MinSeconds = 1;
    static constexpr int MaxSeconds = 86400 * 3650; // ten years

    int accessTokenSeconds = 12 * 3600;
    int idTokenSeconds = 12 * 3600;
    int refreshTokenIdleSeconds = 30 * 86400;
    int refreshTokenAbsoluteSeconds = 90 * 86400;
    int codeSeconds = 600;

    bool operator==(const MockOidcLifetimes& o) const
    {
        return accessTokenSeconds == o.accessTokenSeconds && idTokenSeconds == o.idTokenSeconds
            && refreshTokenIdleSeconds == o.refreshTokenIdleSeconds
            && refreshTokenAbsoluteSeconds == o.refreshTokenAbsoluteSeconds && codeSeconds == o.codeSeconds;
    }
};

struct MockOidcConfig
{
    QList<MockOidcApplication> applications;
    QList<MockOidcPerson> people;
    MockOidcLifetimes lifetimes;
};
