#pragma once

#include <QStyledItemDelegate>

// Paints one organization in two lines, the way an org switcher reads: the name (and its
// state when it is not active) on top, the primary domain and the id below in small type.
// A narrow side pane then still shows all four without a horizontal scroll bar.
class OrganizationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};
