#pragma once

#include "domain/result.h"

#include <QString>

// Creates the file, empty and readable by its owner only, unless it exists. SQLite gives its
// journal and write-ahead log the database file's mode, so a private file keeps what people
// wrote private. Closed again at once, before SQLite opens it: no lock of SQLite's to lose.
Outcome createPrivateFile(const QString &path);
