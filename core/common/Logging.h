#pragma once

#include <QLoggingCategory>

// One logging category per area of the core, enabled with QT_LOGGING_RULES (e.g. "loyaltytill.core.*.debug=true").
// What the core does routinely is logged at debug level, which the till and the admin CLI switch off, so that an
// operator sees the command's own answer only; warnings are for what someone should look into.
// Messages name members, sales and staff by id only: never a phone number, a name, an e-mail, a PIN or a token.
Q_DECLARE_LOGGING_CATEGORY(lcStore) // loyaltytill.core.store: the database, its migrations and its tables
Q_DECLARE_LOGGING_CATEGORY(lcServices) // loyaltytill.core.services: enrollment, accrual, redemption, refunds...
Q_DECLARE_LOGGING_CATEGORY(lcSettings) // loyaltytill.core.settings: the system's configuration files
Q_DECLARE_LOGGING_CATEGORY(lcExchange) // loyaltytill.core.exchange: CSV import and export, demo data
