#include "SignedInIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

SignedInIndicator::SignedInIndicator(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("signedInIndicator"));
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("signedInLabel"));
    m_label->setTextFormat(Qt::PlainText); // names come from the server
    m_signOut = new QToolButton(this);
    m_signOut->setObjectName(QStringLiteral("signOutButton"));
    m_signOut->setText(tr("Sign out"));
    m_signOut->setAutoRaise(true);
    m_signOut->setToolTip(tr("End this sign-in at ZITADEL and forget it on this computer"));
    connect(m_signOut, &QToolButton::clicked, this, &SignedInIndicator::signOutRequested);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_signOut);
    hide();
}

void SignedInIndicator::showPerson(const SignedInPerson& person, const QString& connectionName)
{
    const QString who = person.isValid() ? person.displayName() : tr("(name unknown)");
    m_label->setText(person.organizationName.isEmpty() ? tr("Signed in as %1").arg(who)
                                                       : tr("Signed in as %1 · %2").arg(who, person.organizationName));
    QStringList details;
    if (!person.loginName.isEmpty())
        details << tr("Login name: %1").arg(person.loginName);
    if (!person.email.isEmpty())
        details << tr("Email: %1").arg(person.email);
    if (!person.organizationId.isEmpty())
        details << tr("Organization id: %1").arg(person.organizationId);
    details << tr("Connection: %1").arg(connectionName)
            << tr("Calls are made as this person, with their roles; the sign-in renews itself.");
    m_label->setToolTip(details.join(QLatin1Char('\n')));
    show();
}

QString SignedInIndicator::text() const
{
    return m_label->text();
}
