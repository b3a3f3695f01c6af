#pragma once

#include <QStringList>

namespace Signpost {

// `signpost-server deliver`: hands one message from standard input to a
// running server (POST /api/v1/mail/inbound), for a local MTA's pipe
// transport (Postfix's pipe(8), Exim's pipe transport). Its exit status is
// what such a transport acts on (sysexits.h): 0 taken in (a ticket, a reply,
// a duplicate or an ignored machine mail), 75 try again later (the server
// cannot be reached, is busy or failed), 65 the message is not one (the MTA
// bounces it), 77 the token is not allowed, 78 a wrong option. The token is
// read from a file only its user can read, never from the command line.
int deliver(const QStringList &arguments);

} // namespace Signpost
