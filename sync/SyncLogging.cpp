#include "sync/SyncLogging.h"

namespace lt {

Q_LOGGING_CATEGORY(lcSync, "loyaltytill.sync")
Q_LOGGING_CATEGORY(lcSquare, "loyaltytill.sync.square")
Q_LOGGING_CATEGORY(lcOutbox, "loyaltytill.sync.outbox")
Q_LOGGING_CATEGORY(lcPull, "loyaltytill.sync.pull")
Q_LOGGING_CATEGORY(lcScheduler, "loyaltytill.sync.scheduler")

} // namespace lt
