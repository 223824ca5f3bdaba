#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

// The strip under the mode banner that appears when a live server refused the connection's
// token (401): it says so in plain words and offers "Update token…". It stays until the
// connection is opened again; it never appears for the embedded mock (MainWindow decides).
//
// objectNames: tokenRejectedBar, tokenRejectedLabel, updateTokenButton.
class TokenRejectedBar : public QFrame
{
    Q_OBJECT

public:
    explicit TokenRejectedBar(QWidget* parent = nullptr);

    void showFor(const QString& connectionName);
    QString connectionName() const { return m_connectionName; }

Q_SIGNALS:
    void updateRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColours();

    QString m_connectionName;
    bool m_applyingColours = false;
    QLabel* m_label = nullptr;
    QPushButton* m_button = nullptr;
};
