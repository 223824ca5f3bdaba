#include "SettingsLogging.h"

Q_LOGGING_CATEGORY(lcSettings, "vd.settings", QtInfoMsg)
