#pragma once

#include "NoticeStrip.h"

#include <QUrl>

class QPushButton;

// For a connection whose people sign in with ZITADEL: says why a sign-in is needed (none
// yet, it ended, or the last attempt failed and why) and offers "Sign in with ZITADEL…";
// while the browser is open it says so and offers to open the page again or cancel.
//
// objectNames: signInBar, signInLabel, signInButton, reopenBrowserButton, cancelSignInButton.
class SignInBar : public NoticeStrip
{
    Q_OBJECT

public:
    explicit SignInBar(QWidget* parent = nullptr);

    void showNeeded(const QString& connectionName, const QString& reason);
    // Right after "Sign in with ZITADEL…": the instance is asked for its sign-in page.
    void showContacting(const QString& connectionName);
    // The browser has the page. Without a browser, the address is shown to open by hand.
    void showWaiting(const QString& connectionName);
    void showWaitingWithoutBrowser(const QString& connectionName, const QUrl& page);
    bool isWaiting() const { return m_waiting; }

Q_SIGNALS:
    void signInRequested();
    void reopenRequested();
    void cancelRequested();

private:
    void setWaiting(bool waiting, bool pageKnown);

    QPushButton* m_signIn = nullptr;
    QPushButton* m_reopen = nullptr;
    QPushButton* m_cancel = nullptr;
    bool m_waiting = false;
};
