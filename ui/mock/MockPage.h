#pragma once

#include "StatusStyle.h"

#include <QTimer>
#include <QWidget>

class MockAdminClient;
struct MockAdminReply;
class QAbstractItemModel;
class QLabel;
class QLayout;
class QTableView;

// One tab of the Mock panel. The mock tells the panel when something changed; a page then
// refreshes itself shortly afterwards if it is visible (many changes in a burst cost one
// request), or remembers to refresh when it is shown next. Pages read and change the mock only
// through its admin API, as curl would.
class MockPage : public QWidget
{
    Q_OBJECT

public:
    MockPage(MockAdminClient* admin, QWidget* parent = nullptr);

    // Something this page shows has changed in the mock.
    void markStale();
    bool isStale() const { return m_stale; }

protected:
    MockAdminClient* admin() const { return m_admin; }
    virtual void refresh() = 0;
    void showEvent(QShowEvent* event) override;

    // The panel's tables: whole rows, one at a time, no row numbers, fixed widths for the short
    // columns (measuring contents on every live refresh would cost) and one column stretching.
    static void setUpTable(
        QTableView* view, QAbstractItemModel* model, std::initializer_list<int> widths, int stretchColumn);

    // Table (or list) on the left, details on the right, a bar above and the status line below:
    // the layout of the Outbox and Requests tabs.
    void layOutListAndDetails(QLayout* top, QWidget* list, QWidget* details);
    // True (and the mock's sentence shown as an error) when the admin call failed.
    bool showFailure(const MockAdminReply& reply);

    // A status line for the page's last action: a sentence from the mock or from us.
    QLabel* makeStatusLabel();
    void setStatus(const QString& text, StatusStyle::Tone tone = StatusStyle::Tone::Neutral);

private:
    MockAdminClient* m_admin;
    QTimer m_refreshTimer;
    QLabel* m_status = nullptr;
    bool m_stale = true;
};
