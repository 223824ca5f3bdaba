#include "VerifiedIcon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace VerifiedIcon
{
namespace
{
QIcon draw(bool verified)
{
    QIcon icon;
    for (int size : {16, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal unit = size / 16.0;
        const QRectF circle(2 * unit, 2 * unit, 12 * unit, 12 * unit);
        if (verified) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0x2e, 0x9e, 0x4f));
            painter.drawEllipse(circle);
            QPainterPath tick;
            tick.moveTo(5 * unit, 8.2 * unit);
            tick.lineTo(7.2 * unit, 10.4 * unit);
            tick.lineTo(11 * unit, 5.8 * unit);
            painter.setPen(QPen(Qt::white, 1.8 * unit, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(tick);
        } else {
            painter.setPen(QPen(QColor(0xd9, 0x8a, 0x00), 2 * unit));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(circle.adjusted(unit, unit, -unit, -unit));
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}
} // namespace

QIcon icon(bool verified)
{
    // Built once: data() is called for every visible cell on every repaint.
    static const QIcon verifiedIcon = draw(true);
    static const QIcon unverifiedIcon = draw(false);
    return verified ? verifiedIcon : unverifiedIcon;
}
} // namespace VerifiedIcon
