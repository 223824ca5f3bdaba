#pragma once

#include "Exchange.h"

#include <QWidget>

class JsonHighlighter;
class JsonTreeModel;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QStackedWidget;
class QTreeView;
class QTreeWidget;

// One side (request or response) of the selected exchange: a headers table above the body,
// which is shown Pretty (re-indented, highlighted), Raw (start line, headers and body as sent)
// or as a Tree. Only the visible view is filled, and only once per exchange, so stepping
// through the history never pays for views nobody looks at.
//
// Child objectNames use the side as prefix: "<side>Headers", "<side>Pretty", "<side>Raw",
// "<side>Tree", "<side>Note", with side "request" or "response".
class ExchangeBodyView : public QWidget
{
    Q_OBJECT

public:
    enum class Side
    {
        Request,
        Response
    };
    enum class ViewMode
    {
        Pretty,
        Raw,
        Tree
    };

    explicit ExchangeBodyView(Side side, QWidget* parent = nullptr);

    void setExchange(ExchangePtr exchange); // null clears
    void setViewMode(ViewMode mode);
    ViewMode viewMode() const { return m_mode; }

    // The body exactly as recorded (what "Copy body" copies).
    QByteArray body() const;
    // The texts the Pretty and Raw views show, filling them first if they were not yet.
    QString prettyText() const;
    QString rawText() const;

    QByteArray saveSplitterState() const;
    void restoreSplitterState(const QByteArray& state);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillCurrent() const;
    void fillPretty() const;
    void fillRaw() const;
    void fillTree() const;
    void fillHeaders();
    void expandOpeningLevels() const;
    void updateNote() const;
    // The body as a document: the client's parse for responses, our own for requests.
    QJsonDocument bodyDocument() const;

    const Side m_side;
    ViewMode m_mode = ViewMode::Pretty;
    ExchangePtr m_exchange;

    QLabel* m_note;
    QSplitter* m_splitter;
    QTreeWidget* m_headers;
    QStackedWidget* m_stack;
    QPlainTextEdit* m_pretty;
    QPlainTextEdit* m_raw;
    QTreeView* m_tree;
    JsonHighlighter* m_highlighter;
    JsonTreeModel* m_treeModel;

    // Which views already show m_exchange; filled lazily from const accessors.
    mutable bool m_prettyFilled = false;
    mutable bool m_rawFilled = false;
    mutable bool m_treeFilled = false;
    mutable bool m_prettyTruncated = false;
    mutable bool m_prettyLinesBroken = false;
    mutable bool m_rawLinesBroken = false;
    mutable bool m_rawTruncated = false;
    mutable bool m_isJson = false;
};
