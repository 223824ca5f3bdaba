#pragma once

#include "ResendSettings.h"
#include "ZitadelTypes.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QRadioButton;

// Lets a support person choose how codes are resent: the API, sent or returned, and the link
// template for emails, checked as they type with an example link for the current user.
// Controls that do not apply (delivery for v1, the template for v1 or returned codes) are
// disabled with a tooltip saying why, but keep their values: switching back restores them.
class ResendOptionsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ResendOptionsWidget(QWidget* parent = nullptr);

    ResendSettings settings() const;
    void setSettings(const ResendSettings& settings);

    // The user whose ids fill the example link.
    void setUser(const User& user);
    void setUser(const std::optional<User>& user);

    // One line for a collapsed options group, e.g. "v2 · send · custom link".
    QString summary() const;

    // The code used in the example link.
    static QString exampleCode() { return QStringLiteral("123456"); }

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void refreshTemplateHelp(const ResendSettings& settings);

    QComboBox* m_api = nullptr;
    QGroupBox* m_delivery = nullptr;
    QRadioButton* m_send = nullptr;
    QRadioButton* m_returnCode = nullptr;
    QLineEdit* m_template = nullptr;
    QLabel* m_problem = nullptr;
    QLabel* m_example = nullptr;
    std::optional<User> m_user;
    bool m_updating = false; // setSettings() emits one changed(), not one per control
};
