#pragma once

#include "SignedInPerson.h"

#include <QWidget>

class QLabel;
class QToolButton;

// The status bar's "who am I": for a sign-in connection, the person's name (from userinfo) and
// organization, with a Sign out button. Hidden for token connections and the mock.
//
// objectNames: signedInIndicator, signedInLabel, signOutButton.
class SignedInIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit SignedInIndicator(QWidget* parent = nullptr);

    void showPerson(const SignedInPerson& person, const QString& connectionName);
    QString text() const;

Q_SIGNALS:
    void signOutRequested();

private:
    QLabel* m_label = nullptr;
    QToolButton* m_signOut = nullptr;
};
