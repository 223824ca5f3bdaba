#include "OrganizationDelegate.h"

#include "OrganizationListModel.h"

#include <QApplication>
#include <QPainter>

namespace
{
constexpr int Padding = 5;

QFont smallFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.85);
    return font;
}

QString cell(const QModelIndex& index, int column)
{
    return index.siblingAtColumn(column).data().toString();
}
} // namespace

void OrganizationDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const bool active = index.siblingAtColumn(OrganizationListModel::StateColumn).data(Qt::ForegroundRole).isNull();
    if (!active && !selected)
        text = option.palette.color(QPalette::Disabled, QPalette::Text);
    QColor secondary = text;
    secondary.setAlphaF(0.7);

    painter->save();
    const QRect area = option.rect.adjusted(Padding, Padding / 2, -Padding, -Padding / 2);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFont small = smallFont(option.font);
    const QFontMetrics smallMetrics(small);

    QRect top(area.left(), area.top(), area.width(), boldMetrics.height());
    if (!active) {
        const QString state = cell(index, OrganizationListModel::StateColumn);
        painter->setFont(small);
        painter->setPen(secondary);
        const int stateWidth = smallMetrics.horizontalAdvance(state);
        painter->drawText(top, Qt::AlignRight | Qt::AlignVCenter, state);
        top.setRight(top.right() - stateWidth - Padding);
    }
    painter->setFont(bold);
    painter->setPen(text);
    painter->drawText(top,
        Qt::AlignLeft | Qt::AlignVCenter,
        boldMetrics.elidedText(cell(index, OrganizationListModel::NameColumn), Qt::ElideRight, top.width()));

    const QRect bottom(area.left(), top.bottom() + 1, area.width(), smallMetrics.height());
    // Elide the domain in the middle, never the id: the id is what support staff copy and
    // compare, and a domain's ends say the most.
    const QString id = cell(index, OrganizationListModel::IdColumn);
    const QString separator = QStringLiteral(" · ");
    const int domainWidth = bottom.width() - smallMetrics.horizontalAdvance(separator + id);
    const QString domain = smallMetrics.elidedText(
        cell(index, OrganizationListModel::DomainColumn), Qt::ElideMiddle, qMax(0, domainWidth));
    painter->setFont(small);
    painter->setPen(secondary);
    painter->drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter, domain + separator + id);
    painter->restore();
}

QSize OrganizationDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Q_UNUSED(index)
    QFont bold = option.font;
    bold.setBold(true);
    const int height = QFontMetrics(bold).height() + QFontMetrics(smallFont(option.font)).height() + Padding + 2;
    return {200, height};
}
