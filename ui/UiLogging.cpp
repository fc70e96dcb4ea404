#include "ui/UiLogging.h"

Q_LOGGING_CATEGORY(lcTill, "loyaltytill.ui.till")
Q_LOGGING_CATEGORY(lcScanner, "loyaltytill.ui.scanner")
Q_LOGGING_CATEGORY(lcPreferences, "loyaltytill.ui.preferences")
