#include "OutboxPage.h"

#include "JsonRecordModel.h"
#include "MockAdminClient.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace
{
QString field(const QJsonObject& o, const char* name)
{
    return o.value(QLatin1String(name)).toString();
}

QString localTime(const QJsonObject& o)
{
    const QDateTime time = QDateTime::fromString(field(o, "time"), Qt::ISODateWithMs);
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("HH:mm:ss")) : field(o, "time");
}

QString channelLabel(const QJsonObject& o)
{
    return field(o, "channel") == QLatin1String("sms") ? OutboxPage::tr("SMS") : OutboxPage::tr("Email");
}

QString deliveryLabel(const QJsonObject& o)
{
    const QString delivery = field(o, "delivery");
    if (delivery == QLatin1String("lost"))
        return OutboxPage::tr("never delivered");
    if (delivery == QLatin1String("failed"))
        return OutboxPage::tr("failed");
    return OutboxPage::tr("sent");
}

QList<JsonColumn> columns()
{
    return {
        JsonColumn::text(OutboxPage::tr("Time"), localTime),
        JsonColumn::text(OutboxPage::tr("Channel"), channelLabel),
        JsonColumn::field(OutboxPage::tr("To"), "to"),
        JsonColumn::field(OutboxPage::tr("Code"), "code"),
        JsonColumn::text(OutboxPage::tr("Delivery"), deliveryLabel),
    };
}

// Plain text to HTML with URLs made clickable.
QString textToHtml(const QString& text)
{
    QStringList out;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        QStringList words;
        for (const QString& word : line.split(QLatin1Char(' '))) {
            if (word.startsWith(QLatin1String("https://")) || word.startsWith(QLatin1String("http://")))
                words.append(QStringLiteral("<a href=\"%1\">%1</a>").arg(word.toHtmlEscaped()));
            else
                words.append(word.toHtmlEscaped());
        }
        out.append(words.join(QLatin1Char(' ')));
    }
    return out.join(QStringLiteral("<br>"));
}
} // namespace

OutboxPage::OutboxPage(MockAdminClient* admin, QWidget* parent)
    : MockPage(admin, parent)
    , m_model(new JsonRecordModel(columns(), this))
    , m_channel(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_preview(new QTextBrowser(this))
    , m_count(new QLabel(this))
    , m_clear(new QPushButton(tr("Clear outbox"), this))
    , m_copyCode(new QPushButton(tr("Copy code"), this))
    , m_copyLink(new QPushButton(tr("Copy link"), this))
    , m_verify(new QPushButton(tr("Verify with this code"), this))
{
    m_channel->setObjectName(QStringLiteral("outboxChannel"));
    m_channel->addItem(tr("Email and SMS"), QString());
    m_channel->addItem(tr("Email only"), QStringLiteral("email"));
    m_channel->addItem(tr("SMS only"), QStringLiteral("sms"));
    m_view->setObjectName(QStringLiteral("outboxView"));
    setUpTable(m_view, m_model, {70, 60, 0, 80, 100}, 2);
    m_preview->setObjectName(QStringLiteral("outboxPreview"));
    m_preview->setOpenExternalLinks(false); // a mock link leads nowhere; copying it is the point
    m_preview->setPlaceholderText(tr("Select a message to see it as its recipient would."));
    m_clear->setObjectName(QStringLiteral("clearOutbox"));
    m_copyCode->setObjectName(QStringLiteral("copyCode"));
    m_copyLink->setObjectName(QStringLiteral("copyLink"));
    m_verify->setObjectName(QStringLiteral("verifyCode"));
    m_verify->setToolTip(tr("Opens the user and verifies their address with this code, as the recipient would."));

    auto* top = new QHBoxLayout;
    top->addWidget(m_channel);
    top->addWidget(m_count, 1);
    top->addWidget(m_clear);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_copyCode);
    actions->addWidget(m_copyLink);
    actions->addStretch(1);
    actions->addWidget(m_verify);
    auto* previewBox = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_preview, 1);
    previewLayout->addLayout(actions);
    layOutListAndDetails(top, m_view, previewBox);

    connect(m_channel, &QComboBox::currentIndexChanged, this, [this] { markStale(); });
    connect(m_clear, &QPushButton::clicked, this, &OutboxPage::clearOutbox);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &OutboxPage::showCurrent);
    connect(m_copyCode, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(field(currentMessage(), "code"));
        setStatus(tr("Code copied."));
    });
    connect(m_copyLink, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(field(currentMessage(), "link"));
        setStatus(tr("Link copied."));
    });
    connect(m_verify, &QPushButton::clicked, this, [this] {
        const QJsonObject m = currentMessage();
        emit verifyRequested(field(m, "userId"), field(m, "orgId"), field(m, "channel"), field(m, "code"));
    });
    showCurrent();
}

QJsonObject OutboxPage::currentMessage() const
{
    return m_model->record(m_view->currentIndex().row());
}

bool OutboxPage::selectMessage(const QString& id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(row, 0));
    return true;
}

void OutboxPage::refresh()
{
    QUrlQuery query;
    const QString channel = m_channel->currentData().toString();
    if (!channel.isEmpty())
        query.addQueryItem(QStringLiteral("channel"), channel);
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    QPointer<OutboxPage> self(this);
    admin()->get(QStringLiteral("outbox"), query, [self](const MockAdminReply& reply) {
        if (!self)
            return;
        if (self->showFailure(reply))
            return;
        const bool following = self->m_view->currentIndex().row() <= 0;
        const QJsonArray messages = reply.json.value(QLatin1String("messages")).toArray();
        self->m_model->setRecords(messages);
        const qint64 total = reply.json.value(QLatin1String("total")).toString().toLongLong();
        self->m_count->setText(tr("%n message(s)", nullptr, int(total)));
        if (following && self->m_model->rowCount() > 0)
            self->m_view->setCurrentIndex(self->m_model->index(0, 0));
        else if (self->m_model->rowCount() == 0)
            self->showCurrent();

        // Messages newer than the newest one seen count as unseen while the page is hidden.
        const QString newest = messages.isEmpty() ? QString() : field(messages.first().toObject(), "id");
        if (self->isVisible() || messages.isEmpty()) {
            self->m_newestSeen = newest;
            self->m_unseen = 0;
        } else {
            int unseen = 0;
            for (const QJsonValue& m : messages) {
                if (field(m.toObject(), "id") == self->m_newestSeen)
                    break;
                ++unseen;
            }
            self->m_unseen = unseen;
        }
        emit self->unseenCountChanged(self->m_unseen);
    });
}

void OutboxPage::showEvent(QShowEvent* event)
{
    MockPage::showEvent(event);
    if (m_unseen != 0) {
        m_unseen = 0;
        emit unseenCountChanged(0);
    }
}

void OutboxPage::showCurrent()
{
    const QJsonObject message = currentMessage();
    const bool has = !message.isEmpty();
    m_preview->setHtml(has ? renderMessage(message) : QString());
    m_copyCode->setEnabled(has && !field(message, "code").isEmpty());
    m_copyLink->setEnabled(has && !field(message, "link").isEmpty());
    m_verify->setEnabled(has && !field(message, "code").isEmpty() && !field(message, "userId").isEmpty());
}

void OutboxPage::clearOutbox()
{
    QPointer<OutboxPage> self(this);
    admin()->remove(QStringLiteral("outbox"), [self](const MockAdminReply& reply) {
        if (!self)
            return;
        if (self->showFailure(reply))
            return;
        self->setStatus(tr("Outbox cleared."));
        self->markStale();
    });
}

QString OutboxPage::renderMessage(const QJsonObject& m)
{
    QString html;
    const QString delivery = field(m, "delivery");
    if (!delivery.isEmpty() && delivery != QLatin1String("sent")) {
        const QString failure = field(m, "failure");
        html += QStringLiteral("<p style=\"color:#b45309\"><b>%1</b> %2</p>")
                    .arg(delivery == QLatin1String("lost") ? tr("Never delivered.") : tr("Delivery failed."),
                        failure.toHtmlEscaped());
    }
    const bool sms = field(m, "channel") == QLatin1String("sms");
    const QString when = QDateTime::fromString(field(m, "time"), Qt::ISODateWithMs)
                             .toLocalTime()
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QString subject = field(m, "subject");
    if (subject.isEmpty() && !sms)
        subject = tr("Verify email");
    QString text = field(m, "text");
    if (text.isEmpty())
        text = tr("Your verification code is %1").arg(field(m, "code"))
            + (field(m, "link").isEmpty() ? QString() : QStringLiteral("\n") + field(m, "link"));
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">");
    html +=
        QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>").arg(tr("To:"), field(m, "to").toHtmlEscaped());
    if (!sms)
        html +=
            QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>").arg(tr("Subject:"), subject.toHtmlEscaped());
    html += QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>").arg(tr("Date:"), when.toHtmlEscaped());
    html += QStringLiteral("</table><hr>");
    html += QStringLiteral("<p>%1</p>").arg(textToHtml(text));
    html += QStringLiteral("<p style=\"font-size:small\">%1</p>")
                .arg(tr("Sent because of %1").arg(field(m, "cause").toHtmlEscaped()));
    return html;
}
