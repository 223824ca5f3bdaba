// bench-bare-window: the start-up baseline. A plain Qt Widgets window with a list and a text
// pane, shown, and closed right after its list has painted: what any Widgets app pays before
// doing anything of its own. bench-startup compares verifydesk --exit-after-load with it.

#include <QApplication>
#include <QListWidget>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTimer>

namespace
{
class PaintWatcher : public QObject
{
public:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
        return QObject::eventFilter(watched, event);
    }
};
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    auto* splitter = new QSplitter(&window);
    auto* list = new QListWidget(splitter);
    for (int i = 0; i < 100; ++i)
        list->addItem(QStringLiteral("Item %1").arg(i));
    auto* text = new QPlainTextEdit(splitter);
    text->setPlainText(QStringLiteral("{\n  \"hello\": \"world\"\n}"));
    window.setCentralWidget(splitter);
    window.resize(1280, 860);
    PaintWatcher watcher;
    list->viewport()->installEventFilter(&watcher);
    window.show();
    return app.exec();
}
