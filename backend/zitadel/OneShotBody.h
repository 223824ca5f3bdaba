#pragma once

#include <QByteArray>
#include <QIODevice>

// A request body that can be read once and never rewound. Qt 6.4.2 sends a request again,
// POST included, when the connection closes before the answer's head arrives (up to two more
// times). Qt can only do that by rewinding the body; with this one the attempt fails with
// ContentReSendError instead, so a resend or a verify goes over the wire at most once.
class OneShotBody : public QIODevice
{
    Q_OBJECT

public:
    OneShotBody(const QByteArray& data, QObject* parent);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_position + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_position >= m_data.size() && QIODevice::bytesAvailable() == 0; }
    bool reset() override { return false; } // the point of this class

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};
