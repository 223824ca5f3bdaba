#include "SecretStore.h"

#include <QMetaObject>

QString SecretStore::sessionOnlyMessage()
{
    return tr("No system keychain is available, so the token is kept for this session only.");
}

QString SecretStore::sessionEmptyMessage()
{
    return tr("No system keychain is available, and no token was entered for this connection in this session.");
}

void SecretStore::reply(SecretCallback done, SecretResult result)
{
    if (!done)
        return;
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}
