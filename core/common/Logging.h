#pragma once

#include <QLoggingCategory>

// One logging category per area of the core, enabled with log.level and log.rules in IT's configuration or with
// QT_LOGGING_RULES (e.g. "loyaltytill.core.*.debug=true"); core/logging sends them to the journal. What the core does
// routinely is logged at debug level, off unless log.level is debug, so that an operator sees the command's own
// answer only; info is for what a till did that IT may want to read later; warnings are for what someone should
// look into.
// Messages name members, sales and staff by id only: never a phone number, a name, an e-mail, a PIN or a token.
Q_DECLARE_LOGGING_CATEGORY(lcStore) // loyaltytill.core.store: the database, its migrations and its tables
Q_DECLARE_LOGGING_CATEGORY(lcBackup) // loyaltytill.core.backup: backups written or failed, restores
Q_DECLARE_LOGGING_CATEGORY(lcServices) // loyaltytill.core.services: enrollment, accrual, redemption, refunds...
Q_DECLARE_LOGGING_CATEGORY(lcSettings) // loyaltytill.core.settings: the system's configuration files
Q_DECLARE_LOGGING_CATEGORY(lcExchange) // loyaltytill.core.exchange: CSV import and export, demo data
