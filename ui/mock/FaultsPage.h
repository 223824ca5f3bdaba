#pragma once

#include "MockPage.h"

#include <QJsonObject>

class JsonRecordModel;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

// The mock's fault rules: the list (endpoint, effect, when, hits), a form that adds one, and
// remove / clear / seed. What the form builds is the JSON rule of docs/mock-workbench.md; the
// mock validates it, and a refusal is shown with the form left as it was.
//
// Child objectNames: "faultsView", "faultEndpoint", "faultEffect", "faultRetryAfter",
// "faultLatencyFrom", "faultLatencyTo", "faultWhen", "faultTimes", "faultPercent", "addFault",
// "removeFault", "clearFaults", "faultSeed", "applySeed".
class FaultsPage : public MockPage
{
    Q_OBJECT

public:
    explicit FaultsPage(MockAdminClient* admin, QWidget* parent = nullptr);

    JsonRecordModel* model() const { return m_model; }
    // The rule the form describes now, as it would be sent.
    QJsonObject formRule() const;

protected:
    void refresh() override;

private:
    void addRule();
    void removeSelected();
    void clearRules();
    void applySeed();
    void updateFormVisibility();
    void afterChange(const QString& done, bool ok, const QString& error);

    JsonRecordModel* m_model;
    QTableView* m_view;
    QComboBox* m_endpoint;
    QComboBox* m_effect;
    QSpinBox* m_retryAfter;
    QSpinBox* m_latencyFrom;
    QSpinBox* m_latencyTo;
    QComboBox* m_when;
    QSpinBox* m_times;
    QSpinBox* m_percent;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_clear;
    QLineEdit* m_seed;
    QPushButton* m_applySeed;
    QJsonObject m_lastList; // {"seed", "rules"} as the mock last listed them
};
