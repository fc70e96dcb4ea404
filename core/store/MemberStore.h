#pragma once

#include "core/common/Result.h"
#include "core/domain/Member.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <initializer_list>
#include <optional>

struct sqlite3_stmt;

namespace lt {

class Database;

// Owns the tables members, cards and member_search: each member's row with its cached balance and lifetime
// points and its link to Square, the cards issued to them, and the words their name and e-mail are found by.
// (Demo data enters the same tables through BulkMemberWriter, SQLite's own API for speed.)
// Members read here carry no tier: the tier is the program's rule (PointsRules), which MemberDirectory applies.
class MemberStore
{
public:
    enum class Standing {
        Missing, // no member has this id
        Active, // enrolled and taking part
        Erased, // left the program: personal data erased, history kept
    };

    struct NewMember
    {
        QString phone; // E.164
        QString name;
        QString email;
        QString birthday; // YYYY-MM-DD, or empty
        bool marketingConsent = false;
        QString consentVersion; // stored only with a consent
        QDateTime enrolledAt; // also when the consent was given
        QString origin = QStringLiteral("till"); // till, import (also Square's own members) or generated
        QString squareAccountId; // a member Square already knows; empty until sync links one
        qint64 referredBy = 0; // the member who brought this one in
    };

    // A member linked to a Square loyalty account, as the balance comparison needs them.
    struct SquareLink
    {
        qint64 memberId = 0;
        qint64 balance = 0;
    };

    explicit MemberStore(Database& db)
        : m_db(db)
    {
    }

    Result<std::optional<Member>> byId(qint64 id) const;
    Result<std::optional<Member>> byPhone(const QString& e164) const;
    Result<std::optional<Member>> byCard(const QString& number) const;
    // Members who have a search term starting with every word (at most five words), by name.
    Result<QList<Member>> search(const QStringList& words, int limit) const;
    Result<QList<Member>> list(int limit, qint64 afterId) const;
    Result<qint64> count() const;

    Result<Standing> standing(qint64 id) const;
    Result<qint64> balance(qint64 id) const; // 0 for no member
    Result<qint64> idByPhone(const QString& e164) const; // 0 when no member has it
    Result<qint64> idByCard(const QString& number) const; // 0 when the card was never issued
    // The highest card number issued with this prefix, or empty.
    Result<QString> highestCard(const QString& prefix) const;

    // Inside the caller's transaction: the member's row and search terms.
    Result<qint64> insert(const NewMember& member);
    Result<void> addCard(qint64 memberId, const QString& number, const QDateTime& issuedAt);
    Result<void> setPhone(qint64 memberId, const QString& e164);
    // A purchase at `at`, here or at another till (win-back counts from the last one).
    Result<void> recordVisit(qint64 memberId, const QDateTime& at);
    // What the automatic bonuses need of every member still in the program, by id from `afterId`.
    struct Occasions
    {
        qint64 id = 0;
        QString phone;
        QDate birthday;
        QDate birthdaySetAt;
        QDateTime enrolledAt;
        QDateTime lastVisitAt;
    };
    // Which members a pass looks at: those with a birthday, or an enrollment's stored (UTC) date, whose month and
    // day ("MM-DD") fall in one of the inclusive ranges, and those last seen (the last visit, else the enrollment)
    // between seenFrom and seenTo. Reading only them keeps a daily pass from parsing a million members.
    struct OccasionFilter
    {
        bool everyone = false;
        QList<std::pair<QString, QString>> birthdays;
        QList<std::pair<QString, QString>> enrollments;
        QDateTime seenFrom;
        QDateTime seenTo; // with seenFrom invalid, absence does not select
    };
    Result<QList<Occasions>> occasions(const OccasionFilter& filter, qint64 afterId, int limit) const;
    // The reports' member lists. Members enrolled from `fromUtc` (invalid: since the store began) to before
    // `beforeUtc`, erased ones included (they stay in the enrollment figures), by id.
    Result<QList<qint64>> enrolledBetween(const QDateTime& fromUtc, const QDateTime& beforeUtc) const;
    // Members still in the program who hold `tier`; with `orUnplaced`, also those never placed in a tier (who hold
    // the program's first one), by id.
    Result<QList<qint64>> inTier(const QString& tier, bool orUnplaced) const;
    // Keeps the cached balance and lifetime points in step with a ledger entry; false when there is no such member.
    Result<bool> addPoints(qint64 memberId, qint64 points, qint64 lifetimePoints);
    struct PointsChange
    {
        qint64 memberId = 0;
        qint64 points = 0;
        qint64 lifetimePoints = 0;
    };
    // addPoints for many members at once through SQLite's own API; a NotFound error names a missing member.
    Result<void> addPointsToMany(const QList<PointsChange>& changes);

    // The member's link to Square, as sync keeps it.
    Result<QString> squareAccountId(qint64 memberId) const; // empty when not linked
    Result<std::optional<SquareLink>> bySquareAccount(const QString& accountId) const;
    // historyReadAt: when the account is known to have no history this store lacks (a new account), else nullopt:
    // the next pull reads its history.
    Result<void> linkSquareAccount(qint64 memberId, const QString& accountId,
                                   const std::optional<QDateTime>& historyReadAt);
    // Links only a member not linked yet; its history is read next. False when it was linked already.
    Result<bool> linkSquareAccountIfUnlinked(qint64 memberId, const QString& accountId);
    // Links the member again by phone: Square may have merged the account into another one.
    Result<void> unlinkSquareAccount(qint64 memberId);
    // The next linked member (not generated) whose Square history was never read; 0 when none.
    Result<qint64> nextWithoutSquareHistory() const;
    Result<void> markSquareHistoryRead(qint64 memberId, const QDateTime& at);
    Result<void> recordSquareBalance(qint64 memberId, qint64 balance, const QDateTime& at);
    // Erasure on request, inside the caller's transaction: phone, name, e-mail, birthday, consent version, search
    // terms and cards go; the row keeps its id, balance, tier, consent flag and time, link to Square and erased_at,
    // so the anonymous ledger, sales and reports stay whole. False when the member was erased already (or is none).
    Result<bool> erasePersonalData(qint64 memberId, const QDateTime& at);
    // Every card issued to the member, newest first.
    Result<QStringList> cards(qint64 memberId) const;
    // Gives or withdraws the marketing consent at `at` (version: only with a consent); false when it already stood
    // so, or the member is erased or none.
    Result<bool> setMarketingConsent(qint64 memberId, bool consent, const QString& version, const QDateTime& at);
    // Members who withdrew their marketing consent (no consent, with the time it was withdrawn), by id. Members never
    // asked hold no consent time and are not among them.
    Result<QList<qint64>> withdrawnConsent() const;

    // The phone of a linked member in a settled state (no held Square events, no operation of unknown outcome),
    // whose balance can be compared with Square's; empty otherwise.
    Result<QString> phoneWhenSettledWithSquare(qint64 memberId) const;

private:
    Result<std::optional<Member>> one(const QByteArray& sql, const QVariantList& values) const;
    Result<QList<Member>> fetch(const QByteArray& sql, const QVariantList& values) const;
    static Member memberFrom(sqlite3_stmt* row);

    Database& m_db;
};

} // namespace lt
