#pragma once

#include <QLoggingCategory>

// One logging category per area of the till, enabled with QT_LOGGING_RULES (e.g. "loyaltytill.ui.*.debug=true").
// Never logged: what was typed or scanned, a member's name, phone, e-mail or card, a PIN. Staff, members and
// conflicts are named by id; input by its length and how it came in.
Q_DECLARE_LOGGING_CATEGORY(lcTill) // loyaltytill.ui.till: signing in and locking, lookups, conflicts resolved
Q_DECLARE_LOGGING_CATEGORY(lcScanner) // loyaltytill.ui.scanner: scanner bursts told from typing, the serial scanner
Q_DECLARE_LOGGING_CATEGORY(lcPreferences) // loyaltytill.ui.preferences: the language and palette the till uses
