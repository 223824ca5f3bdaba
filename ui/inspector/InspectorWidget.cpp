#include "InspectorWidget.h"

#include "CurlCommand.h"
#include "ExchangeFormat.h"
#include "ExchangeHistoryModel.h"
#include "JsonColors.h"
#include "MaskedExchange.h"
#include "UiLogging.h"

#include <QAction>
#include <QButtonGroup>
#include <QClipboard>
#include <QDataStream>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIODevice>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <optional>

namespace
{
// saveState() layout: magic, version, then the fields in order. Bump the version when adding.
constexpr quint32 StateMagic = 0x56444931; // "VDI1"
constexpr quint16 StateVersion = 2; // 2 added "mask personal data" at the end; 1 is still read

std::optional<QString>& nextSaveFileName()
{
    static std::optional<QString> name;
    return name;
}

// "ResendEmailCode (v2)" -> "resendemailcode-v2", safe in any file system.
QString fileNameSlug(const QString& text)
{
    QString slug;
    for (const QChar c : text.toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            slug += c;
        else if (!slug.isEmpty() && !slug.endsWith(QLatin1Char('-')))
            slug += QLatin1Char('-');
    }
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("exchange") : slug;
}
} // namespace

InspectorWidget::InspectorWidget(QWidget* parent)
    : QWidget(parent)
    , m_model(new ExchangeHistoryModel(this))
{
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("inspectorSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(createHistoryPane());
    m_splitter->addWidget(createDetailPane());
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_history->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &InspectorWidget::showCurrent);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &InspectorWidget::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &InspectorWidget::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InspectorWidget::updateCount);

    setViewMode(ViewMode::Pretty);
    updateCount();
    showCurrent();
}

QWidget* InspectorWidget::createHistoryPane()
{
    auto* pane = new QWidget(this);

    m_count = new QLabel(pane);
    m_count->setObjectName(QStringLiteral("historyCountLabel"));
    m_clear = new QPushButton(tr("Clear history"), pane);
    m_clear->setObjectName(QStringLiteral("clearButton"));
    m_clear->setToolTip(tr("Forget every request shown here. Nothing is sent to the server."));
    connect(m_clear, &QPushButton::clicked, this, &InspectorWidget::clearHistory);

    m_maskAction = new QAction(tr("Mask personal data"), this);
    m_maskAction->setObjectName(QStringLiteral("maskPersonalDataAction"));
    m_maskAction->setCheckable(true);
    m_maskAction->setToolTip(tr("Show email addresses and phone numbers masked (d\u2022\u2022\u2022@example.com, "
                                "+41 \u2022\u2022 \u2022\u2022\u2022 \u2022\u2022 67), e.g. while sharing "
                                "your screen. Save\u2026 and Copy as cURL always mask them."));
    connect(m_maskAction, &QAction::toggled, this, &InspectorWidget::setMaskPersonalData);
    auto* mask = new QToolButton(pane);
    mask->setObjectName(QStringLiteral("maskButton"));
    mask->setDefaultAction(m_maskAction);
    mask->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_history = new QTableView(pane);
    m_history->setObjectName(QStringLiteral("historyView"));
    m_history->setModel(m_model);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setAlternatingRowColors(true);
    m_history->setShowGrid(false);
    m_history->setWordWrap(false);
    m_history->setTextElideMode(Qt::ElideMiddle); // keeps both ends of long paths readable
    m_history->setTabKeyNavigation(false);

    // Fixed row heights: the view never has to measure 2000 rows.
    QHeaderView* rows = m_history->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 6);

    QHeaderView* columns = m_history->horizontalHeader();
    // The path takes what is left, so status and duration never scroll out of sight.
    columns->setStretchLastSection(false);
    columns->setHighlightSections(false);
    const QFontMetrics fm = fontMetrics();
    const int pad = fm.horizontalAdvance(QLatin1Char('x')) * 3;
    columns->resizeSection(
        ExchangeHistoryModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + pad);
    columns->resizeSection(ExchangeHistoryModel::MethodColumn, fm.horizontalAdvance(QStringLiteral("DELETE")) + pad);
    columns->resizeSection(ExchangeHistoryModel::PathColumn,
        fm.horizontalAdvance(QStringLiteral("/zitadel.user.v2.UserService/ResendEmailCode")) + pad);
    columns->resizeSection(ExchangeHistoryModel::StatusColumn, fm.horizontalAdvance(QStringLiteral("cancelled")) + pad);
    columns->resizeSection(
        ExchangeHistoryModel::DurationColumn, fm.horizontalAdvance(QStringLiteral("10000 ms")) + pad);
    columns->resizeSection(
        ExchangeHistoryModel::OperationColumn, fm.horizontalAdvance(QStringLiteral("ResendEmailCode (v2)")) + pad);
    columns->setSectionResizeMode(ExchangeHistoryModel::PathColumn, QHeaderView::Stretch);

    auto* top = new QHBoxLayout;
    top->addWidget(m_count);
    top->addStretch(1);
    top->addWidget(mask);
    top->addWidget(m_clear);

    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_history, 1);
    return pane;
}

QWidget* InspectorWidget::createDetailPane()
{
    m_detailStack = new QStackedWidget(this);

    auto* empty = new QLabel(m_detailStack);
    empty->setObjectName(QStringLiteral("emptyStateLabel"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setEnabled(false); // the disabled palette: visibly a hint, not content
    m_detailStack->addWidget(empty);

    auto* detail = new QWidget(m_detailStack);
    m_summary = new QLabel(detail);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    // Support staff copy the error id out of this line.
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setTextFormat(Qt::PlainText);

    m_viewButtons = new QButtonGroup(detail);
    m_viewButtons->setExclusive(true);
    auto* views = new QHBoxLayout;
    views->setSpacing(0);
    views->addWidget(addViewButton(m_viewButtons, ViewMode::Pretty, QStringLiteral("prettyButton"), tr("Pretty")));
    views->addWidget(addViewButton(m_viewButtons, ViewMode::Raw, QStringLiteral("rawButton"), tr("Raw")));
    views->addWidget(addViewButton(m_viewButtons, ViewMode::Tree, QStringLiteral("treeButton"), tr("Tree")));
    connect(m_viewButtons, &QButtonGroup::idClicked, this, [this](int id) { setViewMode(ViewMode(id)); });

    m_copyBody = new QPushButton(tr("Copy body"), detail);
    m_copyBody->setObjectName(QStringLiteral("copyBodyButton"));
    m_copyBody->setToolTip(tr("Copy the body of the shown side exactly as it was sent or received, "
                              "or masked while Mask personal data is on."));
    connect(m_copyBody, &QPushButton::clicked, this, &InspectorWidget::copyBody);
    m_copyCurl = new QPushButton(tr("Copy as cURL"), detail);
    m_copyCurl->setObjectName(QStringLiteral("copyCurlButton"));
    m_copyCurl->setToolTip(tr("Copy a curl command that repeats this request, for a ticket. "
                              "It reads the token from $ZITADEL_TOKEN; email addresses and phone numbers are "
                              "masked."));
    connect(m_copyCurl, &QPushButton::clicked, this, &InspectorWidget::copyCurl);
    m_save = new QPushButton(tr("Save\u2026"), detail);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setToolTip(tr("Save request, response and error as one JSON file, for a ticket. Email addresses "
                          "and phone numbers are masked; the token is never included."));
    connect(m_save, &QPushButton::clicked, this, &InspectorWidget::saveCurrent);

    auto* actions = new QHBoxLayout;
    actions->addLayout(views);
    actions->addStretch(1);
    actions->addWidget(m_copyBody);
    actions->addWidget(m_copyCurl);
    actions->addWidget(m_save);

    m_request = new ExchangeBodyView(ExchangeBodyView::Side::Request, detail);
    m_request->setObjectName(QStringLiteral("requestView"));
    m_response = new ExchangeBodyView(ExchangeBodyView::Side::Response, detail);
    m_response->setObjectName(QStringLiteral("responseView"));
    m_tabs = new QTabWidget(detail);
    m_tabs->setObjectName(QStringLiteral("exchangeTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_request, tr("Request"));
    m_tabs->addTab(m_response, tr("Response"));
    m_tabs->setCurrentWidget(m_response); // what people come here for
    connect(m_tabs, &QTabWidget::currentChanged, this, &InspectorWidget::updateActions);

    m_status = new QLabel(detail);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setTextFormat(Qt::PlainText);

    auto* layout = new QVBoxLayout(detail);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(actions);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    m_detailStack->addWidget(detail);
    return m_detailStack;
}

QAbstractButton* InspectorWidget::addViewButton(
    QButtonGroup* group, ViewMode mode, const QString& name, const QString& text)
{
    auto* button = new QToolButton(this);
    button->setObjectName(name);
    button->setText(text);
    button->setCheckable(true);
    button->setAutoRaise(true);
    group->addButton(button, int(mode));
    return button;
}

void InspectorWidget::addExchange(ExchangePtr exchange)
{
    if (!exchange)
        return;
    // Like a browser's network panel that is scrolled to the top: while the newest exchange is
    // the one shown (or none is), each new one takes its place; a choice further down stays.
    const QModelIndex current = m_history->selectionModel()->currentIndex();
    const bool following = !current.isValid() || current.row() == 0;
    m_model->add(std::move(exchange));
    if (following)
        m_history->setCurrentIndex(m_model->index(0, 0));
}

void InspectorWidget::setOrientation(Qt::Orientation orientation)
{
    if (m_splitter->orientation() == orientation)
        return;
    m_splitter->setOrientation(orientation);
    // Side by side the history needs room for its columns; stacked, the details need height.
    const int history = orientation == Qt::Horizontal ? 55 : 40;
    m_splitter->setSizes({history * 100, (100 - history) * 100});
}

bool InspectorWidget::showExchange(quint64 id)
{
    const QModelIndex index = m_model->indexOfId(id);
    if (!index.isValid()) {
        qCDebug(lcUi) << "inspector: exchange" << id << "is not in the history";
        return false;
    }
    m_history->setCurrentIndex(index);
    m_history->scrollTo(index);
    Q_EMIT revealRequested();
    return true;
}

int InspectorWidget::exchangeCount() const
{
    return m_model->rowCount();
}

ExchangePtr InspectorWidget::currentExchange() const
{
    return m_shown;
}

void InspectorWidget::setViewMode(ViewMode mode)
{
    m_viewMode = mode;
    if (QAbstractButton* button = m_viewButtons->button(int(mode)))
        button->setChecked(true);
    m_request->setViewMode(mode);
    m_response->setViewMode(mode);
}

bool InspectorWidget::isResponseShown() const
{
    return m_tabs->currentWidget() == m_response;
}

void InspectorWidget::setResponseShown(bool response)
{
    m_tabs->setCurrentWidget(response ? m_response : m_request);
}

QString InspectorWidget::currentPrettyText(bool response) const
{
    return (response ? m_response : m_request)->prettyText();
}

QString InspectorWidget::currentRawText(bool response) const
{
    return (response ? m_response : m_request)->rawText();
}

void InspectorWidget::showCurrent()
{
    const ExchangePtr exchange = m_model->at(m_history->selectionModel()->currentIndex().row());
    if (exchange == m_shown && exchange)
        return;
    m_shown = exchange;
    setStatus({});
    showDetails();
    updateCount();
    Q_EMIT currentExchangeChanged(exchange);
}

void InspectorWidget::showDetails()
{
    if (m_shown && m_maskPersonalData)
        m_display = std::make_shared<const Exchange>(maskedExchange(*m_shown));
    else
        m_display = m_shown;
    m_request->setExchange(m_display);
    m_response->setExchange(m_display);
    if (m_display) {
        m_summary->setText(ExchangeFormat::summary(*m_display));
        m_detailStack->setCurrentIndex(1);
    } else {
        m_summary->clear();
        m_detailStack->setCurrentIndex(0);
    }
    updateSummaryColors();
    updateActions();
}

void InspectorWidget::setMaskPersonalData(bool mask)
{
    if (m_maskPersonalData == mask)
        return;
    m_maskPersonalData = mask;
    m_maskAction->setChecked(mask);
    m_model->setMaskPersonalData(mask);
    showDetails();
    Q_EMIT maskPersonalDataChanged(mask);
}

void InspectorWidget::updateActions()
{
    m_copyBody->setEnabled(m_shown && !currentSide()->body().isEmpty());
    m_copyCurl->setEnabled(m_shown && m_shown->sent);
    m_save->setEnabled(bool(m_shown));
}

void InspectorWidget::updateSummaryColors()
{
    QPalette p = palette();
    if (m_shown && m_shown->failed())
        p.setColor(QPalette::WindowText, JsonColors::forPalette(palette()).error);
    m_summary->setPalette(p);
}

void InspectorWidget::updateCount()
{
    const int count = exchangeCount();
    m_count->setText(count == 1 ? tr("1 request") : tr("%1 requests").arg(count));
    m_clear->setEnabled(count > 0);
    auto* empty = m_detailStack->findChild<QLabel*>(QStringLiteral("emptyStateLabel"));
    QString text = tr("Every request Verify Desk makes appears here.");
    if (count > 0)
        text += QLatin1Char('\n') + tr("Select one above to see what was sent and what came back.");
    empty->setText(text);
}

void InspectorWidget::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

ExchangeBodyView* InspectorWidget::currentSide() const
{
    return isResponseShown() ? m_response : m_request;
}

void InspectorWidget::copyBody()
{
    const QByteArray body = currentSide()->body();
    if (!m_shown || body.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(QString::fromUtf8(body));
    if (m_maskPersonalData)
        setStatus(isResponseShown() ? tr("Response body copied, email addresses and phone numbers masked.")
                                    : tr("Request body copied, email addresses and phone numbers masked."));
    else
        setStatus(isResponseShown() ? tr("Response body copied.") : tr("Request body copied."));
}

void InspectorWidget::copyCurl()
{
    if (!m_shown || !m_shown->sent)
        return;
    QGuiApplication::clipboard()->setText(curlCommand(*m_shown)); // masks personal data itself
    setStatus(tr("curl command copied, email addresses and phone numbers masked. Set ZITADEL_TOKEN in the shell "
                 "before running it."));
}

void InspectorWidget::setNextSaveFileName(const QString& fileName)
{
    nextSaveFileName() = fileName;
}

QString InspectorWidget::askSaveFileName(const QString& suggestion)
{
    if (std::optional<QString>& seeded = nextSaveFileName()) {
        const QString name = *seeded;
        seeded.reset();
        return name;
    }
    return QFileDialog::getSaveFileName(
        this, tr("Save exchange (email addresses and phone numbers masked)"), suggestion, tr("JSON files (*.json)"));
}

void InspectorWidget::saveCurrent()
{
    if (!m_shown)
        return;
    const ExchangePtr exchange = m_shown; // the selection may change while the dialog is open
    const QString stamp = exchange->started.toLocalTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    const QString suggestion =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("verifydesk-%1-%2.json").arg(fileNameSlug(exchange->operation), stamp));
    const QString fileName = askSaveFileName(suggestion);
    if (fileName.isEmpty())
        return;

    // QSaveFile: an interrupted write never leaves a half-written file behind.
    QSaveFile file(fileName);
    // exchangeToJson masks personal data itself, whatever the view shows.
    if (!file.open(QIODevice::WriteOnly) || file.write(exchangeToJson(*exchange)) < 0 || !file.commit()) {
        qCWarning(lcUi) << "inspector: could not save exchange to" << fileName << file.errorString();
        setStatus(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString()));
        return;
    }
    setStatus(tr("Saved to %1, email addresses and phone numbers masked.").arg(QDir::toNativeSeparators(fileName)));
}

void InspectorWidget::clearHistory()
{
    m_model->clear();
    showCurrent();
}

QByteArray InspectorWidget::saveState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << StateMagic << StateVersion << qint32(m_viewMode) << isResponseShown() << m_splitter->saveState()
        << m_history->horizontalHeader()->saveState() << m_request->saveSplitterState()
        << m_response->saveSplitterState() << m_maskPersonalData;
    return state;
}

bool InspectorWidget::restoreState(const QByteArray& state)
{
    QDataStream in(state);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint16 version = 0;
    qint32 mode = 0;
    bool response = true;
    QByteArray splitter, columns, requestSplitter, responseSplitter;
    in >> magic >> version;
    if (in.status() != QDataStream::Ok || magic != StateMagic || version < 1 || version > StateVersion)
        return false;
    in >> mode >> response >> splitter >> columns >> requestSplitter >> responseSplitter;
    bool mask = false;
    if (version >= 2)
        in >> mask;
    if (in.status() != QDataStream::Ok || mode < int(ViewMode::Pretty) || mode > int(ViewMode::Tree))
        return false;

    setViewMode(ViewMode(mode));
    setResponseShown(response);
    m_splitter->restoreState(splitter);
    m_history->horizontalHeader()->restoreState(columns);
    m_request->restoreSplitterState(requestSplitter);
    m_response->restoreSplitterState(responseSplitter);
    setMaskPersonalData(mask);
    return true;
}

void InspectorWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_model->setPalette(palette());
        updateSummaryColors();
    }
    QWidget::changeEvent(event);
}
