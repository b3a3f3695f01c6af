#include "server/logging.h"

Q_LOGGING_CATEGORY(lcServer, "signpost.server")
Q_LOGGING_CATEGORY(lcStore, "signpost.store")
