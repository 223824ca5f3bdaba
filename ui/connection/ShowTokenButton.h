#pragma once

class QLineEdit;
class QToolButton;

// The "Show / Hide" button next to a token field, shared by the profile editor and the
// token update dialog so both behave alike. A tool button rather than an icon inside the
// field: it needs no icon theme and says what it does. Its action is "showTokenAction".
QToolButton* createShowTokenButton(QLineEdit* tokenEdit);
