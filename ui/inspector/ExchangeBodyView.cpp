#include "ExchangeBodyView.h"

#include "ExchangeFormat.h"
#include "JsonHighlighter.h"
#include "JsonPretty.h"
#include "JsonTreeModel.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace
{
QPlainTextEdit* makeTextView(const QString& objectName, QWidget* parent)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setUndoRedoEnabled(false); // no undo stack copies of multi-megabyte bodies
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return edit;
}
} // namespace

ExchangeBodyView::ExchangeBodyView(Side side, QWidget* parent)
    : QWidget(parent)
    , m_side(side)
{
    const QString prefix = side == Side::Request ? QStringLiteral("request") : QStringLiteral("response");
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_note = new QLabel(this);
    m_note->setObjectName(prefix + QStringLiteral("Note"));
    m_note->setWordWrap(true);
    m_note->hide();

    m_headers = new QTreeWidget(this);
    m_headers->setObjectName(prefix + QStringLiteral("Headers"));
    m_headers->setColumnCount(2);
    m_headers->setHeaderLabels({tr("Header"), tr("Value")});
    m_headers->setRootIsDecorated(false);
    m_headers->setUniformRowHeights(true);
    m_headers->setFont(fixed);
    m_headers->header()->resizeSection(0, QFontMetrics(fixed).horizontalAdvance(QLatin1Char('x')) * 26);

    m_pretty = makeTextView(prefix + QStringLiteral("Pretty"), this);
    m_pretty->setPlaceholderText(tr("No body."));
    m_highlighter = new JsonHighlighter(m_pretty->document());
    m_raw = makeTextView(prefix + QStringLiteral("Raw"), this);

    m_treeModel = new JsonTreeModel(this);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(prefix + QStringLiteral("Tree"));
    m_tree->setModel(m_treeModel);
    m_tree->setFont(fixed);
    m_tree->setUniformRowHeights(true); // lets the view skip measuring thousands of rows
    m_tree->setAlternatingRowColors(true);
    QHeaderView* treeHeader = m_tree->header();
    treeHeader->setStretchLastSection(false);
    treeHeader->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    const int charWidth = QFontMetrics(fixed).horizontalAdvance(QLatin1Char('x'));
    treeHeader->resizeSection(JsonTreeModel::KeyColumn, charWidth * 28);
    treeHeader->resizeSection(JsonTreeModel::TypeColumn, charWidth * 9);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_pretty);
    m_stack->addWidget(m_raw);
    m_stack->addWidget(m_tree);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(prefix + QStringLiteral("Splitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_headers);
    m_splitter->addWidget(m_stack);
    // Both give and take room when the dock is resized, the body five times as much: with the
    // headers fixed, a short dock left the body three lines under a mostly empty header table.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 5);
    // Room for the usual five or six headers; the body gets the rest.
    const int line = QFontMetrics(fixed).lineSpacing();
    m_splitter->setSizes({line * 7, line * 30});
    // In a short dock the splitter cannot go below the table's own minimum (about five lines),
    // which left the body fewer lines than the two headers of a typical response had room for.
    // Two lines and the column titles are the least that still reads as a table.
    m_headers->setMinimumHeight(m_headers->header()->sizeHint().height() + line * 2 + 2 * m_headers->frameWidth());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_note);
    layout->addWidget(m_splitter, 1);
}

void ExchangeBodyView::setExchange(ExchangePtr exchange)
{
    m_exchange = std::move(exchange);
    m_prettyFilled = m_rawFilled = m_treeFilled = false;
    m_prettyTruncated = m_prettyLinesBroken = m_rawLinesBroken = m_rawTruncated = false;
    m_isJson = !bodyDocument().isNull();
    // Drop the previous exchange's text at once, so a hidden view never shows stale content.
    m_pretty->clear();
    m_raw->clear();
    m_treeModel->setDocument({});
    fillHeaders();
    fillCurrent();
}

void ExchangeBodyView::setViewMode(ViewMode mode)
{
    m_mode = mode;
    m_stack->setCurrentIndex(int(mode));
    // Raw already has the headers above the body.
    m_headers->setVisible(mode != ViewMode::Raw);
    fillCurrent();
}

QByteArray ExchangeBodyView::body() const
{
    if (!m_exchange)
        return {};
    return m_side == Side::Request ? m_exchange->requestBody : m_exchange->responseBody;
}

QString ExchangeBodyView::prettyText() const
{
    fillPretty();
    return m_pretty->toPlainText();
}

QString ExchangeBodyView::rawText() const
{
    fillRaw();
    return m_raw->toPlainText();
}

QByteArray ExchangeBodyView::saveSplitterState() const
{
    return m_splitter->saveState();
}

void ExchangeBodyView::restoreSplitterState(const QByteArray& state)
{
    m_splitter->restoreState(state);
}

void ExchangeBodyView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        m_treeModel->setPalette(palette());
    }
    QWidget::changeEvent(event);
}

QJsonDocument ExchangeBodyView::bodyDocument() const
{
    if (!m_exchange)
        return {};
    if (m_side == Side::Response && !m_exchange->responseJson.isNull())
        return m_exchange->responseJson;
    const QByteArray bytes = body();
    if (bytes.isEmpty())
        return {};
    return QJsonDocument::fromJson(bytes);
}

void ExchangeBodyView::fillCurrent() const
{
    switch (m_mode) {
    case ViewMode::Pretty:
        fillPretty();
        break;
    case ViewMode::Raw:
        fillRaw();
        break;
    case ViewMode::Tree:
        fillTree();
        break;
    }
    updateNote();
}

void ExchangeBodyView::fillPretty() const
{
    if (m_prettyFilled)
        return;
    m_prettyFilled = true;
    const QByteArray bytes = body();
    // Only JSON is re-indented and coloured; anything else (an HTML error page from a proxy)
    // is shown as it came.
    const JsonPretty::Result pretty = m_isJson ? JsonPretty::format(bytes) : JsonPretty::truncated(bytes);
    m_prettyTruncated = pretty.truncated;
    // A body without line breaks (100 000 brackets, a long base64 string, an HTML page on one
    // line) would be one 256 KB line here, and wrapping one such line costs Qt seconds (6.4 s
    // for 256 KB of one word, measured by TestInspectorRobustness). Broken every RawMaxLine
    // characters it costs milliseconds, as in Raw.
    const ExchangeFormat::Display display = ExchangeFormat::forDisplay(pretty.text);
    m_prettyLinesBroken = display.linesBroken;
    m_highlighter->setEnabled(m_isJson); // on the empty document: rehighlighting costs nothing
    m_pretty->setPlainText(display.text);
}

void ExchangeBodyView::fillRaw() const
{
    if (m_rawFilled)
        return;
    m_rawFilled = true;
    if (!m_exchange)
        return;
    const ExchangeFormat::Display display = ExchangeFormat::forDisplay(
        m_side == Side::Request ? ExchangeFormat::rawRequest(*m_exchange) : ExchangeFormat::rawResponse(*m_exchange));
    m_rawLinesBroken = display.linesBroken;
    m_rawTruncated = display.truncated;
    m_raw->setPlainText(display.text);
}

void ExchangeBodyView::fillTree() const
{
    if (m_treeFilled)
        return;
    m_treeFilled = true;
    m_treeModel->setDocument(bodyDocument());
    expandOpeningLevels();
}

void ExchangeBodyView::expandOpeningLevels() const
{
    // Two levels open shows a response's shape at a glance. expandToDepth(1) would also open
    // every item of a 20,000-item list (seconds of layout), so long lists stay closed.
    constexpr int LongList = 100;
    const QAbstractItemModel* model = m_tree->model();
    const int top = model->rowCount();
    if (top > LongList)
        return;
    for (int row = 0; row < top; ++row) {
        const QModelIndex index = model->index(row, 0);
        const int children = model->rowCount(index);
        if (children == 0)
            continue;
        m_tree->expand(index);
        if (children > LongList)
            continue;
        for (int child = 0; child < children; ++child) {
            const QModelIndex childIndex = model->index(child, 0, index);
            if (model->hasChildren(childIndex))
                m_tree->expand(childIndex);
        }
    }
}

void ExchangeBodyView::fillHeaders()
{
    m_headers->clear();
    if (!m_exchange)
        return;
    const HeaderList& headers = m_side == Side::Request ? m_exchange->requestHeaders : m_exchange->responseHeaders;
    QList<QTreeWidgetItem*> items;
    items.reserve(headers.size());
    for (const auto& [name, value] : headers) {
        items << new QTreeWidgetItem(QStringList {
            QString::fromLatin1(name), QString::fromUtf8(ExchangeFormat::displayedHeaderValue(name, value))});
    }
    m_headers->addTopLevelItems(items);
}

void ExchangeBodyView::updateNote() const
{
    QString note;
    if (m_mode == ViewMode::Pretty && m_prettyTruncated) {
        note = tr("Showing first %1 KB \u2014 use Raw or Save\u2026 for the whole body.")
                   .arg(JsonPretty::DefaultLimitBytes / 1024);
        if (m_prettyLinesBroken)
            note += QLatin1Char(' ')
                + tr("Lines longer than %1 KB are broken for display.").arg(ExchangeFormat::RawMaxLine / 1024);
    } else if (m_mode == ViewMode::Pretty && m_prettyLinesBroken) {
        note = tr("Lines longer than %1 KB are broken for display; Copy body and Save\u2026 keep the exact bytes.")
                   .arg(ExchangeFormat::RawMaxLine / 1024);
    } else if (m_mode == ViewMode::Raw && m_rawTruncated) {
        note = tr("Showing the first %1 MB \u2014 use Save\u2026 for the whole message.")
                   .arg(ExchangeFormat::RawMaxChars / (1024 * 1024));
    } else if (m_mode == ViewMode::Raw && m_rawLinesBroken) {
        note = tr("Lines longer than %1 KB are broken for display; Copy body and Save\u2026 keep the exact bytes.")
                   .arg(ExchangeFormat::RawMaxLine / 1024);
    } else if (m_mode == ViewMode::Tree && !m_isJson && !body().isEmpty()) {
        note = tr("The body is not JSON: see Pretty or Raw.");
    }
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}
