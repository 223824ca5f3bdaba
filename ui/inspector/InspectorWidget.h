#pragma once

#include "ExchangeBodyView.h"

#include <QWidget>

class ExchangeHistoryModel;
class QAction;
class QAbstractButton;
class QButtonGroup;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;

// The JSON inspector, like a browser's network panel: the history of exchanges on top, the
// selected one below (summary line, then Request/Response tabs shown Pretty, Raw or as a Tree).
//
// "Mask personal data" (a checkable action, remembered in saveState()) masks email addresses and
// phone numbers in everything shown: history, summary, headers, bodies, tree and Copy body.
// Save… and Copy as cURL always mask, since what they produce ends up in tickets.
//
// objectNames: "historyView", "historyCountLabel", "maskButton" (its action
// "maskPersonalDataAction"), "clearButton", "summaryLabel",
// "emptyStateLabel", "exchangeTabs" (tab 0 "requestView", tab 1 "responseView", see
// ExchangeBodyView for their children), "prettyButton", "rawButton", "treeButton",
// "copyBodyButton", "copyCurlButton", "saveButton", "statusLabel", "inspectorSplitter".
class InspectorWidget : public QWidget
{
    Q_OBJECT

public:
    using ViewMode = ExchangeBodyView::ViewMode;

    explicit InspectorWidget(QWidget* parent = nullptr);

    // Shows the new exchange when the newest (or nothing) was shown; keeps an older choice.
    void addExchange(ExchangePtr exchange);
    // Selects the exchange and asks to be revealed (revealRequested); false if it is unknown.
    bool showExchange(quint64 id);
    int exchangeCount() const;
    ExchangePtr currentExchange() const;

    // History beside the details (a wide dock below the lists) or above them (a tall one).
    void setOrientation(Qt::Orientation orientation);

    bool masksPersonalData() const { return m_maskPersonalData; }
    void setMaskPersonalData(bool mask);

    ViewMode viewMode() const { return m_viewMode; }
    void setViewMode(ViewMode mode);
    // Which side the copy button and tabs refer to.
    bool isResponseShown() const;
    void setResponseShown(bool response);

    // View mode, masking, splitter sizes and column widths, for the main window's QSettings.
    QByteArray saveState() const;
    bool restoreState(const QByteArray& state);

    // What the Pretty view of one side shows (for tests).
    QString currentPrettyText(bool response) const;
    QString currentRawText(bool response) const;

    ExchangeHistoryModel* historyModel() const { return m_model; }

    // Test seam, like KeePassXC's fileDialog()->setNextFileName(): the next Save… uses this
    // name instead of opening the modal file dialog. An empty name means "cancelled".
    static void setNextSaveFileName(const QString& fileName);

public Q_SLOTS:
    void copyBody();
    void copyCurl();
    void saveCurrent();
    void clearHistory();

Q_SIGNALS:
    void currentExchangeChanged(ExchangePtr exchange);
    void maskPersonalDataChanged(bool mask);
    // The inspector wants to be seen (showExchange); the dock shows and raises itself.
    void revealRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createHistoryPane();
    QWidget* createDetailPane();
    QAbstractButton* addViewButton(QButtonGroup* group, ViewMode mode, const QString& name, const QString& text);
    void showCurrent();
    void showDetails();
    void updateActions();
    void updateSummaryColors();
    void updateCount();
    void setStatus(const QString& text);
    ExchangeBodyView* currentSide() const;
    QString askSaveFileName(const QString& suggestion);

    ExchangeHistoryModel* m_model;
    ExchangePtr m_shown; // as recorded
    ExchangePtr m_display; // what the details show: m_shown, or its masked copy
    ViewMode m_viewMode = ViewMode::Pretty;
    bool m_maskPersonalData = false;

    QSplitter* m_splitter = nullptr;
    QTableView* m_history = nullptr;
    QLabel* m_count = nullptr;
    QStackedWidget* m_detailStack = nullptr;
    QLabel* m_summary = nullptr;
    QTabWidget* m_tabs = nullptr;
    ExchangeBodyView* m_request = nullptr;
    ExchangeBodyView* m_response = nullptr;
    QButtonGroup* m_viewButtons = nullptr;
    QPushButton* m_copyBody = nullptr;
    QPushButton* m_copyCurl = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_clear = nullptr;
    QAction* m_maskAction = nullptr;
    QLabel* m_status = nullptr;
};
