// bench-gui-stall: the longest time the GUI thread is blocked while a support person scrolls
// and searches an organization of 1,000,000 users (embedded mock, generated users). A 1 ms
// heartbeat timer records the gap between its runs; any gap above 1 ms is time the event loop
// could not run. The idle phase gives the machine's own noise floor in the same run.
//
// Usage: bench-gui-stall [pages]  (default 100 pages of 100 users scrolled through)

#include "AppSettings.h"
#include "InMemorySecretStore.h"
#include "MainWindow.h"
#include "ProfileStore.h"
#include "UserTableModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace
{
// Records gaps between heartbeats into the current phase.
class Heartbeat : public QObject
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_gapsMs.push_back((now - m_last) / 1e6);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    std::vector<double> takeGaps()
    {
        std::vector<double> gaps;
        gaps.swap(m_gapsMs);
        return gaps;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_gapsMs;
};

void report(const char* phase, std::vector<double> gaps, double seconds)
{
    if (gaps.empty()) {
        std::printf("  %-28s no samples\n", phase);
        return;
    }
    std::sort(gaps.begin(), gaps.end());
    const auto over = [&](double ms) {
        return std::count_if(gaps.begin(), gaps.end(), [ms](double g) { return g > ms; });
    };
    std::printf("  %-28s %5.1f s  longest stall %6.1f ms  p99 %5.1f ms  gaps >16 ms: %3ld  >50 ms: %ld\n",
        phase,
        seconds,
        gaps.back(),
        gaps[size_t(gaps.size() * 0.99)],
        long(over(16)),
        long(over(50)));
}
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const int pages = argc > 1 ? std::max(2, std::atoi(argv[1])) : 100;

    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    ProfileStore profiles(settings.settings());
    InMemorySecretStore secrets;
    MainWindow window(&settings, &profiles, &secrets);
    StartRequest request;
    request.connectionId = ConnectionController::mockId();
    request.mockOptions.usersPerOrg = 1'000'000;
    request.mockOptions.randomSeed = 42;

    window.start(request);
    auto* view = window.findChild<QTableView*>(QStringLiteral("userView"));
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("userSearchEdit"));
    auto* model = qobject_cast<UserTableModel*>(view->model());

    Heartbeat heartbeat;
    QElapsedTimer phaseClock;
    int exitCode = 0;
    std::function<void()> scrollPhase, searchPhase;

    // 1. Idle: the noise floor of this machine right now.
    auto idlePhase = [&] {
        phaseClock.start();
        heartbeat.takeGaps();
        QTimer::singleShot(1500, &app, [&] {
            report("idle (noise floor)", heartbeat.takeGaps(), phaseClock.elapsed() / 1000.0);
            scrollPhase();
        });
    };

    // 2. Scroll like a fast mouse wheel: 30 rows every 16 ms; the view fetches the next page
    // when it reaches the bottom, until `pages` pages are loaded.
    auto* scroller = new QTimer(&app);
    scroller->setInterval(16);
    scrollPhase = [&] {
        phaseClock.start();
        heartbeat.takeGaps();
        QObject::connect(scroller, &QTimer::timeout, &app, [&] {
            QScrollBar* bar = view->verticalScrollBar();
            bar->setValue(bar->value() + 30);
            if (model->rowCount() >= pages * int(UserTableModel::PageSize)) {
                scroller->stop();
                report(qPrintable(QStringLiteral("scroll %1 pages").arg(pages)),
                    heartbeat.takeGaps(),
                    phaseClock.elapsed() / 1000.0);
                std::printf("  rows held after scrolling: %d of %llu\n",
                    model->rowCount(),
                    static_cast<unsigned long long>(model->totalCount()));
                searchPhase();
            }
        });
        scroller->start();
    };

    // 3. Search: type each query at 60 ms per key (faster than the 250 ms debounce), wait for
    // its first page, then clear and type the next.
    const QStringList queries = {QStringLiteral("minnie"),
        QStringLiteral("4711"),
        QStringLiteral("example.com"),
        QStringLiteral("+4179"),
        QStringLiteral("zzzz-no-match")};
    int query = 0;
    int key = 0;
    auto* typist = new QTimer(&app);
    typist->setInterval(60);
    QElapsedTimer lastKey;
    std::vector<double> resultLatencyMs;
    bool waitingForResult = false;
    QObject::connect(model, &UserTableModel::pageLoaded, &app, [&] {
        if (!waitingForResult)
            return;
        waitingForResult = false;
        resultLatencyMs.push_back(lastKey.elapsed());
        ++query;
        key = 0;
        if (query < queries.size()) {
            search->clear();
            typist->start();
            return;
        }
        report("search 5 queries", heartbeat.takeGaps(), phaseClock.elapsed() / 1000.0);
        std::printf("  last key to first results (debounce 250 ms included):");
        for (double ms : resultLatencyMs)
            std::printf(" %.0f", ms);
        std::printf(" ms\n");
        QCoreApplication::exit(exitCode);
    });
    QObject::connect(typist, &QTimer::timeout, &app, [&] {
        const QString& text = queries.at(query);
        QTest::keyClick(search, text.at(key).toLatin1());
        lastKey.start();
        if (++key == text.size()) {
            typist->stop();
            waitingForResult = true;
        }
    });
    searchPhase = [&] {
        phaseClock.start();
        heartbeat.takeGaps();
        search->setFocus();
        search->clear();
        typist->start();
    };

    QObject::connect(&window, &MainWindow::initialLoadFinished, &app, [&](bool ok, const QString& message) {
        if (!ok) {
            std::fprintf(stderr, "bench-gui-stall: %s\n", qPrintable(message));
            QCoreApplication::exit(1);
            return;
        }
        std::printf("GUI thread stalls, organization of %llu users (embedded mock, QT_QPA_PLATFORM=%s)\n",
            static_cast<unsigned long long>(model->totalCount()),
            qPrintable(QGuiApplication::platformName()));
        idlePhase();
    });
    // A broken scenario (a page that never comes) must end with an error, not hang.
    QTimer::singleShot(300'000, &app, [] {
        std::fprintf(stderr, "bench-gui-stall: gave up after 5 minutes\n");
        QCoreApplication::exit(1);
    });
    window.show();
    return app.exec();
}
