#pragma once

#include <QLabel>

struct ConnectionInfo;

// The coloured strip under the toolbar that makes the mode unmistakable: MOCK (nothing
// reaches real people) or LIVE with the host name. The only widget that asks which mode.
class ModeBanner : public QLabel
{
    Q_OBJECT

public:
    enum class Mode
    {
        None,
        Mock,
        Live
    };

    explicit ModeBanner(QWidget* parent = nullptr);

    void showConnecting(const ConnectionInfo& connection);
    void showConnected(const ConnectionInfo& connection);
    void showFailed(const ConnectionInfo& connection, const QString& message);
    Mode mode() const { return m_mode; }

private:
    void paint(const QColor& background, const QString& html);

    Mode m_mode = Mode::None;
};
