#include "InspectorDock.h"

#include "InspectorWidget.h"

InspectorDock::InspectorDock(QWidget* parent)
    : QDockWidget(tr("JSON inspector"), parent)
    , m_inspector(new InspectorWidget(this))
{
    setObjectName(QStringLiteral("inspectorDock"));
    m_inspector->setObjectName(QStringLiteral("inspectorWidget"));
    setWidget(m_inspector);
    connect(m_inspector, &InspectorWidget::revealRequested, this, &InspectorDock::reveal);
    // Docked above or below the lists the dock is wide: history and details side by side.
    m_inspector->setOrientation(Qt::Horizontal);
    connect(this, &QDockWidget::dockLocationChanged, this, [this](Qt::DockWidgetArea area) {
        const bool wide = area == Qt::TopDockWidgetArea || area == Qt::BottomDockWidgetArea;
        m_inspector->setOrientation(wide ? Qt::Horizontal : Qt::Vertical);
    });
}

void InspectorDock::addExchange(ExchangePtr exchange)
{
    m_inspector->addExchange(std::move(exchange));
}

bool InspectorDock::showExchange(quint64 id)
{
    return m_inspector->showExchange(id);
}

void InspectorDock::reveal()
{
    show();
    raise(); // brings a tabified dock to the front
}
