#include "MockHttpLogFilter.h"

#include <QLoggingCategory>

#include <cstring>
#include <mutex>

namespace
{
QLoggingCategory::CategoryFilter previousFilter = nullptr;

bool isHttpServerCategory(const char* name)
{
    static constexpr char Prefix[] = "qt.httpserver";
    return std::strncmp(name, Prefix, sizeof(Prefix) - 1) == 0;
}

// Runs for every category, now and whenever the rules change (QLoggingCategory::setFilterRules,
// QT_LOGGING_RULES are applied by the previous filter first).
void filter(QLoggingCategory* category)
{
    if (previousFilter)
        previousFilter(category);
    if (isHttpServerCategory(category->categoryName())) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}
} // namespace

void MockHttpLogFilter::install()
{
    static std::once_flag once;
    std::call_once(once, [] { previousFilter = QLoggingCategory::installFilter(&filter); });
}
