#pragma once

#include "Exchange.h"

#include <QDockWidget>

class InspectorWidget;

// The JSON inspector as a dock of the main window (objectName "inspectorDock", so
// QMainWindow::saveState() remembers where it was). It shows and raises itself whenever the
// inspector is asked to show an exchange, e.g. from a result line's "Details" link.
class InspectorDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit InspectorDock(QWidget* parent = nullptr);

    InspectorWidget* inspector() const { return m_inspector; }

public Q_SLOTS:
    // Convenience for connecting ZitadelClient::exchangeFinished directly.
    void addExchange(ExchangePtr exchange);
    bool showExchange(quint64 id);

private:
    void reveal();

    InspectorWidget* m_inspector;
};
