#pragma once

#include <QLoggingCategory>

// Never pass a token, an Authorization header or a whole request header list to this category.
Q_DECLARE_LOGGING_CATEGORY(lcClient)
