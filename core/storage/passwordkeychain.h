#pragma once

#include "domain/result.h"
#include "storage/warroomaddress.h"

#include <QString>

#include <optional>

// The desktop's keychain (the Secret Service on Linux, through QtKeychain) holding the password
// of each shared war room a person signed in to: one entry per server, port, database and user,
// so that a password never sits in settings, the database, a log or a command line.
//
// The calls wait for the keychain (a local event loop runs meanwhile): it answers in
// milliseconds, or asks the person to unlock it.
namespace PasswordKeychain {
// What identifies a password: user@host:port/database (TLS mode and password left out).
QString keyFor(const WarRoomAddress &address);

// The stored password; no value when none is stored. Fails, with what to do, when there is no
// keychain or it refused.
Result<std::optional<QString>> read(const WarRoomAddress &address);
Outcome store(const WarRoomAddress &address, const QString &password);
// Removes the stored password; done as well when none was stored.
Outcome forget(const WarRoomAddress &address);

} // namespace PasswordKeychain
