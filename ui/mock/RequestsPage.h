#pragma once

#include "MockPage.h"

class JsonRecordModel;
class QCheckBox;
class QPlainTextEdit;
class QPushButton;
class QTableView;

// The mock's request log: every request it received, from this app or any other client,
// newest first, with the selected request's and answer's bodies. The panel's own /_mock calls
// are hidden unless asked for.
//
// Child objectNames: "requestsView", "requestDetails", "showAdminCalls", "clearRequests".
class RequestsPage : public MockPage
{
    Q_OBJECT

public:
    explicit RequestsPage(MockAdminClient* admin, QWidget* parent = nullptr);

    JsonRecordModel* model() const { return m_model; }

protected:
    void refresh() override;

private:
    void showCurrent();

    JsonRecordModel* m_model;
    QTableView* m_view;
    QPlainTextEdit* m_details;
    QCheckBox* m_showAdmin;
    QPushButton* m_clear;
};
