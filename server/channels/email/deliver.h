#pragma once

#include <QStringList>

namespace Signpost {

// `signpost-server deliver`: hands one message from standard input to a
// running server (POST /api/v1/mail/inbound), for a local MTA's pipe
// transport (Postfix's pipe(8), Exim's pipe transport). Its exit status is
// what such a transport acts on (sysexits.h): 0 taken in (a ticket, a reply,
// a duplicate or an ignored machine mail), 65 the message is not one (the
// MTA bounces it), and 75 everything else: the server cannot be reached, is
// busy or failed, or the setup is wrong (an option, the token, its file, the
// mailbox); the MTA keeps the mail and tries again. The
// token is read from a file only its user can read, never from the command
// line.
int deliver(const QStringList &arguments);

} // namespace Signpost
