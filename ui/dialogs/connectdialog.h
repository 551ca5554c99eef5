#pragma once

#include "domain/result.h"
#include "storage/warroomaddress.h"

#include <functional>

class QWidget;

// File > Connect to shared war room: a server's address, the person's password and whether the
// keychain keeps it. The dialog stays open, with everything typed, until the war room opens or
// the person gives up.
namespace ConnectDialog {
enum class Choice
{
    Cancelled,
    Connected,
    WorkLocally // only offered when asked to: the window has no war room to go back to
};

// connect receives the address with the typed password (empty: the keychain's or libpq's)
// and whether to keep it; it opens the war room or says why not.
using Connect = std::function<Outcome(const WarRoomAddress &address, bool remember)>;

Choice ask(QWidget *parent, const WarRoomAddress &prefill, const QString &problem,
           bool offerWorkLocally, const Connect &connect);
} // namespace ConnectDialog
