#include "OrganizationPane.h"

#include "OrganizationDelegate.h"
#include "OrganizationListModel.h"
#include "SearchDebouncer.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

namespace
{
// ZITADEL Console debounces its org switcher at 125 ms; names are short, so a bit longer
// saves a request per word without feeling slow.
constexpr int FilterDelayMs = 200;
} // namespace

OrganizationPane::OrganizationPane(ZitadelClient* client, QWidget* parent)
    : QWidget(parent)
    , m_model(new OrganizationListModel(client, this))
    , m_debouncer(new SearchDebouncer(FilterDelayMs, this))
    , m_filter(new QLineEdit(this))
    , m_view(new QListView(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("organizationPane"));
    m_filter->setObjectName(QStringLiteral("orgFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter organizations by name"));
    m_filter->setClearButtonEnabled(true);

    m_view->setObjectName(QStringLiteral("orgView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new OrganizationDelegate(m_view));
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto* copyId = new QAction(tr("Copy organization ID"), m_view);
    copyId->setObjectName(QStringLiteral("copyOrgIdAction"));
    copyId->setShortcut(QKeySequence::Copy);
    copyId->setShortcutContext(Qt::WidgetShortcut);
    connect(copyId, &QAction::triggered, this, &OrganizationPane::copySelectedId);
    m_view->addAction(copyId);

    m_status->setObjectName(QStringLiteral("orgStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_filter, &QLineEdit::textEdited, m_debouncer, &SearchDebouncer::setText);
    connect(m_filter, &QLineEdit::returnPressed, m_debouncer, &SearchDebouncer::flush);
    connect(m_debouncer, &SearchDebouncer::triggered, this, [this](const QString& text) {
        m_wanted = selectedOrganizationId();
        m_fallBackToFirst = false;
        m_model->setNameFilter(text);
    });
    connect(m_model, &OrganizationListModel::pageLoaded, this, &OrganizationPane::onPageLoaded);
    connect(m_model, &OrganizationListModel::loadFailed, this, &OrganizationPane::loadFailed);
    connect(m_model, &OrganizationListModel::loadFailed, this, &OrganizationPane::updateStatus);
    connect(m_model, &OrganizationListModel::loadingChanged, this, &OrganizationPane::updateStatus);
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &OrganizationPane::onCurrentChanged);
}

void OrganizationPane::reload(const QString& organizationId)
{
    m_wanted = organizationId;
    m_fallBackToFirst = true;
    m_pagesSearched = 0;
    m_model->setNameFilter(m_filter->text());
}

void OrganizationPane::clear()
{
    m_model->clear();
    updateStatus();
}

QString OrganizationPane::selectedOrganizationId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(OrganizationListModel::IdRole).toString() : QString();
}

void OrganizationPane::onPageLoaded()
{
    // A remembered organization may sit on a later page, or be gone: look a few pages
    // further, then settle for the first one.
    constexpr int MaxPagesSearched = 5;
    updateStatus();
    if (m_model->rowCount() == 0) {
        if (m_fallBackToFirst && m_model->nameFilter().isEmpty())
            Q_EMIT noOrganizations();
        return;
    }
    if (m_view->currentIndex().isValid())
        return;
    int row = m_model->rowOfId(m_wanted);
    if (row < 0 && !m_wanted.isEmpty() && m_model->canFetchMore(QModelIndex()) && m_pagesSearched < MaxPagesSearched) {
        ++m_pagesSearched;
        m_model->fetchMore(QModelIndex());
        return;
    }
    if (row < 0 && !m_fallBackToFirst)
        return;
    if (row < 0)
        row = 0;
    m_view->setCurrentIndex(m_model->index(row, 0));
}

void OrganizationPane::onCurrentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (const Organization* org = current.isValid() ? m_model->organizationAt(current.row()) : nullptr)
        Q_EMIT organizationSelected(*org);
}

void OrganizationPane::copySelectedId()
{
    const QString id = selectedOrganizationId();
    if (!id.isEmpty())
        QApplication::clipboard()->setText(id);
}

void OrganizationPane::updateStatus()
{
    if (m_model->lastError().isError()) {
        m_status->setText(m_model->lastError().summary());
        return;
    }
    if (m_model->isLoading()) {
        m_status->setText(tr("Loading organizations…"));
        return;
    }
    if (!m_model->hasLoadedOnce()) {
        m_status->clear();
        return;
    }
    if (m_model->rowCount() == 0) {
        m_status->setText(m_filter->text().trimmed().isEmpty()
                ? tr("No organizations are visible to this token.")
                : tr("No organization name contains “%1”.").arg(m_filter->text().trimmed()));
        return;
    }
    m_status->setText(tr("%n organization(s)", nullptr, int(m_model->totalCount())));
}
