#include "NoticeStrip.h"

#include "StatusStyle.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

NoticeStrip::NoticeStrip(const QString& objectName, const QString& labelObjectName, QWidget* parent)
    : QFrame(parent)
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_label = new QLabel(this);
    m_label->setObjectName(labelObjectName);
    m_label->setTextFormat(Qt::PlainText); // holds connection names and server sentences
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(8, 4, 4, 4);
    m_layout->addWidget(m_label, 1);
    applyColours();
    hide();
}

void NoticeStrip::setText(const QString& text)
{
    m_label->setText(text);
    setAccessibleName(text);
}

QPushButton* NoticeStrip::addButton(const QString& text, const QString& objectName, const QString& toolTip)
{
    auto* button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    button->setToolTip(toolTip);
    m_layout->addWidget(button, 0, Qt::AlignVCenter);
    return button;
}

void NoticeStrip::applyColours()
{
    // Worked out from the parent's palette, so light and dark themes both read.
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

void NoticeStrip::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_label && !m_applyingColours)
        applyColours(); // light <-> dark
}
