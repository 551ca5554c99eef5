#pragma once

#include "export/exportabledocument.h"

#include <functional>

class IncidentStore;
class LiveWarRoom;
class QWidget;

// Exports a document of the incident on screen from the window: asks where (a .pdf for the
// reader, a .md for an e-mail), reads the document fresh on the store's thread, and writes it
// here, where the fonts are. A refusal is shown; nothing is written then.
namespace DocumentExport {
void run(QWidget *parent, const LiveWarRoom &live, const QString &title, const QString &what,
         std::function<Result<ExportableDocument>(IncidentStore &store)> read,
         std::function<void(const QString &path)> written);
} // namespace DocumentExport
