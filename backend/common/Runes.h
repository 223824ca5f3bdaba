#pragma once

#include <QString>

// ZITADEL's validators (protoc-gen-validate) measure lengths in runes, i.e. Unicode code
// points. QString::size() counts UTF-16 units, so an emoji would count twice; both the
// client's checks and the mock's validation use this instead.
inline int runeCount(const QString& s)
{
    int n = 0;
    for (int i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
        ++n;
    }
    return n;
}
