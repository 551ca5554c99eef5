#pragma once

#include <QString>

// Text as a terminal may show it: control characters (C0, DEL, C1) and the bidirectional
// overrides that reorder what a reader sees become visible escapes (\t, \n, \x1b, \u202e), so
// a title can neither forge a row of a listing nor send escape codes to the terminal.
QString printable(const QString &text);
