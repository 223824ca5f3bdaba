#pragma once

#include <QString>

class QWidget;

// Drives the real main window the way a person does, for the GUI tests that share it
// (TestMainWindow, TestSignInWindow, TestTokenLeak): click an organization, type a search and
// click a user. Each returns false, with a warning saying which step did not happen, so the
// caller's QVERIFY fails at its own line.
namespace WindowDriver
{
constexpr int DefaultTimeoutMs = 20000; // generous: a loaded 2-core machine, or a sanitizer build

bool selectOrganization(QWidget* window, const QString& organizationId, int timeoutMs = DefaultTimeoutMs);
bool searchAndSelectUser(
    QWidget* window, const QString& search, const QString& userId, int timeoutMs = DefaultTimeoutMs);
} // namespace WindowDriver
