#include "ui/printing/PrintingLogging.h"

Q_LOGGING_CATEGORY(lcPrinting, "loyaltytill.ui.printing")
