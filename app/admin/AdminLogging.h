#pragma once

#include <QLoggingCategory>

// The admin CLI's logging category, enabled with QT_LOGGING_RULES="loyaltytill.admin.debug=true": which command ran
// and how it ended. Arguments are never logged: they carry phone numbers, names and file paths.
Q_DECLARE_LOGGING_CATEGORY(lcAdmin) // loyaltytill.admin
