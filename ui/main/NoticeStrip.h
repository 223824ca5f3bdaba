#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;

// A strip under the mode banner that tells something the person must act on, with buttons
// for it: a pale wash of the warning tone behind text in that tone, noticed but not the
// banner's alarm red. TokenRejectedBar and SignInBar are made of it.
class NoticeStrip : public QFrame
{
    Q_OBJECT

public:
    NoticeStrip(const QString& objectName, const QString& labelObjectName, QWidget* parent = nullptr);

protected:
    void setText(const QString& text); // plain text; also the accessible name
    QLabel* label() const { return m_label; }
    QPushButton* addButton(const QString& text, const QString& objectName, const QString& toolTip);
    void changeEvent(QEvent* event) override;

private:
    void applyColours();

    QLabel* m_label = nullptr;
    QHBoxLayout* m_layout = nullptr;
    bool m_applyingColours = false;
};
