#include "SignInBar.h"

#include <QPushButton>

SignInBar::SignInBar(QWidget* parent)
    : NoticeStrip(QStringLiteral("signInBar"), QStringLiteral("signInLabel"), parent)
{
    m_signIn = addButton(tr("&Sign in with ZITADEL…"),
        QStringLiteral("signInButton"),
        tr("Opens your browser at the instance's sign-in page; sign in there as yourself"));
    m_reopen = addButton(tr("&Open the page again"),
        QStringLiteral("reopenBrowserButton"),
        tr("Opens the sign-in page in your browser again, e.g. after its tab was closed"));
    m_cancel = addButton(tr("Cancel"), QStringLiteral("cancelSignInButton"), tr("Stops waiting for the browser"));
    connect(m_signIn, &QPushButton::clicked, this, &SignInBar::signInRequested);
    connect(m_reopen, &QPushButton::clicked, this, &SignInBar::reopenRequested);
    connect(m_cancel, &QPushButton::clicked, this, &SignInBar::cancelRequested);
    setWaiting(false, false);
}

void SignInBar::showNeeded(const QString& connectionName, const QString& reason)
{
    setWaiting(false, false);
    setText(reason.isEmpty() ? tr("Sign in to “%1” with your ZITADEL account.").arg(connectionName) : reason);
    show();
}

void SignInBar::showContacting(const QString& connectionName)
{
    setWaiting(true, false);
    setText(tr("Asking “%1” for its sign-in page…").arg(connectionName));
    show();
}

void SignInBar::showWaiting(const QString& connectionName)
{
    setWaiting(true, true);
    setText(tr("Waiting for you to sign in to “%1” in your browser…").arg(connectionName));
    show();
}

void SignInBar::showWaitingWithoutBrowser(const QString& connectionName, const QUrl& page)
{
    setWaiting(true, true);
    setText(tr("No browser could be opened. To sign in to “%1”, open this address in one on this computer: %2")
                .arg(connectionName, page.toString(QUrl::FullyEncoded)));
    show();
}

void SignInBar::setWaiting(bool waiting, bool pageKnown)
{
    m_waiting = waiting;
    m_signIn->setVisible(!waiting);
    m_reopen->setVisible(waiting);
    m_reopen->setEnabled(pageKnown);
    m_cancel->setVisible(waiting);
}
