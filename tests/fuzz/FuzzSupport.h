#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// What every fuzz target shares: one QCoreApplication for the process (translate(), the
// QObjects of the mock) and quiet logging, so that libFuzzer's own output stays readable
// and no time goes into printing a warning per input.
namespace FuzzSupport
{
inline void initialize(const char* name)
{
    static int argc = 1;
    static char* argv[] = {const_cast<char*>(name), nullptr};
    static QCoreApplication app(argc, argv);
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type == QtFatalMsg) // a failed Q_ASSERT: let libFuzzer see the abort, with the reason
            fprintf(stderr, "%s\n", qPrintable(message));
    });
}

inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

// Splits off the text up to the first '\n' (the '\n' is dropped); the rest stays in `input`.
inline QByteArray takeLine(QByteArray* input)
{
    const qsizetype end = input->indexOf('\n');
    const QByteArray line = end < 0 ? *input : input->left(end);
    *input = end < 0 ? QByteArray() : input->mid(end + 1);
    return line;
}

// A failed oracle: abort so that libFuzzer keeps the input as a crash.
[[noreturn]] inline void fail(const char* what)
{
    fprintf(stderr, "fuzz oracle failed: %s\n", what);
    abort();
}
} // namespace FuzzSupport
