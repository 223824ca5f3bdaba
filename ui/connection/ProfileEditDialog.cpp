#include "ProfileEditDialog.h"

#include "ProfileStore.h"
#include "SecretStore.h"
#include "UiLogging.h"
#include "ZitadelClient.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

using Tone = StatusStyle::Tone;

ProfileEditDialog::ProfileEditDialog(const ProfileStore* store, const ConnectionProfile& profile, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_original(profile)
    , m_client(new ZitadelClient(this))
{
    Q_ASSERT(m_store);
    buildUi();
    m_nameEdit->setText(profile.name);
    m_urlEdit->setText(profile.baseUrl.toString());
    m_orgEdit->setText(profile.defaultOrganizationId);
    revalidate();
}

ProfileEditDialog::~ProfileEditDialog()
{
    cancelTest();
}

void ProfileEditDialog::buildUi()
{
    setWindowTitle(isNewProfile() ? tr("New connection") : tr("Edit connection"));

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setPlaceholderText(tr("e.g. Production"));

    m_urlEdit = new QLineEdit(this);
    m_urlEdit->setObjectName(QStringLiteral("urlEdit"));
    m_urlEdit->setPlaceholderText(QStringLiteral("https://acme.zitadel.cloud"));

    m_tokenEdit = new QLineEdit(this);
    m_tokenEdit->setObjectName(QStringLiteral("tokenEdit"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setPlaceholderText(
        isNewProfile() ? tr("Personal access token of a service user") : tr("Stored — leave empty to keep"));
    // A tool button rather than an icon inside the field: it needs no icon theme and says
    // what it does.
    m_showTokenAction = new QAction(tr("Show"), this);
    m_showTokenAction->setObjectName(QStringLiteral("showTokenAction"));
    m_showTokenAction->setCheckable(true);
    m_showTokenAction->setToolTip(tr("Show or hide the token"));
    connect(m_showTokenAction, &QAction::toggled, this, [this](bool shown) {
        m_tokenEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showTokenAction->setText(shown ? tr("Hide") : tr("Show"));
    });
    auto* showTokenButton = new QToolButton(this);
    showTokenButton->setObjectName(QStringLiteral("showTokenButton"));
    showTokenButton->setDefaultAction(m_showTokenAction);
    auto* tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_tokenEdit, 1);
    tokenRow->addWidget(showTokenButton);

    m_orgEdit = new QLineEdit(this);
    m_orgEdit->setObjectName(QStringLiteral("orgEdit"));
    m_orgEdit->setPlaceholderText(tr("Optional, e.g. 312908912355508120"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("Instance &URL:"), m_urlEdit);
    form->addRow(tr("Personal access &token:"), tokenRow);
    form->addRow(tr("Default &organization id:"), m_orgEdit);

    m_validationLabel = new QLabel(this);
    m_validationLabel->setObjectName(QStringLiteral("validationLabel"));
    m_validationLabel->setWordWrap(true);
    m_validationLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    StatusStyle::applyTextTone(m_validationLabel, Tone::Error);
    m_validationLabel->hide();

    m_testButton = new QPushButton(tr("Test connection"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testButton->setAutoDefault(false); // Enter in a field means OK, not "test"
    m_testResultLabel = new QLabel(this);
    m_testResultLabel->setObjectName(QStringLiteral("testResultLabel"));
    m_testResultLabel->setWordWrap(true);
    m_testResultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResultLabel, 1);

    m_buttonBox = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttonBox->setObjectName(QStringLiteral("buttonBox"));
    connect(m_buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_validationLabel);
    layout->addLayout(testRow);
    layout->addStretch(1);
    layout->addWidget(m_buttonBox);
    setMinimumWidth(460);

    // Problems are shown once the user started typing, not on an untouched new form.
    for (QLineEdit* edit : {m_nameEdit, m_urlEdit, m_tokenEdit, m_orgEdit}) {
        connect(edit, &QLineEdit::textEdited, this, [this] {
            m_edited = true;
            revalidate(); // textChanged may have come first, while m_edited was still false
        });
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditDialog::revalidate);
    }
    for (QLineEdit* edit : {m_urlEdit, m_tokenEdit, m_orgEdit})
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditDialog::testInputChanged);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileEditDialog::startOrCancelTest);
}

void ProfileEditDialog::setSecretStore(SecretStore* secrets)
{
    m_secrets = secrets;
}

void ProfileEditDialog::setTestTimeout(int milliseconds)
{
    m_testTimeoutMs = milliseconds;
}

ConnectionProfile ProfileEditDialog::profile() const
{
    ConnectionProfile p;
    p.id = m_original.id;
    p.name = m_nameEdit->text().trimmed();
    p.baseUrl = QUrl(m_urlEdit->text().trimmed());
    p.defaultOrganizationId = m_orgEdit->text().trimmed();
    return p;
}

QString ProfileEditDialog::token() const
{
    return m_tokenEdit->text();
}

std::optional<QString> ProfileEditDialog::tokenProblem(const QString& token, bool required)
{
    if (token.isEmpty())
        return required ? std::optional<QString>(tr("Enter the personal access token for this connection."))
                        : std::nullopt;
    for (const QChar c : token) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return tr("The token contains spaces, line breaks or other invisible characters; paste it again "
                      "without them.");
    }
    return std::nullopt;
}

std::optional<QString> ProfileEditDialog::problem() const
{
    if (auto p = m_store->validate(profile()))
        return p;
    return tokenProblem(token(), isNewProfile());
}

void ProfileEditDialog::revalidate()
{
    const auto p = problem();
    m_buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!p);
    // An existing profile that no longer validates (edited by hand) is explained at once.
    const bool show = p && (m_edited || !isNewProfile());
    m_validationLabel->setText(show ? *p : QString());
    m_validationLabel->setVisible(show);
}

void ProfileEditDialog::testInputChanged()
{
    // A result describes the values it was made with; once they change it would mislead.
    if (m_testing)
        cancelTest();
    showTestResult(QString(), Tone::Neutral);
}

void ProfileEditDialog::startOrCancelTest()
{
    if (m_testing) {
        cancelTest();
        showTestResult(tr("The test was cancelled."), Tone::Neutral);
        return;
    }
    const ConnectionProfile p = profile();
    // The same rules as saving: in particular no token over plain http to another machine.
    if (auto problem = ProfileStore::baseUrlProblem(p.baseUrl)) {
        showTestResult(*problem, Tone::Error);
        return;
    }
    if (auto problem = ProfileStore::organizationIdProblem(p.defaultOrganizationId)) {
        showTestResult(*problem, Tone::Error);
        return;
    }
    const QString typed = token();
    if (!typed.isEmpty()) {
        if (auto problem = tokenProblem(typed, true)) {
            showTestResult(*problem, Tone::Error);
            return;
        }
        startTest(p.baseUrl, typed, p.defaultOrganizationId);
        return;
    }
    if (isNewProfile() || !m_secrets) {
        showTestResult(tr("Enter the personal access token to test the connection."), Tone::Error);
        return;
    }
    // Editing with the token field left empty: test with the stored token.
    setBusy(true);
    const quint64 generation = ++m_testGeneration;
    QPointer<ProfileEditDialog> self(this);
    m_secrets->read(m_original.secretKey(), [self, generation, p](const SecretResult& r) {
        if (!self || generation != self->m_testGeneration)
            return;
        if (r.status == SecretResult::Status::Ok) {
            self->startTest(p.baseUrl, r.secret, p.defaultOrganizationId);
            return;
        }
        self->setBusy(false);
        const QString why = r.message.isEmpty() ? tr("No token is stored for this connection.") : r.message;
        self->showTestResult(why + QLatin1Char(' ') + tr("Enter the token to test the connection."), Tone::Error);
    });
}

void ProfileEditDialog::startTest(const QUrl& url, const QString& token, const QString& organizationId)
{
    if (auto problem = m_client->setBaseUrl(url)) {
        setBusy(false);
        showTestResult(*problem, Tone::Error);
        return;
    }
    m_client->setToken(token);
    m_client->setTimeout(m_testTimeoutMs);
    setBusy(true);
    const quint64 generation = ++m_testGeneration;
    QPointer<ProfileEditDialog> self(this);
    qCDebug(lcUi) << "testing connection to" << url.toString(); // never the token
    m_client->getMyOrg(organizationId, [self, generation](const Result<Organization>& r) {
        if (!self || generation != self->m_testGeneration)
            return;
        self->m_client->setToken(QString()); // keep no copy around after the test
        self->setBusy(false);
        const QString message = r.ok() ? tr("Connected to %1 (%2)").arg(r.value->name, r.value->id) : r.error.summary();
        self->showTestResult(message, r.ok() ? Tone::Success : Tone::Error);
        Q_EMIT self->testFinished(r.ok(), message);
    });
}

void ProfileEditDialog::cancelTest()
{
    ++m_testGeneration; // first, so the answer cancelAll() may deliver at once is dropped
    m_client->cancelAll();
    m_client->setToken(QString());
    setBusy(false);
}

void ProfileEditDialog::setBusy(bool busy)
{
    m_testing = busy;
    m_testButton->setText(busy ? tr("Cancel test") : tr("Test connection"));
    if (busy)
        showTestResult(tr("Testing the connection…"), Tone::Neutral);
}

void ProfileEditDialog::showTestResult(const QString& text, Tone tone)
{
    m_testResultLabel->setText(text);
    StatusStyle::applyTextTone(m_testResultLabel, tone);
}

void ProfileEditDialog::done(int result)
{
    if (m_testing)
        cancelTest();
    QDialog::done(result);
}
