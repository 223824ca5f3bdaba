#pragma once

#include <QColor>
#include <QString>

class QLabel;
class QPalette;

// Colours for states (verified, pending, failed) that stay readable on light and dark
// palettes. Chips carry their own fill and a text colour chosen against that fill, so they
// look the same everywhere; plain text is coloured against the window background.
namespace StatusStyle
{
enum class Tone
{
    Neutral,
    Success,
    Warning,
    Error
};

// Text colour for a tone on the palette's window background.
QColor textColor(Tone tone, const QPalette& palette);
// Colours the label's text for the tone (Neutral restores the palette's own colour).
void applyTextTone(QLabel* label, Tone tone);
// A filled, rounded "chip" in the tone's colour; Neutral is grey.
QString chipStyleSheet(Tone tone);
} // namespace StatusStyle
