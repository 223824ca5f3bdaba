#pragma once

#include <QColor>

class QPalette;

// Colours for JSON tokens and errors, chosen from the palette's lightness so they read well
// on light and dark themes alike (a dark-blue key is unreadable on a dark background).
struct JsonColors
{
    QColor key;
    QColor string;
    QColor number;
    QColor literal; // true, false, null
    QColor error; // failed exchanges in the history and the summary line

    static bool isDark(const QPalette& palette);
    static JsonColors forPalette(const QPalette& palette);
};
