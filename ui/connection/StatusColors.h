#pragma once

class QLabel;

// Colours for the one-line outcome labels of the connection dialogs, readable on light and
// dark palettes: red-ish for problems, green for success, the palette's own text otherwise.
namespace StatusColors
{
enum class Tone
{
    Neutral,
    Problem,
    Success
};

void apply(QLabel* label, Tone tone);
} // namespace StatusColors
