#pragma once

#include "core/domain/StorageNames.h"

#include <QDateTime>
#include <QString>

namespace lt {

// What the program gave a member by itself, stored as text in grants.kind.
enum class GrantKind {
    Birthday, // the yearly birthday gift
    Anniversary, // the yearly gift on the enrollment date
    Referral, // the bonus of a referrer or of the member they brought in
    WinBack, // an offer to a member who stopped coming: the next sale earns more
    Expire, // points that lapsed (kept for reports; expiry itself is a ledger entry)
};

// Where a grant stands, stored as text in grants.state.
enum class GrantState {
    Granted, // its points were posted
    Offered, // an offer not used yet (win-back)
    Used, // an offer a sale used
    Reversed, // its points were taken back (the referral's first sale was refunded)
};

// A grant under its natural key, the same on every till of the store (kind, period and a digest of the member's
// phone), so that a grant made by one till is recognised, not repeated, by another.
struct Grant
{
    qint64 id = 0;
    QString key;
    qint64 memberId = 0;
    GrantKind kind = GrantKind::Birthday;
    QString period; // "2026" for a yearly gift, the lapse's date for a win-back offer, the referee for a referral
    qint64 points = 0;
    GrantState state = GrantState::Granted;
    qint64 ledgerId = 0;
    qint64 saleId = 0;
    QDateTime expiresAt; // an offer's last moment
    QDateTime createdAt;
};

QString toStorage(GrantKind kind);
template<>
Result<GrantKind> fromStorage<GrantKind>(const QString& text);
QString toStorage(GrantState state);
template<>
Result<GrantState> fromStorage<GrantState>(const QString& text);

} // namespace lt
