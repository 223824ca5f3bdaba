// bench-startup [runs]: start-up time and peak memory of `verifydesk --mock
// --exit-after-load` (window painted with the organizations and the first user page,
// embedded mock included) against bench-bare-window, a plain Widgets window shown and closed.
// Runs the two alternately so machine noise hits both alike; prints medians and the ratios.
// Uses the environment's QT_QPA_PLATFORM (run it under xvfb-run for real X11 figures).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace
{
struct Sample
{
    double ms = 0;
    long peakKb = 0;
    int exitCode = -1;
};

Sample runOnce(const std::vector<std::string>& command)
{
    std::vector<char*> argv;
    for (const std::string& arg : command)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);

    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage {};
    wait4(pid, &status, 0, &usage); // ru_maxrss of exactly this child, in KiB on Linux
    Sample sample;
    sample.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    sample.peakKb = usage.ru_maxrss;
    sample.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return sample;
}

template <class T>
T median(std::vector<T> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}
} // namespace

int main(int argc, char* argv[])
{
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
    char settingsTemplate[] = "/tmp/verifydesk-bench-XXXXXX";
    const int fd = mkstemp(settingsTemplate);
    if (fd >= 0)
        close(fd);
    const std::string settingsFile = std::string(settingsTemplate) + ".ini";

    const std::vector<std::string> app = {VD_APP_BINARY, "--mock", "--exit-after-load", "--settings", settingsFile};
    const std::vector<std::string> bare = {VD_BARE_WINDOW_BINARY};

    // One warm-up each: the first start pays for cold disk caches.
    runOnce(app);
    runOnce(bare);

    std::vector<double> appMs, bareMs;
    std::vector<long> appKb, bareKb;
    for (int i = 0; i < runs; ++i) {
        const Sample a = runOnce(app);
        const Sample b = runOnce(bare);
        if (a.exitCode != 0 || b.exitCode != 0) {
            std::fprintf(stderr, "run %d failed: verifydesk exit %d, bare window exit %d\n", i, a.exitCode, b.exitCode);
            return 1;
        }
        appMs.push_back(a.ms);
        bareMs.push_back(b.ms);
        appKb.push_back(a.peakKb);
        bareKb.push_back(b.peakKb);
    }
    unlink(settingsTemplate);
    unlink(settingsFile.c_str());

    const char* platform = std::getenv("QT_QPA_PLATFORM");
    std::printf("start-up, %d alternating runs, QT_QPA_PLATFORM=%s\n", runs, platform ? platform : "(default)");
    std::printf("  %-34s median %7.1f ms  min %7.1f ms  peak RSS median %6.1f MB\n",
        "verifydesk --mock --exit-after-load",
        median(appMs),
        *std::min_element(appMs.begin(), appMs.end()),
        median(appKb) / 1024.0);
    std::printf("  %-34s median %7.1f ms  min %7.1f ms  peak RSS median %6.1f MB\n",
        "bare widgets window",
        median(bareMs),
        *std::min_element(bareMs.begin(), bareMs.end()),
        median(bareKb) / 1024.0);
    std::printf("  ratio time %.2fx (target <= 1.5x), memory %.2fx (target <= 2x)\n",
        median(appMs) / median(bareMs),
        double(median(appKb)) / double(median(bareKb)));
    return 0;
}
