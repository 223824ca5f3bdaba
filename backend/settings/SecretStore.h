#pragma once

#include <QObject>
#include <QString>

#include <functional>

// The answer to one SecretStore request.
struct SecretResult
{
    enum class Status
    {
        Ok,
        NotFound, // nothing stored under the key
        NoBackend, // no system keychain: a write is kept for this session only
        Failed, // the keychain refused (access denied, ...); message says why
    };
    Status status = Status::Failed;
    QString secret; // only for a successful read
    QString message; // a sentence for people; empty when there is nothing to say
    bool persistent = true; // false when the secret lives only as long as this process
};

using SecretCallback = std::function<void(const SecretResult&)>;

// Where tokens live, keyed by ConnectionProfile::secretKey(). Asynchronous because the system
// keychain is: every callback runs queued (never inside the call) and exactly once, unless the
// store is destroyed first.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void read(const QString& key, SecretCallback done) = 0;
    virtual void write(const QString& key, const QString& secret, SecretCallback done) = 0;
    virtual void remove(const QString& key, SecretCallback done) = 0;
    // "system keychain" or "this session only (no keychain)", for settings pages and logs.
    virtual QString backendDescription() const = 0;

    // The one sentence shown when a token could only be kept in memory.
    static QString sessionOnlyMessage();
    // Read found no keychain and nothing from earlier in this session.
    static QString sessionEmptyMessage();

protected:
    // Runs done(result) on the next event-loop turn, only while this store is alive.
    void reply(SecretCallback done, SecretResult result);
};
