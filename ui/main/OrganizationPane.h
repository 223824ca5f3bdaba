#pragma once

#include "ZitadelTypes.h"

#include <QWidget>

struct ApiError;
class OrganizationListModel;
class QLabel;
class QLineEdit;
class QListView;
class SearchDebouncer;
class ZitadelClient;

// Left column: the organizations, filtered by name on the server as the user types.
class OrganizationPane : public QWidget
{
    Q_OBJECT

public:
    explicit OrganizationPane(ZitadelClient* client, QWidget* parent = nullptr);

    OrganizationListModel* model() const { return m_model; }
    QListView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }

    // Loads the first page; once it is there, selects `organizationId` if it is loaded, else
    // the first organization. Selection changes are reported by organizationSelected().
    void reload(const QString& organizationId);
    void clear();
    QString selectedOrganizationId() const;

Q_SIGNALS:
    void organizationSelected(const Organization& organization);
    void loadFailed(const ApiError& error);
    // The first page after reload() came back empty: there is nothing to select.
    void noOrganizations();

private:
    void onPageLoaded();
    void onCurrentChanged();
    void copySelectedId();
    void updateStatus();

    OrganizationListModel* m_model;
    SearchDebouncer* m_debouncer;
    QLineEdit* m_filter;
    QListView* m_view;
    QLabel* m_status;
    QString m_wanted; // the organization to select when the page it is on arrives
    bool m_fallBackToFirst = false; // on (re)connect select something; on filtering only keep the choice
    int m_pagesSearched = 0; // pages fetched looking for m_wanted; bounded, it may no longer exist
};
