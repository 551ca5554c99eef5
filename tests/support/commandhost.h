#pragma once

#include "cli.h"
#include "storage/ownerchannel.h"
#include "storage/ownerlock.h"

#include <QtGlobal>

#include <memory>

// Makes this test process answer the commands other Warroom processes hand over, as the
// window does for the war room it has open. The war room must be open in this process.
// Tests that use it are registered with the CLI flag (they link the commands).
inline std::unique_ptr<OwnerServer> hostCommands(const QString &databasePath)
{
    const OwnerLock::Attempt held = OwnerLock::tryAcquire(canonicalDatabasePath(databasePath));
    if (held.state != OwnerLock::State::Acquired)
        qFatal("the war room is not open in this process");
    auto server = std::make_unique<OwnerServer>(held.lock, &Cli::runForwarded);
    if (const Outcome listening = server->listen(); !listening)
        qFatal("cannot take commands: %s", qPrintable(listening.error()));
    return server;
}
