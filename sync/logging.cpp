#include "sync/logging.h"

Q_LOGGING_CATEGORY(lcSync, "signpost.sync")
Q_LOGGING_CATEGORY(lcCache, "signpost.cache")
