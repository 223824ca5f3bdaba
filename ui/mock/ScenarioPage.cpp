#include "ScenarioPage.h"

#include "MockAdminClient.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QVBoxLayout>

namespace
{
constexpr quint16 DefaultExposePort = 8089;
constexpr qint64 MaxSeedFileBytes = 64 * 1024 * 1024;
} // namespace

ScenarioPage::ScenarioPage(MockAdminClient* admin, QWidget* parent)
    : MockPage(admin, parent)
    , m_url(new QLabel(this))
    , m_token(new QLineEdit(this))
    , m_showToken(new QPushButton(tr("Show"), this))
    , m_copyToken(new QPushButton(tr("Copy"), this))
    , m_curl(new QLabel(this))
    , m_copyCurl(new QPushButton(tr("Copy"), this))
    , m_port(new QSpinBox(this))
    , m_expose(new QPushButton(tr("Expose"), this))
    , m_exposed(new QLabel(this))
    , m_reset(new QPushButton(tr("Reset to the seed"), this))
    , m_load(new QPushButton(tr("Load seed file…"), this))
    , m_save(new QPushButton(tr("Save state…"), this))
    , m_users(new QSpinBox(this))
    , m_generate(new QPushButton(tr("Generate"), this))
    , m_lifetime(new QSpinBox(this))
    , m_applyLifetime(new QPushButton(tr("Apply"), this))
{
    m_url->setObjectName(QStringLiteral("mockUrl"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_token->setObjectName(QStringLiteral("adminToken"));
    m_token->setReadOnly(true);
    m_token->setEchoMode(QLineEdit::Password);
    m_showToken->setObjectName(QStringLiteral("showAdminToken"));
    m_showToken->setCheckable(true);
    m_copyToken->setObjectName(QStringLiteral("copyAdminToken"));
    m_curl->setObjectName(QStringLiteral("curlExample"));
    m_curl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_curl->setWordWrap(true);
    m_copyCurl->setObjectName(QStringLiteral("copyCurl"));
    m_copyCurl->setToolTip(tr("Copies the export of the admin token and the command, ready for a shell."));
    m_port->setObjectName(QStringLiteral("exposePort"));
    m_port->setRange(1024, 65535);
    m_port->setValue(DefaultExposePort);
    m_expose->setObjectName(QStringLiteral("exposeButton"));
    m_exposed->setObjectName(QStringLiteral("exposedUrl"));
    m_exposed->setWordWrap(true);
    m_exposed->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reset->setObjectName(QStringLiteral("resetState"));
    m_load->setObjectName(QStringLiteral("loadState"));
    m_save->setObjectName(QStringLiteral("saveState"));
    m_users->setObjectName(QStringLiteral("generateUsers"));
    m_users->setRange(0, 1000000);
    m_users->setSingleStep(1000);
    m_users->setGroupSeparatorShown(true);
    m_users->setSuffix(tr(" users per organization"));
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_lifetime->setObjectName(QStringLiteral("codeLifetime"));
    m_lifetime->setRange(1, 30 * 86400);
    m_lifetime->setSuffix(tr(" s"));
    m_lifetime->setValue(3600); // ZITADEL's default, until the mock says otherwise
    m_applyLifetime->setObjectName(QStringLiteral("applyCodeLifetime"));

    auto* server = new QGroupBox(tr("Server"), this);
    auto* serverForm = new QFormLayout(server);
    serverForm->addRow(tr("Listening on:"), m_url);
    auto* tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_showToken);
    tokenRow->addWidget(m_copyToken);
    serverForm->addRow(tr("Admin token:"), tokenRow);
    auto* exposeRow = new QHBoxLayout;
    exposeRow->addWidget(new QLabel(QStringLiteral("127.0.0.1:"), this));
    exposeRow->addWidget(m_port);
    exposeRow->addWidget(m_expose);
    exposeRow->addStretch(1);
    serverForm->addRow(tr("Fixed port:"), exposeRow);
    serverForm->addRow(QString(), m_exposed);
    auto* curlRow = new QHBoxLayout;
    curlRow->addWidget(m_curl, 1);
    curlRow->addWidget(m_copyCurl, 0, Qt::AlignTop);
    serverForm->addRow(tr("Try:"), curlRow);

    auto* state = new QGroupBox(tr("State"), this);
    auto* stateForm = new QFormLayout(state);
    auto* stateRow = new QHBoxLayout;
    stateRow->addWidget(m_reset);
    stateRow->addWidget(m_load);
    stateRow->addWidget(m_save);
    stateRow->addStretch(1);
    stateForm->addRow(tr("Scenario:"), stateRow);
    auto* generateRow = new QHBoxLayout;
    generateRow->addWidget(m_users);
    generateRow->addWidget(m_generate);
    generateRow->addStretch(1);
    stateForm->addRow(tr("Large organizations:"), generateRow);
    auto* lifetimeRow = new QHBoxLayout;
    lifetimeRow->addWidget(m_lifetime);
    lifetimeRow->addWidget(m_applyLifetime);
    lifetimeRow->addStretch(1);
    stateForm->addRow(tr("Codes expire after:"), lifetimeRow);

    auto* columns = new QHBoxLayout;
    columns->addWidget(server, 1);
    columns->addWidget(state, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(makeStatusLabel());
    layout->addStretch(1);

    connect(m_showToken, &QPushButton::toggled, this, [this](bool shown) {
        m_token->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showToken->setText(shown ? tr("Hide") : tr("Show"));
    });
    connect(m_copyToken, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_token->text());
        setStatus(tr("Admin token copied."));
    });
    connect(m_copyCurl, &QPushButton::clicked, this, [this] {
        // Ready to paste into a shell: the token goes into the variable the command uses.
        QApplication::clipboard()->setText(
            QStringLiteral("export VD_MOCK_ADMIN_TOKEN='%1'\n%2").arg(m_token->text(), m_curl->text()));
        setStatus(tr("Command copied."));
    });
    connect(m_expose, &QPushButton::clicked, this, [this] {
        if (m_exposedUrl.isValid()) {
            emit unexposeRequested();
        } else {
            m_exposed->setText(tr("Opening port %1…").arg(m_port->value()));
            emit exposeRequested(quint16(m_port->value()));
        }
    });
    connect(m_reset, &QPushButton::clicked, this, [this] {
        post(QStringLiteral("reset"), {}, tr("The mock is back at its seed; the outbox is empty."));
    });
    connect(m_generate, &QPushButton::clicked, this, [this] {
        post(QStringLiteral("generate"),
            QJsonObject {{QStringLiteral("usersPerOrg"), m_users->value()}},
            tr("%L1 users generated in every organization.").arg(m_users->value()));
    });
    connect(m_applyLifetime, &QPushButton::clicked, this, [this] {
        QPointer<ScenarioPage> self(this);
        const QJsonObject body {{QStringLiteral("codeLifetimeSeconds"), m_lifetime->value()}};
        this->admin()->put(QStringLiteral("settings"),
            QJsonDocument(body).toJson(QJsonDocument::Compact),
            [self](const MockAdminReply& reply) {
                if (!self)
                    return;
                if (reply.ok())
                    self->setStatus(tr("New codes now expire after %1 seconds.")
                                        .arg(reply.json.value(QLatin1String("codeLifetimeSeconds")).toInt()),
                        StatusStyle::Tone::Success);
                else
                    self->setStatus(reply.error, StatusStyle::Tone::Error);
            });
    });
    connect(m_load, &QPushButton::clicked, this, [this] { chooseFile(false); });
    connect(m_save, &QPushButton::clicked, this, [this] { chooseFile(true); });
    setServer(QUrl(), QString());
}

void ScenarioPage::setServer(const QUrl& url, const QString& adminToken)
{
    m_serverUrl = url;
    m_url->setText(url.isValid() ? url.toString() : tr("not running"));
    m_token->setText(adminToken);
    for (QWidget* w : std::initializer_list<QWidget*> {
             m_copyToken, m_showToken, m_expose, m_reset, m_load, m_save, m_generate, m_applyLifetime, m_copyCurl})
        w->setEnabled(url.isValid());
    updateCurl();
    if (url.isValid())
        markStale();
}

void ScenarioPage::setExposed(const QUrl& url)
{
    m_exposedUrl = url;
    m_expose->setText(url.isValid() ? tr("Stop") : tr("Expose"));
    m_port->setEnabled(!url.isValid());
    m_exposed->setText(url.isValid()
            ? tr("Also listening on %1 for curl, Postman or your own login page.").arg(url.toString())
            : QString());
    StatusStyle::applyTextTone(m_exposed, StatusStyle::Tone::Neutral);
    updateCurl();
}

void ScenarioPage::setExposeFailed(const QString& sentence)
{
    setExposed(QUrl());
    m_exposed->setText(sentence);
    StatusStyle::applyTextTone(m_exposed, StatusStyle::Tone::Error);
}

void ScenarioPage::setExposePort(quint16 port)
{
    if (port >= m_port->minimum())
        m_port->setValue(port);
}

quint16 ScenarioPage::exposePort() const
{
    return quint16(m_port->value());
}

void ScenarioPage::updateCurl()
{
    const QUrl base = m_exposedUrl.isValid() ? m_exposedUrl : m_serverUrl;
    if (!base.isValid()) {
        m_curl->clear();
        return;
    }
    // The token itself stays out of the visible line: it is copied separately.
    m_curl->setText(QStringLiteral("curl -s -H \"Authorization: Bearer $VD_MOCK_ADMIN_TOKEN\" %1/_mock/outbox")
                        .arg(base.toString(QUrl::StripTrailingSlash)));
}

void ScenarioPage::refresh()
{
    QPointer<ScenarioPage> self(this);
    admin()->get(QStringLiteral("settings"), {}, [self](const MockAdminReply& reply) {
        if (!self || !reply.ok())
            return;
        const QJsonValue lifetime = reply.json.value(QLatin1String("codeLifetimeSeconds"));
        if (lifetime.isDouble() && !self->m_lifetime->hasFocus())
            self->m_lifetime->setValue(lifetime.toInt());
        const QJsonValue users = reply.json.value(QLatin1String("usersPerOrg"));
        if (!users.isUndefined() && !self->m_users->hasFocus())
            self->m_users->setValue(users.toVariant().toInt());
    });
}

void ScenarioPage::post(const QString& path, const QJsonObject& body, const QString& done)
{
    setStatus(tr("Working…"));
    QPointer<ScenarioPage> self(this);
    admin()->post(path, body, [self, done](const MockAdminReply& reply) {
        if (!self)
            return;
        if (self->showFailure(reply))
            return;
        self->setStatus(done, StatusStyle::Tone::Success);
        self->markStale();
        emit self->stateReplaced();
    });
}

void ScenarioPage::chooseFile(bool save)
{
    // open(), not exec(): no nested event loop (DESIGN.md).
    auto* dialog = new QFileDialog(this,
        save ? tr("Save the mock's state") : tr("Load a seed file"),
        QString(),
        tr("Seed files (*.json);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    dialog->setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, save](const QString& path) {
        if (save)
            saveStateTo(path);
        else
            loadStateFrom(path);
    });
    dialog->open();
}

void ScenarioPage::saveStateTo(const QString& path)
{
    setStatus(tr("Saving…"));
    QPointer<ScenarioPage> self(this);
    admin()->get(QStringLiteral("state"), {}, [self, path](const MockAdminReply& reply) {
        if (!self)
            return;
        if (self->showFailure(reply))
            return;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(reply.body) != reply.body.size() || !file.commit()) {
            self->setStatus(tr("Could not write %1: %2").arg(path, file.errorString()), StatusStyle::Tone::Error);
            return;
        }
        self->setStatus(tr("State saved to %1.").arg(path), StatusStyle::Tone::Success);
    });
}

void ScenarioPage::loadStateFrom(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setStatus(tr("Could not open %1: %2").arg(path, file.errorString()), StatusStyle::Tone::Error);
        return;
    }
    if (file.size() > MaxSeedFileBytes) {
        setStatus(tr("%1 is larger than 64 MB; that is not a seed file.").arg(path), StatusStyle::Tone::Error);
        return;
    }
    setStatus(tr("Loading…"));
    QPointer<ScenarioPage> self(this);
    admin()->put(QStringLiteral("state"), file.readAll(), [self, path](const MockAdminReply& reply) {
        if (!self)
            return;
        if (!reply.ok()) {
            // The mock names the problem (e.g. which field of the seed is wrong).
            self->setStatus(tr("%1 was not loaded: %2").arg(path, reply.error), StatusStyle::Tone::Error);
            return;
        }
        self->setStatus(tr("Loaded %1; the outbox is empty.").arg(path), StatusStyle::Tone::Success);
        self->markStale();
        emit self->stateReplaced();
    });
}
