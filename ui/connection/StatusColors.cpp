#include "StatusColors.h"

#include <QLabel>
#include <QPalette>

namespace StatusColors
{
void apply(QLabel* label, Tone tone)
{
    const bool dark = label->palette().color(QPalette::Window).lightnessF() < 0.5;
    QString color;
    switch (tone) {
    case Tone::Neutral:
        break;
    case Tone::Problem:
        color = dark ? QStringLiteral("#f28b82") : QStringLiteral("#b3261e");
        break;
    case Tone::Success:
        color = dark ? QStringLiteral("#81c995") : QStringLiteral("#1e7b34");
        break;
    }
    label->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("QLabel { color: %1; }").arg(color));
    label->setProperty("tone", static_cast<int>(tone)); // lets tests tell success from failure
}
} // namespace StatusColors
