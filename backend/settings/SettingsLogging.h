#pragma once

#include <QLoggingCategory>

// "vd.settings": profiles, app state and the secret store. Never log a token or any secret.
Q_DECLARE_LOGGING_CATEGORY(lcSettings)
