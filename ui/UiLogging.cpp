#include "UiLogging.h"

Q_LOGGING_CATEGORY(lcUi, "vd.ui")
