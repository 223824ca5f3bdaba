#include "UserPane.h"

#include "SearchDebouncer.h"
#include "UserTableModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

UserPane::UserPane(ZitadelClient* client, QWidget* parent)
    : QWidget(parent)
    , m_model(new UserTableModel(client, this))
    , m_debouncer(new SearchDebouncer(SearchDelayMs, this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("userPane"));
    m_search->setObjectName(QStringLiteral("userSearchEdit"));
    m_search->setPlaceholderText(tr("Search username, name, email, phone or user ID  (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);

    m_view->setObjectName(QStringLiteral("userView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    // Fixed row heights keep scrolling through thousands of loaded rows cheap.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->resizeSection(UserTableModel::DisplayNameColumn, 145);
    header->resizeSection(UserTableModel::UserNameColumn, 95);
    header->resizeSection(UserTableModel::EmailColumn, 185);
    header->resizeSection(UserTableModel::PhoneColumn, 125);
    header->resizeSection(UserTableModel::StateColumn, 60);
    header->setStretchLastSection(true);
    // The server sorts; the header shows the current order before sorting is switched on,
    // because enabling it applies the indicator at once.
    header->setSortIndicator(UserTableModel::DisplayNameColumn, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);

    m_status->setObjectName(QStringLiteral("userCountLabel"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_search, &QLineEdit::textChanged, m_debouncer, &SearchDebouncer::setText);
    connect(m_search, &QLineEdit::returnPressed, m_debouncer, &SearchDebouncer::flush);
    connect(m_debouncer, &SearchDebouncer::triggered, m_model, &UserTableModel::setSearch);
    connect(m_model, &UserTableModel::pageLoaded, this, &UserPane::onPageLoaded);
    connect(m_model, &UserTableModel::loadFailed, this, &UserPane::loadFailed);
    connect(m_model, &UserTableModel::loadFailed, this, &UserPane::updateStatus);
    connect(m_model, &UserTableModel::loadingChanged, this, &UserPane::updateStatus);
    connect(m_model, &UserTableModel::modelReset, this, &UserPane::updateStatus);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &UserPane::onCurrentChanged);
}

void UserPane::setOrganization(const QString& organizationId, const QString& organizationName)
{
    m_organizationName = organizationName;
    m_wanted.clear(); // a remembered user belongs to the organization it was remembered with
    m_model->setOrganization(organizationId);
}

void UserPane::clear()
{
    m_wanted.clear();
    m_model->setOrganization(QString());
}

void UserPane::selectUser(const QString& userId)
{
    m_wanted = userId;
    const int row = m_model->rowOfId(userId);
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row, 0));
        m_view->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter); // show whom the panel shows
        m_wanted.clear();
    }
}

std::optional<User> UserPane::selectedUser() const
{
    const QModelIndex current = m_view->currentIndex();
    if (const User* user = current.isValid() ? m_model->userAt(current.row()) : nullptr)
        return *user;
    return std::nullopt;
}

void UserPane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void UserPane::onPageLoaded()
{
    const bool first = m_model->rowCount() <= static_cast<int>(UserTableModel::PageSize);
    // One try, on the first page: later pages, searches or sorts must never move the
    // selection away from the user someone picked in the meantime.
    if (!m_wanted.isEmpty()) {
        const QString wanted = m_wanted;
        selectUser(wanted);
        if (!m_wanted.isEmpty()) {
            m_wanted.clear();
            Q_EMIT wantedUserNotListed(wanted);
        }
    }
    updateStatus();
    if (first)
        Q_EMIT firstPageLoaded();
}

void UserPane::onCurrentChanged()
{
    if (const auto user = selectedUser())
        Q_EMIT userSelected(*user);
}

void UserPane::updateStatus()
{
    const QLocale locale;
    const QString search = m_model->search();
    if (m_model->lastError().isError()) {
        m_status->setText(m_model->lastError().summary());
    } else if (m_model->organizationId().isEmpty()) {
        m_status->setText(tr("Pick an organization to list its users."));
    } else if (!m_model->hasLoadedOnce()) {
        m_status->setText(m_model->isLoading() ? tr("Loading users…") : QString());
    } else if (m_model->rowCount() == 0) {
        m_status->setText(search.isEmpty() ? tr("%1 has no users.").arg(m_organizationName)
                                           : tr("No user in %1 matches “%2”.").arg(m_organizationName, search));
    } else {
        const QString total = search.isEmpty()
            ? tr("%1 users in %2").arg(locale.toString(m_model->totalCount()), m_organizationName)
            : tr("%1 users match “%2”").arg(locale.toString(m_model->totalCount()), search);
        QString text = tr("%1 · %2 loaded").arg(total, locale.toString(m_model->rowCount()));
        if (m_model->isLoading())
            text += tr(" · loading more…");
        m_status->setText(text);
    }
}
