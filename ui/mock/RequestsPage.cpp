#include "RequestsPage.h"

#include "JsonPretty.h"
#include "JsonRecordModel.h"
#include "MockAdminClient.h"

#include <QCheckBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace
{
QString field(const QJsonObject& o, const char* name)
{
    return o.value(QLatin1String(name)).toString();
}

QList<JsonColumn> columns()
{
    auto number = [](const char* name) {
        return [name](const QJsonObject& o) { return QString::number(o.value(QLatin1String(name)).toInt()); };
    };
    return {
        JsonColumn::text(RequestsPage::tr("Time"),
            [](const QJsonObject& o) {
                const QDateTime t = QDateTime::fromString(field(o, "time"), Qt::ISODateWithMs);
                return t.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
            }),
        JsonColumn::field(RequestsPage::tr("Method"), "method"),
        JsonColumn::field(RequestsPage::tr("Path"), "path"),
        JsonColumn::text(RequestsPage::tr("Status"), number("status")),
        JsonColumn::text(RequestsPage::tr("ms"), number("durationMs")),
        JsonColumn::text(RequestsPage::tr("Fault"),
            [](const QJsonObject& o) {
                const QString id = field(o, "fault");
                return id.isEmpty() ? QString() : RequestsPage::tr("rule %1").arg(id);
            }),
        JsonColumn::field(RequestsPage::tr("From"), "peer"),
    };
}

QString bodyText(const QString& body)
{
    if (body.isEmpty())
        return RequestsPage::tr("(no body)");
    return JsonPretty::format(body.toUtf8()).text;
}
} // namespace

RequestsPage::RequestsPage(MockAdminClient* admin, QWidget* parent)
    : MockPage(admin, parent)
    , m_model(new JsonRecordModel(columns(), this))
    , m_view(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
    , m_showAdmin(new QCheckBox(tr("Show /_mock calls"), this))
    , m_clear(new QPushButton(tr("Clear log"), this))
{
    m_view->setObjectName(QStringLiteral("requestsView"));
    setUpTable(m_view, m_model, {95, 60, 0, 50, 45, 60, 90}, 2);
    m_details->setObjectName(QStringLiteral("requestDetails"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_showAdmin->setObjectName(QStringLiteral("showAdminCalls"));
    m_clear->setObjectName(QStringLiteral("clearRequests"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_showAdmin);
    top->addStretch(1);
    top->addWidget(m_clear);
    layOutListAndDetails(top, m_view, m_details);

    connect(m_showAdmin, &QCheckBox::toggled, this, [this] {
        m_model->clear();
        markStale();
    });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        QPointer<RequestsPage> self(this);
        this->admin()->remove(QStringLiteral("requests"), [self](const MockAdminReply& reply) {
            if (!self)
                return;
            self->setStatus(reply.ok() ? tr("Request log cleared.") : reply.error,
                reply.ok() ? StatusStyle::Tone::Neutral : StatusStyle::Tone::Error);
            self->markStale();
        });
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RequestsPage::showCurrent);
}

void RequestsPage::refresh()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    QPointer<RequestsPage> self(this);
    admin()->get(QStringLiteral("requests"), query, [self](const MockAdminReply& reply) {
        if (!self)
            return;
        if (self->showFailure(reply))
            return;
        QJsonArray shown;
        for (const QJsonValue& v : reply.json.value(QLatin1String("requests")).toArray()) {
            if (self->m_showAdmin->isChecked() || !v.toObject().value(QLatin1String("admin")).toBool())
                shown.append(v);
        }
        self->m_model->setRecords(shown);
        self->setStatus(tr("%1 requests in the log.").arg(reply.json.value(QLatin1String("total")).toString()));
    });
}

void RequestsPage::showCurrent()
{
    const QJsonObject r = m_model->record(m_view->currentIndex().row());
    if (r.isEmpty()) {
        m_details->clear();
        return;
    }
    QString text = field(r, "method") + QLatin1Char(' ') + field(r, "path");
    if (!field(r, "query").isEmpty())
        text += QLatin1Char('?') + field(r, "query");
    if (!field(r, "operation").isEmpty())
        text += QStringLiteral("   (%1)").arg(field(r, "operation"));
    text += QLatin1String("\n\n") + bodyText(field(r, "requestBody"));
    text += QLatin1String("\n\n") + tr("Answer %1").arg(r.value(QLatin1String("status")).toInt());
    if (!field(r, "fault").isEmpty())
        text += QLatin1Char(' ') + tr("(fault rule %1)").arg(field(r, "fault"));
    text += QLatin1String("\n\n") + bodyText(field(r, "responseBody"));
    m_details->setPlainText(text);
}
