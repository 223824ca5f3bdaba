#include "WindowDriver.h"

#include "OrganizationListModel.h"
#include "UserPanel.h"
#include "UserTableModel.h"

#include <QLineEdit>
#include <QListView>
#include <QTableView>
#include <QTest>

namespace
{
bool waitFor(const char* what, const std::function<bool()>& condition, int timeoutMs)
{
    if (QTest::qWaitFor(condition, timeoutMs))
        return true;
    qWarning("WindowDriver: %s did not happen within %d ms", what, timeoutMs);
    return false;
}

template <class T>
T* child(QWidget* window, const char* name)
{
    return window->findChild<T*>(QString::fromLatin1(name));
}
} // namespace

namespace WindowDriver
{
bool selectOrganization(QWidget* window, const QString& organizationId, int timeoutMs)
{
    auto* view = child<QListView>(window, "orgView");
    auto* model = qobject_cast<OrganizationListModel*>(view->model());
    if (!waitFor(
            "the organization to be listed", [&] { return model->rowOfId(organizationId) >= 0; }, timeoutMs))
        return false;
    const QModelIndex index = model->index(model->rowOfId(organizationId), 0);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    if (view->currentIndex().data(OrganizationListModel::IdRole).toString() != organizationId) {
        qWarning("WindowDriver: the click did not select the organization");
        return false;
    }
    auto* users = qobject_cast<UserTableModel*>(child<QTableView>(window, "userView")->model());
    return waitFor(
        "its users to load",
        [&] { return users->organizationId() == organizationId && users->hasLoadedOnce() && !users->isLoading(); },
        timeoutMs);
}

bool searchAndSelectUser(QWidget* window, const QString& search, const QString& userId, int timeoutMs)
{
    auto* edit = child<QLineEdit>(window, "userSearchEdit");
    auto* view = child<QTableView>(window, "userView");
    auto* model = qobject_cast<UserTableModel*>(view->model());
    edit->clear();
    QTest::keyClicks(edit, search);
    if (!waitFor(
            "the search to list the user",
            [&] {
                return model->search() == search && model->hasLoadedOnce() && !model->isLoading()
                    && model->rowOfId(userId) >= 0;
            },
            timeoutMs))
        return false;
    const QModelIndex index = model->index(model->rowOfId(userId), UserTableModel::DisplayNameColumn);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    auto* panel = child<UserPanel>(window, "userPanel");
    return waitFor(
        "the user panel to show the user",
        [&] { return panel->user().has_value() && panel->user()->id == userId; },
        timeoutMs);
}
} // namespace WindowDriver
