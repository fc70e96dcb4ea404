#pragma once

#include <QLoggingCategory>

namespace lt {

// One logging category per area of sync, so that an operator turns on only what he needs, e.g.
// QT_LOGGING_RULES="loyaltytill.sync.pull.debug=true". Nothing personal (phone numbers, names, e-mail addresses)
// or secret (the access token) is logged: members are named by their row id, Square's objects by their ids, and
// the details of Square's refusals, which may quote what was sent, stay out of the log.
Q_DECLARE_LOGGING_CATEGORY(lcSync) // loyaltytill.sync: what each pass did
Q_DECLARE_LOGGING_CATEGORY(lcSquare) // loyaltytill.sync.square: calls to Square that failed or are retried
Q_DECLARE_LOGGING_CATEGORY(lcOutbox) // loyaltytill.sync.outbox: operations refused or answered strangely
Q_DECLARE_LOGGING_CATEGORY(lcPull) // loyaltytill.sync.pull: pulls that stopped, accounts not taken
Q_DECLARE_LOGGING_CATEGORY(lcScheduler) // loyaltytill.sync.scheduler: when passes run and why they wait

} // namespace lt
