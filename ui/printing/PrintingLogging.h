#pragma once

#include <QLoggingCategory>

// Printers: which printer a slip went to (its address, never the slip's content), how long it took, and why it
// failed. Enabled with QT_LOGGING_RULES="loyaltytill.ui.printing.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcPrinting)
