#include "TokenRejectedBar.h"

#include "StatusStyle.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

TokenRejectedBar::TokenRejectedBar(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("tokenRejectedBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("tokenRejectedLabel"));
    m_label->setTextFormat(Qt::PlainText); // holds the connection's name
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_button = new QPushButton(tr("&Update token…"), this);
    m_button->setObjectName(QStringLiteral("updateTokenButton"));
    m_button->setAutoDefault(false);
    m_button->setToolTip(tr("Paste a new personal access token for this connection and connect again"));
    connect(m_button, &QPushButton::clicked, this, &TokenRejectedBar::updateRequested);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_button, 0, Qt::AlignVCenter);
    applyColours();
    hide();
}

void TokenRejectedBar::showFor(const QString& connectionName)
{
    m_connectionName = connectionName;
    m_label->setText(tr("“%1” did not accept its token: it is invalid, expired or was revoked. Nothing more can be "
                        "loaded or sent until the token is updated.")
                         .arg(connectionName));
    setAccessibleName(m_label->text());
    show();
}

void TokenRejectedBar::applyColours()
{
    // A pale wash of the warning tone behind text in that tone: noticed, but not the banner's
    // alarm red. Worked out from the parent's palette, so light and dark themes both read.
    const QPalette base = parentWidget() ? parentWidget()->palette() : palette();
    const QColor text = StatusStyle::textColor(StatusStyle::Tone::Warning, base);
    const QColor window = base.color(QPalette::Window);
    const auto mix = [](int a, int b) { return (a * 84 + b * 16) / 100; };
    QPalette p = palette();
    p.setColor(QPalette::Window,
        QColor(mix(window.red(), text.red()), mix(window.green(), text.green()), mix(window.blue(), text.blue())));
    m_applyingColours = true; // setPalette() sends a PaletteChange of its own
    setPalette(p);
    m_applyingColours = false;
    StatusStyle::applyTextTone(m_label, StatusStyle::Tone::Warning);
}

void TokenRejectedBar::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_label && !m_applyingColours)
        applyColours(); // light <-> dark
}
