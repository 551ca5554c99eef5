#pragma once

#include "scratchwarroom.h"

#include <memory>

class ThrowawayPostgres;

// For a test that runs on both engines: its data rows, "file" and "server" (column onServer),
// and the scratch war room of the current row.
namespace EachEngine {
void addRows();
std::unique_ptr<ScratchWarRoom> room(ThrowawayPostgres &server);
} // namespace EachEngine
