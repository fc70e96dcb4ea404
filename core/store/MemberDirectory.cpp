#include "core/store/MemberDirectory.h"

#include "core/common/Clock.h"
#include "core/domain/CardNumber.h"
#include "core/domain/SearchTerms.h"
#include "core/services/EngineContext.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

namespace lt {

QString MemberDirectory::memberColumns()
{
    return QStringLiteral(
        "m.id, m.phone, m.name, m.email, m.birthday, m.consent, m.consent_at, m.consent_version, m.enrolled_at, "
        "m.balance, m.lifetime_points, m.square_account_id, m.erased_at, "
        "(SELECT number FROM cards WHERE member_id = m.id ORDER BY issued_at DESC, number DESC LIMIT 1)");
}

Member MemberDirectory::memberFrom(const QSqlQuery& query) const
{
    Member m;
    m.id = query.value(0).toLongLong();
    m.phone = query.value(1).toString();
    m.name = query.value(2).toString();
    m.email = query.value(3).toString();
    m.birthday = QDate::fromString(query.value(4).toString(), Qt::ISODate);
    m.marketingConsent = query.value(5).toInt() == 1;
    m.consentAt = fromStorageTime(query.value(6).toString());
    m.consentVersion = query.value(7).toString();
    m.enrolledAt = fromStorageTime(query.value(8).toString());
    m.balance = query.value(9).toLongLong();
    m.lifetimePoints = query.value(10).toLongLong();
    m.squareAccountId = query.value(11).toString();
    m.erased = !query.value(12).isNull();
    m.card = query.value(13).toString();
    m.tier = m_context.program.memberTierFor(m.lifetimePoints);
    return m;
}

Result<QList<Member>> MemberDirectory::fetch(const QString& sql, std::initializer_list<QVariant> values) const
{
    QSqlQuery& query = m_context.db.prepared(sql);
    StatementScope scope(query);
    if (auto done = m_context.db.exec(query, values); !done)
        return done.error();
    QList<Member> members;
    while (query.next())
        members << memberFrom(query);
    return members;
}

Result<Member> MemberDirectory::byId(qint64 id) const
{
    auto found =
        fetch(QStringLiteral("SELECT ") + memberColumns() + QStringLiteral(" FROM members m WHERE m.id = ?"), {id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::notFound(QCoreApplication::translate("MemberDirectory", "There is no member %1.").arg(id));
    return found->first();
}

Result<Member> MemberDirectory::byPhone(const QString& anyFormat) const
{
    static const QString sql =
        QStringLiteral("SELECT ") + memberColumns() + QStringLiteral(" FROM members m WHERE m.phone = ?");
    // Stored numbers are valid E.164, so a hit on the quick form is the member the library would find; a miss
    // proves nothing and goes through the library.
    if (const std::optional<QString> quick = m_context.phones.quickE164(anyFormat)) {
        auto found = fetch(sql, {*quick});
        if (!found)
            return found.error();
        if (!found->isEmpty())
            return found->first();
    }
    auto phone = m_context.phones.normalize(anyFormat);
    if (!phone)
        return phone.error();
    auto found = fetch(sql, {*phone});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::notFound(
            QCoreApplication::translate("MemberDirectory", "No member has the phone number %1.").arg(*phone));
    return found->first();
}

Result<Member> MemberDirectory::byCard(const QString& scan) const
{
    auto card = CardNumber::validate(scan);
    if (!card)
        return card.error();
    auto found = fetch(QStringLiteral("SELECT ") + memberColumns()
                           + QStringLiteral(" FROM cards c JOIN members m ON m.id = c.member_id WHERE c.number = ?"),
                       {*card});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::notFound(
            QCoreApplication::translate("MemberDirectory", "The card %1 does not belong to a member yet.").arg(*card));
    return found->first();
}

Result<QList<Member>> MemberDirectory::search(const QString& text, int limit) const
{
    QStringList words = SearchTerms::queryWords(text);
    if (words.isEmpty())
        return Error::invalid(QCoreApplication::translate(
                                  "MemberDirectory", "Type a phone number, scan a card, or type a name or e-mail."),
                              QStringLiteral("query"));
    if (words.size() > 5)
        words = words.mid(0, 5);
    QStringList parts;
    for (int i = 0; i < words.size(); ++i)
        parts << QStringLiteral("SELECT member_id FROM member_search WHERE term >= ? AND term < ?");
    const QString sql = QStringLiteral("SELECT ") + memberColumns() + QStringLiteral(" FROM members m WHERE m.id IN (")
        + parts.join(QStringLiteral(" INTERSECT ")) + QStringLiteral(") ORDER BY m.name, m.id LIMIT ?");
    QSqlQuery query(m_context.db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Database::errorFrom(query);
    int i = 0;
    for (const QString& word : words) {
        query.bindValue(i++, word);
        query.bindValue(i++, SearchTerms::prefixUpperBound(word));
    }
    query.bindValue(i, limit);
    if (!query.exec())
        return Database::errorFrom(query);
    QList<Member> members;
    while (query.next())
        members << memberFrom(query);
    return members;
}

Result<MemberDirectory::Lookup> MemberDirectory::lookup(const QString& query, int limit) const
{
    const QString text = query.trimmed();
    Lookup result;
    if (text.isEmpty())
        return Error::invalid(QCoreApplication::translate(
                                  "MemberDirectory", "Type a phone number, scan a card, or type a name or e-mail."),
                              QStringLiteral("query"));
    if (text.size() > 200)
        return Error::invalid(
            QCoreApplication::translate("MemberDirectory", "That is too long to be a phone number, a card or a name."),
            QStringLiteral("query"));
    if (CardNumber::looksLikeCard(text)) {
        result.matchedBy = MatchedBy::Card;
        auto card = CardNumber::validate(text);
        if (!card)
            return card.error();
        result.normalized = *card;
        auto member = byCard(*card);
        if (member)
            result.members << *member;
        else if (member.error().kind != ErrorKind::NotFound)
            return member.error();
        return result;
    }
    if (PhoneNumberNormalizer::looksLikePhoneNumber(text)) {
        result.matchedBy = MatchedBy::Phone;
        auto phone = m_context.phones.normalize(text);
        if (!phone)
            return phone.error();
        result.normalized = *phone;
        auto member = byPhone(*phone);
        if (member)
            result.members << *member;
        else if (member.error().kind != ErrorKind::NotFound)
            return member.error();
        return result;
    }
    auto members = search(text, limit);
    if (!members)
        return members.error();
    result.members = *members;
    return result;
}

Result<QList<Member>> MemberDirectory::list(int limit, qint64 afterId) const
{
    return fetch(QStringLiteral("SELECT ") + memberColumns()
                     + QStringLiteral(" FROM members m WHERE m.id > ? ORDER BY m.id LIMIT ?"),
                 {afterId, limit});
}

Result<QList<LedgerEntry>> MemberDirectory::history(qint64 memberId, int limit) const
{
    if (auto member = byId(memberId); !member)
        return member.error();
    QSqlQuery& query = m_context.db.prepared(QStringLiteral(
        "SELECT l.id, l.member_id, l.kind, l.points, COALESCE(s.reference, l.reference), l.reward_tier_id, "
        "l.discount_minor, l.note, l.actor, l.created_at, "
        "NOT EXISTS (SELECT 1 FROM outbox o WHERE o.ledger_id = l.id AND o.state <> 'sent') "
        "FROM ledger l LEFT JOIN sales s ON s.id = l.sale_id WHERE l.member_id = ? ORDER BY l.id DESC LIMIT ?"));
    StatementScope scope(query);
    if (auto done = m_context.db.exec(query, {memberId, limit}); !done)
        return done.error();
    QList<LedgerEntry> entries;
    while (query.next()) {
        LedgerEntry e;
        e.id = query.value(0).toLongLong();
        e.memberId = query.value(1).toLongLong();
        e.kind = query.value(2).toString();
        e.points = query.value(3).toLongLong();
        e.saleReference = query.value(4).toString();
        e.rewardTierId = query.value(5).toString();
        e.discountMinor = query.value(6).toLongLong();
        e.note = query.value(7).toString();
        e.actor = query.value(8).toString();
        e.createdAt = fromStorageTime(query.value(9).toString());
        e.synced = query.value(10).toBool();
        entries << e;
    }
    return entries;
}

} // namespace lt
