#pragma once

#include <QObject>

class MainWindow;

// --exit-after-load: quits with 0 once the window has painted with the organizations and
// the first page of users, or with 1 (and the reason on stderr) on the first error.
class LoadWatcher : public QObject
{
    Q_OBJECT

public:
    explicit LoadWatcher(MainWindow* window);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    MainWindow* m_window;
    QObject* m_viewport = nullptr; // the user table's, watched for the paint after loading
};
