#pragma once

#include <QLoggingCategory>

// "vd.mock": everything the embedded ZITADEL mock logs. Never log a bearer token.
Q_DECLARE_LOGGING_CATEGORY(lcMock)
