#include "StatusStyle.h"

#include <QLabel>
#include <QPalette>

namespace StatusStyle
{
namespace
{
bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}
} // namespace

QColor textColor(Tone tone, const QPalette& palette)
{
    // Light: deep shades (at least 4.5:1 on white). Dark: pale shades (at least 4.5:1 on #303030).
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Neutral:
        return palette.color(QPalette::WindowText);
    case Tone::Success:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xcc, 0x80) : QColor(0x8a, 0x4b, 0x00);
    case Tone::Error:
        return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xb7, 0x1c, 0x1c);
    }
    return palette.color(QPalette::WindowText);
}

void applyTextTone(QLabel* label, Tone tone)
{
    QPalette palette = label->palette();
    // Resolve against the parent's palette so a theme switch does not keep a stale colour.
    const QPalette base = label->parentWidget() ? label->parentWidget()->palette() : palette;
    palette.setColor(QPalette::WindowText, textColor(tone, base));
    label->setPalette(palette);
    label->setProperty("tone", static_cast<int>(tone)); // lets tests tell success from failure
}

QString chipStyleSheet(Tone tone)
{
    // Fill and text are fixed pairs with enough contrast, independent of the palette.
    const char* fill = "#616161";
    const char* text = "#ffffff";
    switch (tone) {
    case Tone::Neutral:
        break;
    case Tone::Success:
        fill = "#2e7d32";
        break;
    case Tone::Warning:
        fill = "#ffb300";
        text = "#1a1a1a";
        break;
    case Tone::Error:
        fill = "#c62828";
        break;
    }
    return QStringLiteral("QLabel { background-color: %1; color: %2; border-radius: 8px; padding: 1px 8px; }")
        .arg(QLatin1String(fill), QLatin1String(text));
}
} // namespace StatusStyle
