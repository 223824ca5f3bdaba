#include "MockLog.h"

Q_LOGGING_CATEGORY(lcMock, "vd.mock", QtInfoMsg)
