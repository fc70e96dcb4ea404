#include "core/common/Logging.h"

Q_LOGGING_CATEGORY(lcStore, "loyaltytill.core.store")
Q_LOGGING_CATEGORY(lcBackup, "loyaltytill.core.backup")
Q_LOGGING_CATEGORY(lcServices, "loyaltytill.core.services")
Q_LOGGING_CATEGORY(lcExchange, "loyaltytill.core.exchange")
Q_LOGGING_CATEGORY(lcSettings, "loyaltytill.core.settings")
