#include "core/store/SchemaStatements.h"

namespace lt {

namespace {

// Version 1: members, cards, the append-only ledger, sales, refunds, adjustments, program, settings, audit.
const char* const version1[] = {
    R"(CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID)",
    R"(CREATE TABLE program (
             id INTEGER PRIMARY KEY CHECK (id = 1),
             source TEXT NOT NULL CHECK (source = 'local' OR source = 'square'),
             document TEXT NOT NULL,
             updated_at TEXT NOT NULL))",
    R"(CREATE TABLE members (
             id INTEGER PRIMARY KEY,
             phone TEXT UNIQUE,
             name TEXT NOT NULL DEFAULT '',
             email TEXT NOT NULL DEFAULT '',
             birthday TEXT,
             consent INTEGER NOT NULL DEFAULT 0 CHECK (consent = 0 OR consent = 1),
             consent_at TEXT,
             consent_version TEXT,
             enrolled_at TEXT NOT NULL,
             balance INTEGER NOT NULL DEFAULT 0,
             lifetime_points INTEGER NOT NULL DEFAULT 0,
             square_account_id TEXT UNIQUE,
             origin TEXT NOT NULL DEFAULT 'till'
               CHECK (origin = 'till' OR origin = 'import' OR origin = 'generated'),
             erased_at TEXT))",
    R"(CREATE TABLE cards (
             number TEXT PRIMARY KEY,
             member_id INTEGER NOT NULL REFERENCES members(id),
             issued_at TEXT NOT NULL) WITHOUT ROWID)",
    R"(CREATE INDEX cards_member ON cards(member_id))",
    R"(CREATE TABLE member_search (
             term TEXT NOT NULL,
             member_id INTEGER NOT NULL REFERENCES members(id),
             PRIMARY KEY (term, member_id)) WITHOUT ROWID)",
    R"(CREATE INDEX member_search_member ON member_search(member_id))",
    R"(CREATE TABLE sales (
             id INTEGER PRIMARY KEY,
             reference TEXT NOT NULL UNIQUE,
             member_id INTEGER NOT NULL REFERENCES members(id),
             amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
             currency TEXT NOT NULL,
             points INTEGER NOT NULL CHECK (points >= 0),
             refunded_minor INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor BETWEEN 0 AND amount_minor),
             points_reversed INTEGER NOT NULL DEFAULT 0 CHECK (points_reversed BETWEEN 0 AND points),
             created_at TEXT NOT NULL))",
    R"(CREATE INDEX sales_member ON sales(member_id))",
    R"(CREATE TABLE ledger (
             id INTEGER PRIMARY KEY,
             member_id INTEGER NOT NULL REFERENCES members(id),
             kind TEXT NOT NULL CHECK (kind = 'opening' OR kind = 'accrue' OR kind = 'redeem' OR kind = 'refund'
                                       OR kind = 'adjust' OR kind = 'restore' OR kind = 'expire' OR kind = 'void'),
             points INTEGER NOT NULL,
             sale_id INTEGER REFERENCES sales(id),
             reference TEXT,
             reward_tier_id TEXT,
             discount_minor INTEGER,
             note TEXT NOT NULL DEFAULT '',
             actor TEXT NOT NULL DEFAULT '',
             created_at TEXT NOT NULL))",
    R"(CREATE INDEX ledger_member ON ledger(member_id, id))",
    R"(CREATE INDEX ledger_sale ON ledger(sale_id) WHERE sale_id IS NOT NULL)",
    R"(CREATE INDEX ledger_reference ON ledger(reference) WHERE reference IS NOT NULL)",
    R"(CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
           BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END)",
    R"(CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
           BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END)",
    R"(CREATE TABLE refunds (
             id INTEGER PRIMARY KEY,
             sale_id INTEGER NOT NULL REFERENCES sales(id),
             reference TEXT UNIQUE,
             amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
             points INTEGER NOT NULL,
             ledger_id INTEGER REFERENCES ledger(id),
             created_at TEXT NOT NULL))",
    R"(CREATE INDEX refunds_sale ON refunds(sale_id))",
    R"(CREATE TABLE adjustments (
             id INTEGER PRIMARY KEY,
             member_id INTEGER NOT NULL REFERENCES members(id),
             points INTEGER NOT NULL CHECK (points <> 0),
             reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
             requested_by TEXT NOT NULL,
             requested_at TEXT NOT NULL,
             state TEXT NOT NULL DEFAULT 'pending'
               CHECK (state = 'pending' OR state = 'approved' OR state = 'rejected'),
             decided_by TEXT,
             decided_at TEXT,
             ledger_id INTEGER REFERENCES ledger(id)))",
    R"(CREATE INDEX adjustments_pending ON adjustments(state) WHERE state = 'pending')",
    R"(CREATE TABLE audit_log (
             id INTEGER PRIMARY KEY,
             at TEXT NOT NULL,
             actor TEXT NOT NULL,
             action TEXT NOT NULL,
             subject TEXT NOT NULL DEFAULT '',
             details TEXT NOT NULL DEFAULT '{}'))",
    R"(CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END)",
    R"(CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END)",
};

// Version 2: the outbox of operations Square must learn, filled in the same transaction as the ledger.
// Members enrolled before it existed are queued for enrollment so that sync links them.
const char* const version2[] = {
    R"(CREATE TABLE outbox (
             id INTEGER PRIMARY KEY,
             member_id INTEGER NOT NULL REFERENCES members(id),
             ledger_id INTEGER REFERENCES ledger(id),
             operation TEXT NOT NULL CHECK (operation = 'enroll' OR operation = 'accrue' OR operation = 'redeem'
                                            OR operation = 'refund' OR operation = 'adjust'),
             payload TEXT NOT NULL DEFAULT '{}',
             idempotency_key TEXT NOT NULL UNIQUE,
             state TEXT NOT NULL DEFAULT 'pending' CHECK (state = 'pending' OR state = 'sent' OR state = 'conflict'),
             attempts INTEGER NOT NULL DEFAULT 0,
             last_error TEXT,
             next_attempt_at TEXT,
             created_at TEXT NOT NULL))",
    R"(CREATE INDEX outbox_pending ON outbox(member_id, id) WHERE state = 'pending')",
    R"(CREATE INDEX outbox_ledger ON outbox(ledger_id))",
    R"(INSERT INTO outbox (member_id, operation, payload, idempotency_key, created_at)
           SELECT id, 'enroll', json_object('phone', phone), lower(hex(randomblob(16))), enrolled_at
           FROM members WHERE phone IS NOT NULL AND square_account_id IS NULL AND origin <> 'generated' ORDER BY id)",
    R"(INSERT INTO outbox (member_id, ledger_id, operation, payload, idempotency_key, created_at)
           SELECT member_id, id, CASE kind WHEN 'accrue' THEN 'accrue' WHEN 'redeem' THEN 'redeem'
                                           WHEN 'refund' THEN 'refund' ELSE 'adjust' END,
                  json_object('points', points), lower(hex(randomblob(16))), created_at
           FROM ledger WHERE kind <> 'expire'
             AND member_id NOT IN (SELECT id FROM members WHERE origin = 'generated') ORDER BY id)",
};
// Version 3: the people who sign in to the till, with Argon2id hashes of their PINs.
const char* const version3[] = {
    R"(CREATE TABLE staff (
             id INTEGER PRIMARY KEY,
             name TEXT NOT NULL CHECK (length(trim(name)) > 0),
             role TEXT NOT NULL CHECK (role = 'cashier' OR role = 'manager'),
             pin_hash TEXT NOT NULL,
             active INTEGER NOT NULL DEFAULT 1 CHECK (active = 0 OR active = 1),
             failed_attempts INTEGER NOT NULL DEFAULT 0,
             locked_until TEXT,
             created_at TEXT NOT NULL))",
};
// Version 4: reconciling with Square. Events pulled from Square (ours, recognised by the ids Square returned, or
// made elsewhere and mirrored in the ledger), conflicts a manager must see, and what the outbox needs to resume
// an operation safely after a long outage.
const char* const version4[] = {
    R"(ALTER TABLE outbox ADD COLUMN first_attempt_at TEXT)",
    R"(ALTER TABLE outbox ADD COLUMN sent_at TEXT)",
    R"(ALTER TABLE outbox ADD COLUMN square_ref TEXT)",
    R"(ALTER TABLE members ADD COLUMN square_balance INTEGER)",
    R"(ALTER TABLE members ADD COLUMN square_checked_at TEXT)",
    R"(ALTER TABLE members ADD COLUMN square_history_at TEXT)",
    R"(CREATE TABLE square_events (
             event_id TEXT PRIMARY KEY,
             account_id TEXT NOT NULL,
             member_id INTEGER REFERENCES members(id),
             type TEXT NOT NULL,
             points INTEGER NOT NULL DEFAULT 0,
             location_id TEXT,
             source TEXT,
             created_at TEXT NOT NULL,
             reward_id TEXT,
             reason TEXT,
             state TEXT NOT NULL CHECK (state = 'ours' OR state = 'applied' OR state = 'held' OR state = 'ignored'),
             outbox_id INTEGER REFERENCES outbox(id),
             ledger_id INTEGER REFERENCES ledger(id),
             pulled_at TEXT NOT NULL) WITHOUT ROWID)",
    R"(CREATE INDEX outbox_pending_order ON outbox(id) WHERE state = 'pending')",
    R"(CREATE INDEX square_events_account ON square_events(account_id, created_at))",
    R"(CREATE INDEX square_events_held ON square_events(account_id) WHERE state = 'held')",
    R"(CREATE INDEX square_events_ledger ON square_events(ledger_id) WHERE ledger_id IS NOT NULL)",
    R"(CREATE INDEX square_events_outbox ON square_events(outbox_id) WHERE outbox_id IS NOT NULL)",
    R"(CREATE INDEX outbox_member ON outbox(member_id))",
    R"(CREATE TABLE sync_conflicts (
             id INTEGER PRIMARY KEY,
             outbox_id INTEGER REFERENCES outbox(id),
             member_id INTEGER REFERENCES members(id),
             kind TEXT NOT NULL CHECK (kind = 'overspend' OR kind = 'phone_rejected' OR kind = 'account_missing'
                                       OR kind = 'refused' OR kind = 'balance_mismatch'),
             code TEXT NOT NULL DEFAULT '',
             message TEXT NOT NULL,
             local_facts TEXT NOT NULL DEFAULT '{}',
             square_facts TEXT NOT NULL DEFAULT '{}',
             created_at TEXT NOT NULL,
             resolved_at TEXT,
             resolution TEXT,
             resolved_by TEXT,
             resolution_note TEXT,
             ledger_id INTEGER REFERENCES ledger(id)))",
    R"(CREATE INDEX sync_conflicts_open ON sync_conflicts(member_id) WHERE resolved_at IS NULL)",
    R"(CREATE INDEX sync_conflicts_outbox ON sync_conflicts(outbox_id) WHERE outbox_id IS NOT NULL)",
    R"(CREATE INDEX sync_conflicts_ledger ON sync_conflicts(ledger_id) WHERE ledger_id IS NOT NULL)",
    // Members linked before this version: what they did at Square went through this store's outbox, whose events
    // were not recorded then; reading their history again could not tell those events apart, so it is not read.
    R"(UPDATE members SET square_history_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
           WHERE square_account_id IS NOT NULL)",
    // Conflicts the outbox recorded before this version carried only its last error.
    R"(INSERT INTO sync_conflicts (outbox_id, member_id, kind, message, created_at)
           SELECT id, member_id, 'refused', COALESCE(last_error, ''), created_at FROM outbox WHERE state = 'conflict')",
};
// Version 5: the program runs itself. Members keep the tier they hold (and since when an evaluation found them
// short of it), when their birthday was entered, who referred them and their last purchase; tier changes are
// recorded with their reason; every automatic bonus, offer and expiry has a row under its natural key, the same on
// every till of the store; Square's promotions (or the store's own) and the sales they applied to.
const char* const version5[] = {
    R"(ALTER TABLE members ADD COLUMN tier TEXT)",
    R"(ALTER TABLE members ADD COLUMN tier_since TEXT)",
    R"(ALTER TABLE members ADD COLUMN below_tier_since TEXT)",
    R"(ALTER TABLE members ADD COLUMN birthday_set_at TEXT)",
    R"(ALTER TABLE members ADD COLUMN referred_by INTEGER REFERENCES members(id))",
    R"(ALTER TABLE members ADD COLUMN last_visit_at TEXT)",
    R"(UPDATE members SET birthday_set_at = enrolled_at WHERE birthday IS NOT NULL)",
    R"(UPDATE members SET last_visit_at = (SELECT max(created_at) FROM ledger
                                           WHERE ledger.member_id = members.id AND ledger.kind = 'accrue'))",
    R"(CREATE INDEX members_referred_by ON members(referred_by) WHERE referred_by IS NOT NULL)",
    R"(CREATE TABLE tier_changes (
             id INTEGER PRIMARY KEY,
             member_id INTEGER NOT NULL REFERENCES members(id),
             from_tier TEXT NOT NULL,
             to_tier TEXT NOT NULL,
             direction TEXT NOT NULL CHECK (direction = 'up' OR direction = 'down'),
             reason TEXT NOT NULL,
             qualifying INTEGER NOT NULL,
             sale_id INTEGER REFERENCES sales(id),
             created_at TEXT NOT NULL))",
    R"(CREATE INDEX tier_changes_member ON tier_changes(member_id, id))",
    R"(CREATE TABLE grants (
             id INTEGER PRIMARY KEY,
             grant_key TEXT NOT NULL UNIQUE,
             member_id INTEGER NOT NULL REFERENCES members(id),
             kind TEXT NOT NULL CHECK (kind = 'birthday' OR kind = 'anniversary' OR kind = 'referral'
                                       OR kind = 'winback' OR kind = 'expire'),
             period TEXT NOT NULL,
             points INTEGER NOT NULL DEFAULT 0,
             state TEXT NOT NULL DEFAULT 'granted'
               CHECK (state = 'granted' OR state = 'offered' OR state = 'used' OR state = 'reversed'),
             source TEXT NOT NULL DEFAULT 'till' CHECK (source = 'till' OR source = 'square'),
             ledger_id INTEGER REFERENCES ledger(id),
             sale_id INTEGER REFERENCES sales(id),
             expires_at TEXT,
             created_at TEXT NOT NULL))",
    R"(CREATE INDEX grants_member ON grants(member_id, kind))",
    R"(CREATE INDEX grants_sale ON grants(sale_id) WHERE sale_id IS NOT NULL)",
    R"(CREATE TABLE promotions (
             id INTEGER PRIMARY KEY,
             square_id TEXT UNIQUE,
             name TEXT NOT NULL,
             status TEXT NOT NULL
               CHECK (status = 'ACTIVE' OR status = 'SCHEDULED' OR status = 'ENDED' OR status = 'CANCELED'),
             document TEXT NOT NULL,
             created_at TEXT NOT NULL,
             canceled_at TEXT))",
    R"(CREATE TABLE promotion_uses (
             sale_id INTEGER NOT NULL REFERENCES sales(id),
             promotion_id INTEGER NOT NULL REFERENCES promotions(id),
             member_id INTEGER NOT NULL REFERENCES members(id),
             points INTEGER NOT NULL,
             used_at TEXT NOT NULL,
             PRIMARY KEY (sale_id, promotion_id)) WITHOUT ROWID)",
    R"(CREATE INDEX promotion_uses_member ON promotion_uses(member_id, promotion_id, used_at))",
    R"(CREATE INDEX promotion_uses_promotion ON promotion_uses(promotion_id, used_at))",
};

// Version 6: reports. Each sale names the till and the staff member who took it. Small summary tables, kept by
// triggers in the transaction that writes the sale, the ledger entry or the member, so that no path that writes one
// (the till, sync's pull, an import, the automation pass) can leave them behind; days are the store's local days.
// ReportStore owns them, fills them when this version is applied, and `check` compares them with a recomputation.
// A sale's member, time, amount, till and staff never change once written: the summaries rely on it.
const char* const version6[] = {
    R"(ALTER TABLE sales ADD COLUMN till TEXT NOT NULL DEFAULT '')",
    R"(ALTER TABLE sales ADD COLUMN staff TEXT NOT NULL DEFAULT '')",
    R"(CREATE TRIGGER sales_fixed BEFORE UPDATE OF member_id, created_at, amount_minor, till, staff ON sales
           WHEN NEW.member_id IS NOT OLD.member_id OR NEW.created_at IS NOT OLD.created_at
             OR NEW.amount_minor IS NOT OLD.amount_minor OR NEW.till IS NOT OLD.till OR NEW.staff IS NOT OLD.staff
           BEGIN SELECT RAISE(ABORT, 'a recorded sale keeps its member, time, amount, till and staff'); END)",
    R"(CREATE TABLE report_sales (
             day TEXT NOT NULL,
             till TEXT NOT NULL,
             staff TEXT NOT NULL,
             sales INTEGER NOT NULL DEFAULT 0,
             amount_minor INTEGER NOT NULL DEFAULT 0,
             refunded_minor INTEGER NOT NULL DEFAULT 0,
             fully_refunded INTEGER NOT NULL DEFAULT 0,
             PRIMARY KEY (day, till, staff)) WITHOUT ROWID)",
    R"(CREATE TABLE report_points (
             day TEXT NOT NULL,
             kind TEXT NOT NULL,
             points INTEGER NOT NULL DEFAULT 0,
             entries INTEGER NOT NULL DEFAULT 0,
             discount_minor INTEGER NOT NULL DEFAULT 0,
             PRIMARY KEY (day, kind)) WITHOUT ROWID)",
    R"(CREATE TABLE report_member_days (
             day TEXT NOT NULL,
             member_id INTEGER NOT NULL,
             sales INTEGER NOT NULL DEFAULT 0,
             net_minor INTEGER NOT NULL DEFAULT 0,
             redemptions INTEGER NOT NULL DEFAULT 0,
             PRIMARY KEY (day, member_id)) WITHOUT ROWID)",
    R"(CREATE TABLE report_members (
             member_id INTEGER PRIMARY KEY,
             sales INTEGER NOT NULL DEFAULT 0,
             net_minor INTEGER NOT NULL DEFAULT 0,
             first_day TEXT NOT NULL,
             last_day TEXT NOT NULL))",
    R"(CREATE TABLE report_enrollments (
             day TEXT PRIMARY KEY,
             members INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID)",
    R"(CREATE TABLE report_member_months (
             member_id INTEGER NOT NULL,
             month TEXT NOT NULL,
             PRIMARY KEY (member_id, month)) WITHOUT ROWID)",
    R"(CREATE TABLE report_cohorts (
             cohort TEXT NOT NULL,
             month TEXT NOT NULL,
             buyers INTEGER NOT NULL DEFAULT 0,
             PRIMARY KEY (cohort, month)) WITHOUT ROWID)",
    R"(CREATE TRIGGER report_sale_added AFTER INSERT ON sales BEGIN
           INSERT INTO report_sales (day, till, staff, sales, amount_minor, refunded_minor, fully_refunded)
             VALUES (date(NEW.created_at, 'localtime'), NEW.till, NEW.staff, 1, NEW.amount_minor, NEW.refunded_minor,
                     NEW.refunded_minor = NEW.amount_minor)
             ON CONFLICT (day, till, staff) DO UPDATE SET sales = sales + 1,
               amount_minor = amount_minor + excluded.amount_minor,
               refunded_minor = refunded_minor + excluded.refunded_minor,
               fully_refunded = fully_refunded + excluded.fully_refunded;
           INSERT INTO report_member_days (day, member_id, sales, net_minor)
             VALUES (date(NEW.created_at, 'localtime'), NEW.member_id, 1, NEW.amount_minor - NEW.refunded_minor)
             ON CONFLICT (day, member_id) DO UPDATE SET sales = sales + 1, net_minor = net_minor + excluded.net_minor;
           INSERT INTO report_members (member_id, sales, net_minor, first_day, last_day)
             VALUES (NEW.member_id, 1, NEW.amount_minor - NEW.refunded_minor, date(NEW.created_at, 'localtime'),
                     date(NEW.created_at, 'localtime'))
             ON CONFLICT (member_id) DO UPDATE SET sales = sales + 1, net_minor = net_minor + excluded.net_minor,
               first_day = min(first_day, excluded.first_day), last_day = max(last_day, excluded.last_day);
           INSERT INTO report_cohorts (cohort, month, buyers)
             SELECT strftime('%Y-%m', m.enrolled_at, 'localtime'), strftime('%Y-%m', NEW.created_at, 'localtime'), 1
               FROM members m WHERE m.id = NEW.member_id AND NOT EXISTS (SELECT 1 FROM report_member_months
                 WHERE member_id = NEW.member_id AND month = strftime('%Y-%m', NEW.created_at, 'localtime'))
             ON CONFLICT (cohort, month) DO UPDATE SET buyers = buyers + 1;
           INSERT OR IGNORE INTO report_member_months (member_id, month)
             VALUES (NEW.member_id, strftime('%Y-%m', NEW.created_at, 'localtime'));
       END)",
    R"(CREATE TRIGGER report_sale_taken_back AFTER UPDATE OF refunded_minor ON sales
           WHEN NEW.refunded_minor <> OLD.refunded_minor BEGIN
           UPDATE report_sales SET refunded_minor = refunded_minor + NEW.refunded_minor - OLD.refunded_minor,
               fully_refunded = fully_refunded + (NEW.refunded_minor = NEW.amount_minor)
                                - (OLD.refunded_minor = OLD.amount_minor)
             WHERE day = date(NEW.created_at, 'localtime') AND till = NEW.till AND staff = NEW.staff;
           UPDATE report_member_days SET net_minor = net_minor - (NEW.refunded_minor - OLD.refunded_minor)
             WHERE day = date(NEW.created_at, 'localtime') AND member_id = NEW.member_id;
           UPDATE report_members SET net_minor = net_minor - (NEW.refunded_minor - OLD.refunded_minor)
             WHERE member_id = NEW.member_id;
       END)",
    R"(CREATE TRIGGER report_ledger_added AFTER INSERT ON ledger BEGIN
           INSERT INTO report_points (day, kind, points, entries, discount_minor)
             VALUES (date(NEW.created_at, 'localtime'), NEW.kind, NEW.points, 1, COALESCE(NEW.discount_minor, 0))
             ON CONFLICT (day, kind) DO UPDATE SET points = points + excluded.points, entries = entries + 1,
               discount_minor = discount_minor + excluded.discount_minor;
           INSERT INTO report_member_days (day, member_id, redemptions)
             SELECT date(NEW.created_at, 'localtime'), NEW.member_id, 1 WHERE NEW.kind = 'redeem'
             ON CONFLICT (day, member_id) DO UPDATE SET redemptions = redemptions + 1;
       END)",
    R"(CREATE TRIGGER report_member_added AFTER INSERT ON members BEGIN
           INSERT INTO report_enrollments (day, members) VALUES (date(NEW.enrolled_at, 'localtime'), 1)
             ON CONFLICT (day) DO UPDATE SET members = members + 1;
       END)",
};

// Version 7: who bought and who redeemed on each day, packed for reading a year at once. A row holds a local day's
// members of one bucket (member id mod 256) as text: each sale appends "id," and each redemption "-id,". A year's
// buyers, repeat buyers and redeemers are then some 90,000 rows rather than millions of member-days. The slot is the
// day's Julian day number (QDate::toJulianDay) × 256 + the bucket. Members per tier are counted off an index.
const char* const version7[] = {
    R"(CREATE TABLE report_day_members (slot INTEGER PRIMARY KEY, members TEXT NOT NULL))",
    R"(CREATE TRIGGER report_day_buyer AFTER INSERT ON sales BEGIN
           INSERT INTO report_day_members (slot, members)
             VALUES (CAST(julianday(date(NEW.created_at, 'localtime')) + 0.5 AS INTEGER) * 256 + NEW.member_id % 256,
                     NEW.member_id || ',')
             ON CONFLICT (slot) DO UPDATE SET members = members || excluded.members;
       END)",
    R"(CREATE TRIGGER report_day_redeemer AFTER INSERT ON ledger WHEN NEW.kind = 'redeem' BEGIN
           INSERT INTO report_day_members (slot, members)
             VALUES (CAST(julianday(date(NEW.created_at, 'localtime')) + 0.5 AS INTEGER) * 256 + NEW.member_id % 256,
                     '-' || NEW.member_id || ',')
             ON CONFLICT (slot) DO UPDATE SET members = members || excluded.members;
       END)",
    R"(CREATE INDEX members_tier ON members(tier) WHERE erased_at IS NULL)",
};

// Version 8: targeted offers (OfferStore). An offer names a segment, an incentive, its days (the store's local days)
// and a hold-out share; its members are fixed when it is made, each held out or not by a hash of the offer's key and
// the member's id, so that its report compares the same two groups however the segments move. A member uses an
// offer once: a bonus's ledger entry, or the sale a multiplier applied to.
const char* const version8[] = {
    R"(CREATE TABLE offers (
             id INTEGER PRIMARY KEY,
             offer_key TEXT NOT NULL UNIQUE,
             name TEXT NOT NULL CHECK (length(trim(name)) > 0),
             segment TEXT NOT NULL,
             kind TEXT NOT NULL CHECK (kind = 'bonus' OR kind = 'multiplier' OR kind = 'reward'),
             points INTEGER NOT NULL DEFAULT 0 CHECK (points >= 0),
             multiplier_milli INTEGER NOT NULL DEFAULT 1000 CHECK (multiplier_milli BETWEEN 1000 AND 10000),
             reward_id TEXT,
             valid_from TEXT NOT NULL,
             valid_to TEXT NOT NULL CHECK (valid_to >= valid_from),
             holdout_percent INTEGER NOT NULL CHECK (holdout_percent BETWEEN 0 AND 50),
             created_by TEXT NOT NULL,
             created_at TEXT NOT NULL,
             ended_at TEXT,
             ended_by TEXT))",
    R"(CREATE TABLE offer_members (
             offer_id INTEGER NOT NULL REFERENCES offers(id),
             member_id INTEGER NOT NULL REFERENCES members(id),
             held_out INTEGER NOT NULL CHECK (held_out = 0 OR held_out = 1),
             applied_at TEXT,
             apply_key TEXT UNIQUE,
             points INTEGER NOT NULL DEFAULT 0,
             ledger_id INTEGER REFERENCES ledger(id),
             sale_id INTEGER REFERENCES sales(id),
             CHECK (held_out = 0 OR applied_at IS NULL),
             PRIMARY KEY (offer_id, member_id)) WITHOUT ROWID)",
    // What the till asks at every sale and on the member panel: the member's unused offers.
    R"(CREATE INDEX offer_members_open ON offer_members(member_id, offer_id) WHERE held_out = 0 AND applied_at IS NULL)",
};

// Version 9: numbers reserved for cards printed before anyone has them (CardBatchStore). A batch is a run of
// consecutive serials (CardNumber: "29", the serial, the check digit); new cards are numbered after the highest.
const char* const version9[] = {
    R"(CREATE TABLE card_batches (
             id INTEGER PRIMARY KEY,
             first_serial INTEGER NOT NULL UNIQUE CHECK (first_serial BETWEEN 1 AND 9999999999),
             count INTEGER NOT NULL CHECK (count BETWEEN 1 AND 10000),
             reserved_by TEXT NOT NULL,
             reserved_at TEXT NOT NULL,
             CHECK (first_serial + count - 1 <= 9999999999)))",
};

// Version 10: a tamper-evident audit log (AuditChain). Each entry carries the hash of the entry before it and its own
// hash over its fields and that one; the first entry's "before" is the store's random id. audit_chain holds that id
// and the chain's head (the last entry's id, time, action and hash, and how many entries there are), so that deleting
// the last entries shows too. Entries written before this version are chained when it is applied (AuditChain::anchor).
// The triggers stop casual edits; `check` finds an edit made with them dropped.
const char* const version10[] = {
    R"(ALTER TABLE audit_log ADD COLUMN prev_hash TEXT)",
    R"(ALTER TABLE audit_log ADD COLUMN hash TEXT)",
    R"(CREATE TABLE audit_chain (
             id INTEGER PRIMARY KEY CHECK (id = 1),
             store_id TEXT NOT NULL CHECK (length(store_id) = 64),
             created_at TEXT NOT NULL,
             first_id INTEGER,
             entries INTEGER NOT NULL DEFAULT 0,
             head_id INTEGER NOT NULL DEFAULT 0,
             head_at TEXT,
             head_action TEXT,
             head_hash TEXT))",
    // An entry's hash is set once, when this version chains the entries written before it; nothing else changes.
    R"(DROP TRIGGER audit_no_update)",
    R"(CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
           WHEN OLD.hash IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor
             OR NEW.action IS NOT OLD.action OR NEW.subject IS NOT OLD.subject OR NEW.details IS NOT OLD.details
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END)",
    R"(CREATE TRIGGER audit_chained BEFORE INSERT ON audit_log WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL
           BEGIN SELECT RAISE(ABORT, 'an audit entry carries its place in the audit chain'); END)",
    R"(CREATE TRIGGER audit_chain_kept BEFORE DELETE ON audit_chain
           BEGIN SELECT RAISE(ABORT, 'the audit chain is kept'); END)",
    R"(CREATE TRIGGER audit_chain_follows BEFORE UPDATE ON audit_chain
           WHEN NEW.store_id IS NOT OLD.store_id OR NEW.created_at IS NOT OLD.created_at
             OR (OLD.first_id IS NOT NULL AND NEW.first_id IS NOT OLD.first_id) OR NEW.entries IS NOT OLD.entries + 1
             OR NEW.head_id IS NOT (SELECT max(id) FROM audit_log)
             OR NEW.head_hash IS NOT (SELECT hash FROM audit_log WHERE id = NEW.head_id)
           BEGIN SELECT RAISE(ABORT, 'the audit chain follows the audit log'); END)",
};

// Version 11: how many operations wait to sync, kept by triggers in the transaction that changes the outbox. The
// till shows it after every operation; counting the queue instead grew with it (a till offline for a day, or a
// training store whose demo members' operations are never sent and not counted). And an index of the members whose
// Square history is still to be read.
const char* const version11[] = {
    R"(CREATE TABLE outbox_waiting (
             id INTEGER PRIMARY KEY CHECK (id = 1),
             pending INTEGER NOT NULL CHECK (pending >= 0)))",
    R"(INSERT INTO outbox_waiting (id, pending)
           SELECT 1, count(*) FROM outbox o JOIN members m ON m.id = o.member_id
           WHERE m.origin <> 'generated' AND o.state = 'pending')",
    R"(CREATE TRIGGER outbox_waiting_added AFTER INSERT ON outbox
           WHEN NEW.state = 'pending' AND (SELECT origin FROM members WHERE id = NEW.member_id) <> 'generated'
           BEGIN UPDATE outbox_waiting SET pending = pending + 1 WHERE id = 1; END)",
    R"(CREATE TRIGGER outbox_waiting_changed AFTER UPDATE OF state, member_id ON outbox
           WHEN (OLD.state = 'pending') IS NOT (NEW.state = 'pending') OR NEW.member_id IS NOT OLD.member_id
           BEGIN UPDATE outbox_waiting SET pending = pending
               - coalesce(OLD.state = 'pending'
                          AND (SELECT origin FROM members WHERE id = OLD.member_id) <> 'generated', 0)
               + coalesce(NEW.state = 'pending'
                          AND (SELECT origin FROM members WHERE id = NEW.member_id) <> 'generated', 0)
             WHERE id = 1; END)",
    R"(CREATE TRIGGER outbox_waiting_removed AFTER DELETE ON outbox
           WHEN OLD.state = 'pending' AND (SELECT origin FROM members WHERE id = OLD.member_id) <> 'generated'
           BEGIN UPDATE outbox_waiting SET pending = pending - 1 WHERE id = 1; END)",
    R"(CREATE TRIGGER outbox_waiting_origin AFTER UPDATE OF origin ON members
           WHEN (OLD.origin = 'generated') IS NOT (NEW.origin = 'generated')
           BEGIN UPDATE outbox_waiting SET pending = pending + (CASE WHEN NEW.origin = 'generated' THEN -1 ELSE 1 END)
               * (SELECT count(*) FROM outbox WHERE member_id = NEW.id AND state = 'pending') WHERE id = 1; END)",
    R"(CREATE TRIGGER outbox_waiting_kept BEFORE DELETE ON outbox_waiting
           BEGIN SELECT RAISE(ABORT, 'the count of operations waiting to sync is kept'); END)",
    // The members linked to Square whose history sync has still to read, which each pass asks for: found by
    // scanning every member before (MemberStore::nextWithoutSquareHistory).
    R"(CREATE INDEX members_history_unread ON members(id)
           WHERE square_account_id IS NOT NULL AND square_history_at IS NULL)",
};

// Version 12: the outbox marks the rows of generated (training) members, which are never sent, so that the push
// finds the rows it may send through an index of their own. It walked past every training row on each call before,
// and a demo store's cashiers make thousands.
const char* const version12[] = {
    R"(ALTER TABLE outbox ADD COLUMN training INTEGER NOT NULL DEFAULT 0 CHECK (training = 0 OR training = 1))",
    R"(UPDATE outbox SET training = 1 WHERE member_id IN (SELECT id FROM members WHERE origin = 'generated'))",
    R"(CREATE TRIGGER outbox_training_added AFTER INSERT ON outbox
           WHEN (SELECT origin FROM members WHERE id = NEW.member_id) = 'generated'
           BEGIN UPDATE outbox SET training = 1 WHERE id = NEW.id; END)",
    R"(CREATE TRIGGER outbox_training_moved AFTER UPDATE OF member_id, training ON outbox
           WHEN NEW.training IS NOT coalesce((SELECT origin FROM members WHERE id = NEW.member_id) = 'generated', 0)
           BEGIN UPDATE outbox SET training = coalesce((SELECT origin FROM members WHERE id = NEW.member_id)
                                                       = 'generated', 0) WHERE id = NEW.id; END)",
    R"(CREATE TRIGGER outbox_training_origin AFTER UPDATE OF origin ON members
           WHEN (OLD.origin = 'generated') IS NOT (NEW.origin = 'generated')
           BEGIN UPDATE outbox SET training = (NEW.origin = 'generated') WHERE member_id = NEW.id; END)",
    R"(CREATE INDEX outbox_sendable ON outbox(id) WHERE state = 'pending' AND training = 0)",
    // The push's index before, which no statement reads now: every outbox row written keeps one index fewer.
    R"(DROP INDEX outbox_pending_order)",
};
} // namespace

QStringList schemaStatementsFor(int version)
{
    QStringList statements;
    auto add = [&statements](const auto& list) {
        for (const char* sql : list)
            statements << QString::fromUtf8(sql);
    };
    switch (version) {
    case 1:
        add(version1);
        break;
    case 2:
        add(version2);
        break;
    case 3:
        add(version3);
        break;
    case 4:
        add(version4);
        break;
    case 5:
        add(version5);
        break;
    case 6:
        add(version6);
        break;
    case 7:
        add(version7);
        break;
    case 8:
        add(version8);
        break;
    case 9:
        add(version9);
        break;
    case 10:
        add(version10);
        break;
    case 11:
        add(version11);
        break;
    case 12:
        add(version12);
        break;
    default:
        break;
    }
    return statements;
}

} // namespace lt
