#pragma once

#include "MockPage.h"

#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// Where the mock listens and what it holds: its address and admin token (with a curl line to
// copy), exposing it on a fixed loopback port for other clients, reset / load / save of its
// state, the large-organization generator and the verification code lifetime.
//
// Child objectNames: "mockUrl", "adminToken", "showAdminToken", "copyAdminToken", "curlExample",
// "copyCurl", "exposePort", "exposeButton", "exposedUrl", "resetState", "loadState", "saveState",
// "generateUsers", "generateButton", "codeLifetime", "applyCodeLifetime".
class ScenarioPage : public MockPage
{
    Q_OBJECT

public:
    explicit ScenarioPage(MockAdminClient* admin, QWidget* parent = nullptr);

    // The mock the app talks to and its admin token (empty url: no mock running).
    void setServer(const QUrl& url, const QString& adminToken);
    void setExposed(const QUrl& url); // invalid url: not exposed
    void setExposeFailed(const QString& sentence);
    void setExposePort(quint16 port);
    quint16 exposePort() const;

    // What the Save/Load buttons do once a file is chosen; public for tests.
    void saveStateTo(const QString& path);
    void loadStateFrom(const QString& path);

Q_SIGNALS:
    void exposeRequested(quint16 port);
    void unexposeRequested();
    void stateReplaced(); // reset, load or generate succeeded: the window should reload

protected:
    void refresh() override;

private:
    void updateCurl();
    void post(const QString& path, const QJsonObject& body, const QString& done);
    void chooseFile(bool save);

    QLabel* m_url;
    QLineEdit* m_token;
    QPushButton* m_showToken;
    QPushButton* m_copyToken;
    QLabel* m_curl;
    QPushButton* m_copyCurl;
    QSpinBox* m_port;
    QPushButton* m_expose;
    QLabel* m_exposed;
    QPushButton* m_reset;
    QPushButton* m_load;
    QPushButton* m_save;
    QSpinBox* m_users;
    QPushButton* m_generate;
    QSpinBox* m_lifetime;
    QPushButton* m_applyLifetime;
    QUrl m_serverUrl;
    QUrl m_exposedUrl;
};
