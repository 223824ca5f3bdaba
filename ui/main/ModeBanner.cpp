#include "ModeBanner.h"

#include "ConnectionController.h"

ModeBanner::ModeBanner(QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("modeBanner"));
    setTextFormat(Qt::RichText);
    setAutoFillBackground(true);
    setMargin(6);
    setWordWrap(true);
}

namespace
{
// Fixed colours with white text: the banner must look the same, and loud, on light and
// dark palettes. Teal = safe sandbox, red = real people.
const QColor mockColour(0x00, 0x6d, 0x77);
const QColor liveColour(0xb0, 0x1e, 0x2f);
const QColor neutralColour(0x55, 0x5b, 0x66);
} // namespace

void ModeBanner::showConnecting(const ConnectionInfo& connection)
{
    m_mode = connection.live ? Mode::Live : Mode::Mock;
    paint(connection.live ? liveColour : mockColour,
        tr("<b>%1</b> &nbsp; Connecting to %2…")
            .arg(connection.live ? tr("LIVE") : tr("MOCK"), connection.name.toHtmlEscaped()));
}

void ModeBanner::showConnected(const ConnectionInfo& connection)
{
    if (connection.live) {
        m_mode = Mode::Live;
        paint(liveColour,
            tr("<b>LIVE</b> &nbsp; %1 — %2 &nbsp;·&nbsp; resends reach real people")
                .arg(connection.baseUrl.host().toHtmlEscaped(), connection.name.toHtmlEscaped()));
    } else {
        m_mode = Mode::Mock;
        paint(mockColour,
            tr("<b>MOCK</b> &nbsp; Embedded mock at %1 &nbsp;·&nbsp; nothing reaches real people")
                .arg(connection.baseUrl.authority().toHtmlEscaped()));
    }
}

void ModeBanner::showFailed(const ConnectionInfo& connection, const QString& message)
{
    m_mode = Mode::None;
    paint(neutralColour,
        tr("<b>NOT CONNECTED</b> &nbsp; %1: %2").arg(connection.name.toHtmlEscaped(), message.toHtmlEscaped()));
}

void ModeBanner::paint(const QColor& background, const QString& html)
{
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::WindowText, Qt::white);
    setPalette(palette);
    setText(html);
    setAccessibleName(text());
}
