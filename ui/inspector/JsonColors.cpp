#include "JsonColors.h"

#include <QPalette>

bool JsonColors::isDark(const QPalette& palette)
{
    // What counts is the background the text is drawn on, not the window chrome.
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

JsonColors JsonColors::forPalette(const QPalette& palette)
{
    // Light: saturated, darker tones (contrast >= 4.5:1 on white).
    // Dark: pastel tones of the same hues (contrast >= 4.5:1 on #1e1e1e).
    if (isDark(palette)) {
        return {QColor(0x9c, 0xdc, 0xfe),
            QColor(0xa5, 0xd6, 0x8c),
            QColor(0xf0, 0xb0, 0x72),
            QColor(0xd0, 0xa8, 0xff),
            QColor(0xff, 0x8a, 0x80)};
    }
    return {QColor(0x0b, 0x4f, 0x9e),
        QColor(0x1b, 0x6e, 0x20),
        QColor(0xa6, 0x4b, 0x00),
        QColor(0x7b, 0x1f, 0xa2),
        QColor(0xc6, 0x28, 0x28)};
}
