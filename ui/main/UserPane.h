#pragma once

#include "ZitadelTypes.h"

#include <QWidget>

#include <optional>

struct ApiError;
class QLabel;
class QLineEdit;
class QTableView;
class SearchDebouncer;
class UserTableModel;
class ZitadelClient;

// Centre column: one search box over username, display name, email, phone and user id (on
// the server), and the organization's users paged in as the table scrolls.
class UserPane : public QWidget
{
    Q_OBJECT

public:
    static constexpr int SearchDelayMs = 250;

    explicit UserPane(ZitadelClient* client, QWidget* parent = nullptr);

    UserTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLineEdit* searchEdit() const { return m_search; }

    void setOrganization(const QString& organizationId, const QString& organizationName);
    void clear();
    // Selects the user when the page holding them arrives (for --user and the last session).
    void selectUser(const QString& userId);
    std::optional<User> selectedUser() const;
    void focusSearch();

Q_SIGNALS:
    void userSelected(const User& user);
    void firstPageLoaded();
    // selectUser() named someone who is not on the first page (the list is not searched
    // further: a million-user organization would take pages and pages).
    void wantedUserNotListed(const QString& userId);
    void loadFailed(const ApiError& error);

private:
    void onPageLoaded();
    void onCurrentChanged();
    void updateStatus();

    UserTableModel* m_model;
    SearchDebouncer* m_debouncer;
    QLineEdit* m_search;
    QTableView* m_view;
    QLabel* m_status;
    QString m_organizationName;
    QString m_wanted;
};
