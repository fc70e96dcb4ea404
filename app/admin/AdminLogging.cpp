#include "app/admin/AdminLogging.h"

Q_LOGGING_CATEGORY(lcAdmin, "loyaltytill.admin")
