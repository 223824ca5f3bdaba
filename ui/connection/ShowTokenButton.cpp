#include "ShowTokenButton.h"

#include <QAction>
#include <QCoreApplication>
#include <QLineEdit>
#include <QToolButton>

QToolButton* createShowTokenButton(QLineEdit* tokenEdit)
{
    auto tr = [](const char* text) { return QCoreApplication::translate("ShowTokenButton", text); };
    QWidget* parent = tokenEdit->parentWidget();
    auto* action = new QAction(tr("Show"), parent);
    action->setObjectName(QStringLiteral("showTokenAction"));
    action->setCheckable(true);
    action->setToolTip(tr("Show or hide the token while you type it"));
    QObject::connect(action, &QAction::toggled, tokenEdit, [tokenEdit, action, tr](bool shown) {
        tokenEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        action->setText(shown ? tr("Hide") : tr("Show"));
    });
    auto* button = new QToolButton(parent);
    button->setObjectName(QStringLiteral("showTokenButton"));
    button->setDefaultAction(action);
    return button;
}
