#include "ProfileEditDialog.h"

#include "ShowTokenButton.h"

#include "ExtraCa.h"
#include "OidcClient.h"
#include "ProfileStore.h"
#include "SecretStore.h"
#include "UiLogging.h"
#include "ZitadelClient.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

using Tone = StatusStyle::Tone;

namespace
{
std::optional<QString>& nextCaFileName() // see setNextCaFileName
{
    static std::optional<QString> name;
    return name;
}
} // namespace

ProfileEditDialog::ProfileEditDialog(const ProfileStore* store, const ConnectionProfile& profile, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_original(profile)
    , m_client(new ZitadelClient(this))
    , m_oidc(new OidcClient(m_client, this))
{
    Q_ASSERT(m_store);
    buildUi();
    m_nameEdit->setText(profile.name);
    m_urlEdit->setText(profile.baseUrl.toString());
    (profile.signsIn() ? m_signInRadio : m_tokenRadio)->setChecked(true);
    m_clientIdEdit->setText(profile.clientId);
    updateCredentialRows();
    {
        const QSignalBlocker quiet(m_allowPlainHttp); // loading is not editing
        m_allowPlainHttp->setChecked(profile.allowPlainHttp);
    }
    m_orgEdit->setText(profile.defaultOrganizationId);
    m_caEdit->setText(profile.extraCaFile);
    updatePlainHttpBox();
    revalidate();
    // A saved CA file may have been moved or have expired since: say so at once.
    if (!isNewProfile() && !profile.extraCaFile.isEmpty())
        checkCaFile();
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
    m_showTokenButton = createShowTokenButton(m_tokenEdit);
    auto* tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_tokenEdit, 1);
    tokenRow->addWidget(m_showTokenButton);

    m_orgEdit = new QLineEdit(this);
    m_orgEdit->setObjectName(QStringLiteral("orgEdit"));
    m_orgEdit->setPlaceholderText(tr("Optional, e.g. 312908912355508120"));

    // A grid rather than a QFormLayout: Qt 6.4's form layout gets the height of wrapped text
    // wrong (it measures it at a stale width), and the warnings below wrap. Hidden rows take
    // no space.
    m_form = new QGridLayout;
    m_form->setColumnStretch(1, 1);
    addFormRow(tr("&Name:"), m_nameEdit, m_nameEdit);
    addFormRow(tr("Instance &URL:"), m_urlEdit, m_urlEdit);
    buildPlainHttpRows();
    buildCredentialRows();
    m_tokenLabel = addFormRow(tr("Personal access &token:"), tokenRow, m_tokenEdit);
    m_clientIdLabel = addFormRow(tr("&Client ID:"), m_clientIdEdit, m_clientIdEdit);
    addFormRow(QString(), m_clientIdHelp);
    addFormRow(tr("Default &organization id:"), m_orgEdit, m_orgEdit);
    buildCaRows();

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
    layout->addLayout(m_form);
    layout->addWidget(m_validationLabel);
    layout->addLayout(testRow);
    layout->addStretch(1);
    layout->addWidget(m_buttonBox);
    setMinimumWidth(520);

    // Problems are shown once the user started typing, not on an untouched new form.
    for (QLineEdit* edit : {m_nameEdit, m_urlEdit, m_tokenEdit, m_clientIdEdit, m_orgEdit}) {
        connect(edit, &QLineEdit::textEdited, this, [this] {
            m_edited = true;
            revalidate(); // textChanged may have come first, while m_edited was still false
        });
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditDialog::revalidate);
    }
    for (QLineEdit* edit : {m_urlEdit, m_tokenEdit, m_clientIdEdit, m_orgEdit, m_caEdit})
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditDialog::testInputChanged);
    connect(m_urlEdit, &QLineEdit::textChanged, this, &ProfileEditDialog::updatePlainHttpBox);
    connect(m_allowPlainHttp, &QCheckBox::toggled, this, [this] {
        m_edited = true;
        revalidate();
        testInputChanged();
    });
    // What the CA problem said was about the old text.
    connect(m_caEdit, &QLineEdit::textChanged, this, [this] { showCaProblem(QString()); });
    connect(m_caEdit, &QLineEdit::editingFinished, this, [this] {
        if (!m_caEdit->text().trimmed().isEmpty())
            checkCaFile();
    });
    connect(m_testButton, &QPushButton::clicked, this, &ProfileEditDialog::startOrCancelTest);
}

void ProfileEditDialog::buildCredentialRows()
{
    m_tokenRadio = new QRadioButton(tr("Personal access &token of a service user"), this);
    m_tokenRadio->setObjectName(QStringLiteral("tokenCredentialRadio"));
    m_tokenRadio->setToolTip(tr("Every call is made as the service user the token belongs to"));
    m_signInRadio = new QRadioButton(tr("Sign in with &ZITADEL as yourself"), this);
    m_signInRadio->setObjectName(QStringLiteral("signInCredentialRadio"));
    m_signInRadio->setToolTip(tr("You sign in in your browser with your own account; every call is made as you, "
                                 "with your roles"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_tokenRadio);
    group->addButton(m_signInRadio);
    auto* choice = new QVBoxLayout;
    choice->setSpacing(2);
    choice->addWidget(m_tokenRadio);
    choice->addWidget(m_signInRadio);
    addFormRow(tr("Credential:"), choice, m_tokenRadio);

    m_clientIdEdit = new QLineEdit(this);
    m_clientIdEdit->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientIdEdit->setPlaceholderText(tr("e.g. 312909075212468632@verifydesk"));
    m_clientIdHelp = new QLabel(tr("The client ID of a <b>Native</b> application in ZITADEL whose redirect URIs "
                                   "include <tt>http://127.0.0.1/callback</tt>. Your browser opens to sign in; the "
                                   "sign-in is kept in the system keychain and renews itself."),
        this);
    m_clientIdHelp->setObjectName(QStringLiteral("clientIdHelpLabel"));
    m_clientIdHelp->setTextFormat(Qt::RichText);
    m_clientIdHelp->setWordWrap(true);
    QFont small = m_clientIdHelp->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_clientIdHelp->setFont(small);
    m_clientIdHelp->setForegroundRole(QPalette::PlaceholderText);

    connect(m_signInRadio, &QRadioButton::toggled, this, [this] {
        m_edited = true;
        updateCredentialRows();
        revalidate();
        testInputChanged();
    });
}

void ProfileEditDialog::updateCredentialRows()
{
    // Hidden, not cleared: switching back and forth loses nothing typed.
    const bool signIn = m_signInRadio->isChecked();
    for (QWidget* w : {static_cast<QWidget*>(m_tokenLabel),
             static_cast<QWidget*>(m_tokenEdit),
             static_cast<QWidget*>(m_showTokenButton)}) {
        if (w)
            w->setVisible(!signIn);
    }
    for (QWidget* w : {static_cast<QWidget*>(m_clientIdLabel),
             static_cast<QWidget*>(m_clientIdEdit),
             static_cast<QWidget*>(m_clientIdHelp)}) {
        if (w)
            w->setVisible(signIn);
    }
    fitHeight();
}

bool ProfileEditDialog::tokenRequired() const
{
    // A new token connection, or one that signed in until now, has no stored token to keep.
    return isNewProfile() || m_original.signsIn();
}

void ProfileEditDialog::buildPlainHttpRows()
{
    m_plainHttpWarning = new QLabel(tr("<b>This address is not encrypted.</b> With plain http:// the personal "
                                       "access token (or the sign-in's codes and tokens), and the names, email "
                                       "addresses, phone numbers and codes of "
                                       "your users, cross the network in clear text: anyone on the way can read "
                                       "them and use the token. Use https:// unless this is a test server on a "
                                       "network you trust."),
        this);
    m_plainHttpWarning->setObjectName(QStringLiteral("plainHttpWarning"));
    m_plainHttpWarning->setTextFormat(Qt::RichText);
    m_plainHttpWarning->setWordWrap(true);
    StatusStyle::applyTextTone(m_plainHttpWarning, Tone::Warning);
    m_allowPlainHttp = new QCheckBox(tr("&Allow plain http:// for this connection anyway"), this);
    m_allowPlainHttp->setObjectName(QStringLiteral("allowPlainHttpCheck"));
    m_allowPlainHttp->setToolTip(
        tr("Only for a server you control on a trusted network. Connections on this computer (localhost) never "
           "need this."));
    // Under the URL they are about, in the field column.
    addFormRow(QString(), m_plainHttpWarning);
    addFormRow(QString(), m_allowPlainHttp);
    m_plainHttpWarning->hide();
    m_allowPlainHttp->hide();
}

void ProfileEditDialog::buildCaRows()
{
    const QString why = tr("Only needed when the server's certificate is signed by a certificate authority your "
                           "system does not know, such as your company's own CA. It is trusted in addition to the "
                           "system's CAs, for this connection only. There is deliberately no option to ignore "
                           "certificate errors: a connection that cannot be verified may be someone else "
                           "receiving your token.");
    m_caEdit = new QLineEdit(this);
    m_caEdit->setObjectName(QStringLiteral("caFileEdit"));
    m_caEdit->setPlaceholderText(tr("Optional: a PEM or DER file"));
    m_caEdit->setToolTip(why);
    auto* browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseCaButton"));
    browse->setAutoDefault(false);
    browse->setToolTip(tr("Choose the CA certificate file"));
    connect(browse, &QPushButton::clicked, this, &ProfileEditDialog::browseForCaFile);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_caEdit, 1);
    fileRow->addWidget(browse);

    m_caProblemLabel = new QLabel(this);
    m_caProblemLabel->setObjectName(QStringLiteral("caProblemLabel"));
    m_caProblemLabel->setWordWrap(true);
    m_caProblemLabel->setTextFormat(Qt::PlainText); // holds a file name
    m_caProblemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    StatusStyle::applyTextTone(m_caProblemLabel, Tone::Error);

    auto* help = new QLabel(tr("For a server signed by your own CA. Certificate errors are never ignored."), this);
    help->setObjectName(QStringLiteral("caHelpLabel"));
    help->setWordWrap(true);
    help->setToolTip(why);
    QFont small = help->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    help->setFont(small);
    help->setForegroundRole(QPalette::PlaceholderText);

    addFormRow(tr("Extra &CA certificate:"), fileRow, m_caEdit)->setToolTip(why);
    addFormRow(QString(), m_caProblemLabel);
    addFormRow(QString(), help);
    m_caProblemLabel->hide();
}

QLabel* ProfileEditDialog::addFormLabel(int row, const QString& labelText, QWidget* buddy)
{
    if (labelText.isEmpty())
        return nullptr;
    auto* label = new QLabel(labelText, this);
    label->setBuddy(buddy);
    m_form->addWidget(label, row, 0);
    return label;
}

QLabel* ProfileEditDialog::addFormRow(const QString& labelText, QLayout* field, QWidget* buddy)
{
    const int row = m_form->rowCount();
    QLabel* label = addFormLabel(row, labelText, buddy);
    m_form->addLayout(field, row, 1);
    return label;
}

QLabel* ProfileEditDialog::addFormRow(const QString& labelText, QWidget* field, QWidget* buddy)
{
    const int row = m_form->rowCount();
    QLabel* label = addFormLabel(row, labelText, buddy);
    m_form->addWidget(field, row, 1);
    return label;
}

void ProfileEditDialog::setNextCaFileName(const QString& fileName)
{
    nextCaFileName() = fileName;
}

void ProfileEditDialog::browseForCaFile()
{
    if (std::optional<QString>& seeded = nextCaFileName()) {
        const QString name = *seeded;
        seeded.reset();
        setCaFile(name);
        return;
    }
    const QString current = m_caEdit->text().trimmed();
    // Window-modal, without a nested event loop; the answer arrives through fileSelected.
    auto* dialog = new QFileDialog(this,
        tr("Choose the CA certificate"),
        current.isEmpty() ? QString() : QFileInfo(current).absolutePath(),
        tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
    dialog->setObjectName(QStringLiteral("caFileDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &ProfileEditDialog::setCaFile);
    dialog->open();
}

void ProfileEditDialog::setCaFile(const QString& fileName)
{
    if (fileName.isEmpty())
        return; // cancelled: the field keeps what it had
    m_caEdit->setText(QDir::toNativeSeparators(fileName));
    m_edited = true;
    checkCaFile();
}

std::optional<QList<QSslCertificate>> ProfileEditDialog::checkCaFile()
{
    const QString path = m_caEdit->text().trimmed();
    if (path.isEmpty()) {
        showCaProblem(QString());
        return QList<QSslCertificate>();
    }
    QString problem;
    const QList<QSslCertificate> certificates = ExtraCa::load(path, &problem);
    if (certificates.isEmpty()) {
        showCaProblem(problem.isEmpty() ? tr("The CA file %1 cannot be used.").arg(path) : problem);
        return std::nullopt;
    }
    showCaProblem(QString());
    return certificates;
}

void ProfileEditDialog::showCaProblem(const QString& text)
{
    m_caProblemLabel->setText(text);
    m_caProblemLabel->setVisible(!text.isEmpty());
    fitHeight();
}

void ProfileEditDialog::fitHeight()
{
    // A top-level window does not grow by itself when wrapped text appears in it; without this
    // the rows below would be squeezed over each other.
    if (!isVisible())
        return;
    layout()->activate();
    const int needed =
        layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void ProfileEditDialog::updatePlainHttpBox()
{
    const bool plain = ProfileStore::isPlainHttpToOtherHost(QUrl(m_urlEdit->text().trimmed()));
    if (!plain && m_allowPlainHttp->isChecked()) {
        // https or this computer now: an earlier choice must be made again if it comes back.
        const QSignalBlocker quiet(m_allowPlainHttp);
        m_allowPlainHttp->setChecked(false);
    }
    m_plainHttpWarning->setVisible(plain);
    m_allowPlainHttp->setVisible(plain);
    revalidate();
    fitHeight();
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
    p.extraCaFile = m_caEdit->text().trimmed();
    // Only a choice about the address it was made for.
    p.allowPlainHttp = m_allowPlainHttp->isChecked() && ProfileStore::isPlainHttpToOtherHost(p.baseUrl);
    p.credential = m_signInRadio->isChecked() ? ConnectionProfile::Credential::SignIn
                                              : ConnectionProfile::Credential::PersonalAccessToken;
    p.clientId = p.signsIn() ? m_clientIdEdit->text().trimmed() : QString();
    return p;
}

QString ProfileEditDialog::token() const
{
    return m_signInRadio->isChecked() ? QString() : m_tokenEdit->text();
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
    const ConnectionProfile p = profile();
    if (auto problem = m_store->validate(p))
        return problem;
    if (p.signsIn())
        return std::nullopt;
    return tokenProblem(token(), tokenRequired());
}

void ProfileEditDialog::revalidate()
{
    const auto p = problem();
    m_buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!p);
    // An existing profile that no longer validates (edited by hand) is explained at once.
    const bool show = p && (m_edited || !isNewProfile());
    m_validationLabel->setText(show ? *p : QString());
    m_validationLabel->setVisible(show);
    fitHeight();
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
    // The same rules as saving: in particular no token over plain http to another machine
    // unless the person ticked that they want exactly that.
    if (auto problem = ProfileStore::baseUrlProblem(p.baseUrl, p.allowPlainHttp)) {
        showTestResult(*problem, Tone::Error);
        return;
    }
    if (auto problem = ProfileStore::organizationIdProblem(p.defaultOrganizationId)) {
        showTestResult(*problem, Tone::Error);
        return;
    }
    const auto cas = checkCaFile();
    if (!cas) {
        showTestResult(tr("Not tested: the extra CA certificate cannot be used (see above)."), Tone::Error);
        return;
    }
    if (p.signsIn()) {
        if (auto problem = ProfileStore::clientIdProblem(m_clientIdEdit->text())) {
            showTestResult(*problem, Tone::Error);
            return;
        }
        startSignInTest(p.baseUrl, *cas);
        return;
    }
    const QString typed = token();
    if (!typed.isEmpty()) {
        if (auto problem = tokenProblem(typed, true)) {
            showTestResult(*problem, Tone::Error);
            return;
        }
        startTest(p.baseUrl, typed, p.defaultOrganizationId, *cas);
        return;
    }
    if (tokenRequired() || !m_secrets) {
        showTestResult(tr("Enter the personal access token to test the connection."), Tone::Error);
        return;
    }
    // Editing with the token field left empty: test with the stored token.
    setBusy(true);
    const quint64 generation = ++m_testGeneration;
    QPointer<ProfileEditDialog> self(this);
    m_secrets->read(m_original.secretKey(), [self, generation, p, cas = *cas](const SecretResult& r) {
        if (!self || generation != self->m_testGeneration)
            return;
        if (r.status == SecretResult::Status::Ok) {
            self->startTest(p.baseUrl, r.secret, p.defaultOrganizationId, cas);
            return;
        }
        self->setBusy(false);
        const QString why = r.message.isEmpty() ? tr("No token is stored for this connection.") : r.message;
        self->showTestResult(why + QLatin1Char(' ') + tr("Enter the token to test the connection."), Tone::Error);
    });
}

void ProfileEditDialog::startTest(
    const QUrl& url, const QString& token, const QString& organizationId, const QList<QSslCertificate>& cas)
{
    if (auto problem = m_client->setBaseUrl(url)) {
        setBusy(false);
        showTestResult(*problem, Tone::Error);
        return;
    }
    m_client->setToken(token);
    m_client->setExtraCaCertificates(cas);
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

void ProfileEditDialog::startSignInTest(const QUrl& url, const QList<QSslCertificate>& cas)
{
    // What can be checked without a browser: the instance offers a sign-in this app can use.
    // The client ID is ZITADEL's to judge, in the browser, when signing in.
    m_client->setExtraCaCertificates(cas);
    m_client->setTimeout(m_testTimeoutMs);
    setBusy(true);
    const quint64 generation = ++m_testGeneration;
    QPointer<ProfileEditDialog> self(this);
    m_oidc->discover(url, [self, generation](const Result<OidcConfiguration>& r) {
        if (!self || generation != self->m_testGeneration)
            return;
        self->setBusy(false);
        const QString message = r.ok()
            ? tr("The instance offers sign-in (%1). The client ID is checked when you sign in.")
                  .arg(r.value->issuer.toDisplayString())
            : (r.error.sentence.isEmpty() ? r.error.summary() : r.error.sentence);
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
    fitHeight();
}

void ProfileEditDialog::done(int result)
{
    // OK is enabled only without problem(); the CA file is read now, as it will be when
    // connecting, and a bad one keeps the dialog open with everything typed.
    if (result == QDialog::Accepted && (problem() || !checkCaFile()))
        return;
    if (m_testing)
        cancelTest();
    QDialog::done(result);
}
