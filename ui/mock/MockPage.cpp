#include "MockPage.h"

#include "MockAdminClient.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace
{
// Long enough to fold a burst of requests (a page of users, a resend and its refetch) into
// one refresh, short enough to feel live.
constexpr int RefreshDelayMs = 150;
} // namespace

MockPage::MockPage(MockAdminClient* admin, QWidget* parent)
    : QWidget(parent)
    , m_admin(admin)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        m_stale = false;
        refresh();
    });
}

void MockPage::markStale()
{
    m_stale = true;
    if (isVisible() && !m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void MockPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale && !m_refreshTimer.isActive())
        m_refreshTimer.start(0);
}

QLabel* MockPage::makeStatusLabel()
{
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return m_status;
}

void MockPage::setStatus(const QString& text, StatusStyle::Tone tone)
{
    if (!m_status)
        return;
    m_status->setText(text);
    StatusStyle::applyTextTone(m_status, tone);
}

void MockPage::setUpTable(
    QTableView* view, QAbstractItemModel* model, std::initializer_list<int> widths, int stretchColumn)
{
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->setWordWrap(false);
    int column = 0;
    for (const int width : widths) {
        if (width > 0)
            view->setColumnWidth(column, width);
        ++column;
    }
    view->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
}

void MockPage::layOutListAndDetails(QLayout* top, QWidget* list, QWidget* details)
{
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(list);
    split->addWidget(details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(makeStatusLabel());
}

bool MockPage::showFailure(const MockAdminReply& reply)
{
    if (reply.ok())
        return false;
    setStatus(reply.error, StatusStyle::Tone::Error);
    return true;
}
