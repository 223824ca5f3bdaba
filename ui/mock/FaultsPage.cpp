#include "FaultsPage.h"

#include "FaultCatalog.h"
#include "JsonRecordModel.h"
#include "MockAdminClient.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace
{
enum When
{
    Always,
    NextCalls,
    Percent,
};

QList<JsonColumn> columns()
{
    return {
        JsonColumn::text(FaultsPage::tr("Endpoint"),
            [](const QJsonObject& o) {
                return FaultCatalog::endpointLabel(o.value(QLatin1String("endpoint")).toString());
            }),
        JsonColumn::text(FaultsPage::tr("Effect"), FaultCatalog::describeEffect),
        JsonColumn::text(FaultsPage::tr("When"), FaultCatalog::describeWhen),
        JsonColumn::text(FaultsPage::tr("Hits"),
            [](const QJsonObject& o) { return QString::number(o.value(QLatin1String("hits")).toInt()); }),
    };
}
} // namespace

FaultsPage::FaultsPage(MockAdminClient* admin, QWidget* parent)
    : MockPage(admin, parent)
    , m_model(new JsonRecordModel(columns(), this))
    , m_view(new QTableView(this))
    , m_endpoint(new QComboBox(this))
    , m_effect(new QComboBox(this))
    , m_retryAfter(new QSpinBox(this))
    , m_latencyFrom(new QSpinBox(this))
    , m_latencyTo(new QSpinBox(this))
    , m_when(new QComboBox(this))
    , m_times(new QSpinBox(this))
    , m_percent(new QSpinBox(this))
    , m_add(new QPushButton(tr("Add rule"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_clear(new QPushButton(tr("Clear all"), this))
    , m_seed(new QLineEdit(this))
    , m_applySeed(new QPushButton(tr("Apply seed"), this))
{
    m_view->setObjectName(QStringLiteral("faultsView"));
    setUpTable(m_view, m_model, {170, 0, 150, 45}, 1);

    m_endpoint->setObjectName(QStringLiteral("faultEndpoint"));
    for (const FaultCatalog::Choice& c : FaultCatalog::endpoints())
        m_endpoint->addItem(c.label, c.value);
    m_effect->setObjectName(QStringLiteral("faultEffect"));
    for (const FaultCatalog::Choice& c : FaultCatalog::effects())
        m_effect->addItem(c.label, c.value);
    m_retryAfter->setObjectName(QStringLiteral("faultRetryAfter"));
    m_retryAfter->setRange(0, 86400);
    m_retryAfter->setValue(30);
    m_retryAfter->setSuffix(tr(" s"));
    m_latencyFrom->setObjectName(QStringLiteral("faultLatencyFrom"));
    m_latencyTo->setObjectName(QStringLiteral("faultLatencyTo"));
    for (QSpinBox* box : {m_latencyFrom, m_latencyTo}) {
        box->setRange(0, 600000);
        box->setSingleStep(100);
        box->setSuffix(tr(" ms"));
    }
    m_latencyTo->setSpecialValueText(tr("fixed"));
    m_when->setObjectName(QStringLiteral("faultWhen"));
    m_when->addItem(tr("Every call"), Always);
    m_when->addItem(tr("The next calls"), NextCalls);
    m_when->addItem(tr("A share of calls"), Percent);
    m_times->setObjectName(QStringLiteral("faultTimes"));
    m_times->setRange(1, 1000000);
    m_times->setSuffix(tr(" call(s)"));
    m_percent->setObjectName(QStringLiteral("faultPercent"));
    m_percent->setRange(1, 100);
    m_percent->setValue(50);
    m_percent->setSuffix(tr(" %"));
    m_add->setObjectName(QStringLiteral("addFault"));
    m_remove->setObjectName(QStringLiteral("removeFault"));
    m_clear->setObjectName(QStringLiteral("clearFaults"));
    m_seed->setObjectName(QStringLiteral("faultSeed"));
    m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), m_seed));
    m_seed->setPlaceholderText(tr("seed"));
    m_seed->setToolTip(tr("The same seed and the same requests give the same faults."));
    m_applySeed->setObjectName(QStringLiteral("applySeed"));

    auto* latency = new QHBoxLayout;
    latency->addWidget(m_latencyFrom);
    latency->addWidget(new QLabel(tr("to"), this));
    latency->addWidget(m_latencyTo);
    auto* when = new QHBoxLayout;
    when->addWidget(m_when);
    when->addWidget(m_times);
    when->addWidget(m_percent);
    auto* form = new QFormLayout;
    form->addRow(tr("Endpoint:"), m_endpoint);
    form->addRow(tr("Effect:"), m_effect);
    form->addRow(tr("Retry after:"), m_retryAfter);
    form->addRow(tr("Delay:"), latency);
    form->addRow(tr("When:"), when);
    auto* formButtons = new QHBoxLayout;
    formButtons->addStretch(1);
    formButtons->addWidget(m_add);
    auto* formBox = new QVBoxLayout;
    formBox->addLayout(form);
    formBox->addLayout(formButtons);
    formBox->addStretch(1);

    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_remove);
    listButtons->addWidget(m_clear);
    listButtons->addStretch(1);
    listButtons->addWidget(new QLabel(tr("Seed:"), this));
    listButtons->addWidget(m_seed);
    listButtons->addWidget(m_applySeed);
    auto* listBox = new QVBoxLayout;
    listBox->addWidget(m_view, 1);
    listBox->addLayout(listButtons);

    auto* columnsLayout = new QHBoxLayout;
    columnsLayout->addLayout(listBox, 3);
    columnsLayout->addLayout(formBox, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columnsLayout, 1);
    layout->addWidget(makeStatusLabel());

    connect(m_effect, &QComboBox::currentIndexChanged, this, &FaultsPage::updateFormVisibility);
    connect(m_when, &QComboBox::currentIndexChanged, this, &FaultsPage::updateFormVisibility);
    connect(m_add, &QPushButton::clicked, this, &FaultsPage::addRule);
    connect(m_remove, &QPushButton::clicked, this, &FaultsPage::removeSelected);
    connect(m_clear, &QPushButton::clicked, this, &FaultsPage::clearRules);
    connect(m_applySeed, &QPushButton::clicked, this, &FaultsPage::applySeed);
    connect(m_seed, &QLineEdit::returnPressed, this, &FaultsPage::applySeed);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_remove->setEnabled(m_view->currentIndex().isValid());
    });
    m_remove->setEnabled(false);
    updateFormVisibility();
}

QJsonObject FaultsPage::formRule() const
{
    QJsonObject rule;
    rule.insert(QLatin1String("endpoint"), m_endpoint->currentData().toString());
    const QString effect = m_effect->currentData().toString();
    const qsizetype colon = effect.indexOf(QLatin1Char(':'));
    if (colon > 0) {
        const QString kind = effect.left(colon);
        const QString name = effect.mid(colon + 1);
        rule.insert(kind, name);
        if (kind == QLatin1String("error") && name == QLatin1String("rate-limited"))
            rule.insert(QLatin1String("retryAfterSeconds"), m_retryAfter->value());
    }
    if (m_latencyFrom->value() > 0 || m_latencyTo->value() > 0)
        rule.insert(QLatin1String("latencyMs"), m_latencyFrom->value());
    if (m_latencyTo->value() > 0)
        rule.insert(QLatin1String("latencyMaxMs"), m_latencyTo->value());
    switch (m_when->currentData().toInt()) {
    case NextCalls:
        rule.insert(QLatin1String("times"), m_times->value());
        break;
    case Percent:
        rule.insert(QLatin1String("probability"), m_percent->value() / 100.0);
        break;
    default:
        break;
    }
    return rule;
}

void FaultsPage::updateFormVisibility()
{
    m_retryAfter->setEnabled(m_effect->currentData().toString() == QLatin1String("error:rate-limited"));
    const int when = m_when->currentData().toInt();
    m_times->setVisible(when == NextCalls);
    m_percent->setVisible(when == Percent);
}

void FaultsPage::refresh()
{
    QPointer<FaultsPage> self(this);
    admin()->get(QStringLiteral("faults"), {}, [self](const MockAdminReply& reply) {
        if (!self)
            return;
        if (self->showFailure(reply))
            return;
        self->m_lastList = reply.json;
        const QString selected = self->m_view->currentIndex().data(JsonRecordModel::IdRole).toString();
        self->m_model->setRecords(reply.json.value(QLatin1String("rules")).toArray());
        const int row = self->m_model->rowOf(selected);
        if (row >= 0)
            self->m_view->setCurrentIndex(self->m_model->index(row, 0));
        if (!self->m_seed->hasFocus())
            self->m_seed->setText(reply.json.value(QLatin1String("seed")).toVariant().toString());
    });
}

void FaultsPage::afterChange(const QString& done, bool ok, const QString& error)
{
    if (ok)
        setStatus(done, StatusStyle::Tone::Success);
    else
        setStatus(error, StatusStyle::Tone::Error); // the form keeps what was chosen
    markStale();
}

void FaultsPage::addRule()
{
    QPointer<FaultsPage> self(this);
    const QJsonObject rule = formRule();
    admin()->post(QStringLiteral("faults"), rule, [self](const MockAdminReply& reply) {
        if (self)
            self->afterChange(
                tr("Rule %1 added.").arg(reply.json.value(QLatin1String("id")).toString()), reply.ok(), reply.error);
    });
}

void FaultsPage::removeSelected()
{
    const QString id = m_view->currentIndex().data(JsonRecordModel::IdRole).toString();
    if (id.isEmpty())
        return;
    QPointer<FaultsPage> self(this);
    admin()->remove(QStringLiteral("faults/") + id, [self, id](const MockAdminReply& reply) {
        if (self)
            self->afterChange(tr("Rule %1 removed.").arg(id), reply.ok(), reply.error);
    });
}

void FaultsPage::clearRules()
{
    QPointer<FaultsPage> self(this);
    admin()->remove(QStringLiteral("faults"), [self](const MockAdminReply& reply) {
        if (self)
            self->afterChange(tr("Every rule cleared."), reply.ok(), reply.error);
    });
}

void FaultsPage::applySeed()
{
    if (!m_seed->hasAcceptableInput()) {
        setStatus(tr("The seed must be a whole number of up to 19 digits."), StatusStyle::Tone::Error);
        return;
    }
    // Re-seeding keeps the rules: PUT them back as listed, with the new seed.
    QJsonObject body;
    body.insert(QLatin1String("seed"), m_seed->text()); // a string: 64-bit seeds do not fit a double
    QJsonArray rules;
    for (const QJsonValue& v : m_lastList.value(QLatin1String("rules")).toArray()) {
        QJsonObject rule = v.toObject();
        for (const char* readOnly : {"id", "hits", "remaining"})
            rule.remove(QLatin1String(readOnly));
        rules.append(rule);
    }
    body.insert(QLatin1String("rules"), rules);
    QPointer<FaultsPage> self(this);
    const QString seed = m_seed->text();
    admin()->put(QStringLiteral("faults"),
        QJsonDocument(body).toJson(QJsonDocument::Compact),
        [self, seed](const MockAdminReply& reply) {
            if (self)
                self->afterChange(tr("Seed %1 applied; the rules start over.").arg(seed), reply.ok(), reply.error);
        });
}
