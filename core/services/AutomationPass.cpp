#include "core/services/AutomationPass.h"

#include "core/common/Clock.h"
#include "core/common/LocalDays.h"
#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/services/BonusGranter.h"
#include "core/services/EngineContext.h"
#include "core/services/ExpiryService.h"
#include "core/services/TierService.h"
#include "core/store/Database.h"
#include "core/store/GrantStore.h"
#include "core/store/MemberStore.h"
#include "core/store/StoreSettings.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

#include <algorithm>
#include <vector>

namespace lt {

namespace {
constexpr int Batch = 1000; // members read, and written in one transaction of a few tens of ms

bool overlaps(const std::pair<QDate, QDate>& period, QDate from, QDate to)
{
    return period.first <= to && period.second >= from;
}

QString monthDay(QDate date)
{
    return date.toString(QStringLiteral("MM-dd"));
}

// The month-days ("MM-DD") of the dates [first, last], as at most two ranges; none with `everyone` set when they
// cover the year. 29 February goes with 28 February, the day it is celebrated in other years.
QList<std::pair<QString, QString>> monthDays(QDate first, QDate last, bool& everyone)
{
    if (first.daysTo(last) >= 365) {
        everyone = true;
        return {};
    }
    const auto range = [](QDate from, QDate to) {
        QString end = monthDay(to);
        if (end == QLatin1String("02-28"))
            end = QStringLiteral("02-29");
        return std::pair {monthDay(from), end};
    };
    if (first.year() == last.year())
        return {range(first, last)};
    return {range(first, QDate(first.year(), 12, 31)), range(QDate(last.year(), 1, 1), last)};
}

} // namespace

QString AutomationPass::lastDayKey()
{
    return QStringLiteral("automations.last_day");
}

Result<AutomationReport> AutomationPass::run(const Actor& actor)
{
    AutomationReport report;
    report.to = m_context.clock.nowUtc().toLocalTime().date();
    report.from = report.to;
    // The pass reads every member and may write hundreds of thousands of grants into an index of digests.
    LT_TRY(m_context.db.widenCache(64));
    StoreSettings settings(m_context.db);
    LT_TRY_ASSIGN(const std::optional<QString> last, settings.state(lastDayKey()));
    if (last) {
        const QDate lastDay = QDate::fromString(*last, Qt::ISODate);
        // Catch up the days the till was off, but never more than a year (a store reopened after a long closure
        // does not hand out a year of gifts at once).
        if (lastDay.isValid() && lastDay < report.to)
            report.from = std::max(lastDay.addDays(1), report.to.addYears(-1).addDays(1));
    }
    LT_TRY(occasions(report.from, report.to, actor, report));
    qCDebug(lcServices) << "automation pass: gifts and win-back offers made" << report.grants.size() << "grants";
    LT_TRY_ASSIGN(const QList<TierChange> changes, TierService(m_context).evaluate(report.to));
    for (const TierChange& change : changes)
        report.grants << AutomationGrant {change.memberId,
                                          change.up ? QStringLiteral("tier_up") : QStringLiteral("tier_down"), 0};
    LT_TRY_ASSIGN(const QList<ExpiryService::Expired> expired, ExpiryService(m_context).expireDue(report.to, actor));
    for (const ExpiryService::Expired& lapsed : expired)
        report.grants << AutomationGrant {lapsed.memberId, QStringLiteral("expire"), -lapsed.points};
    // What will expire soon, for the reports' liability: one more read of the ledger, once a day.
    if (m_context.program.expirationMonths) {
        LT_TRY_ASSIGN(const ExpiryService::Forecast soon, ExpiryService(m_context).forecast(report.to));
        LT_TRY(settings.setState(ExpiryService::forecastStateKey(), ExpiryService::forecastText(soon)));
    }
    LT_TRY(settings.setState(lastDayKey(), report.to.toString(Qt::ISODate)));
    qCDebug(lcServices) << "automation pass" << report.from << "to" << report.to << "made" << report.grants.size()
                        << "grants";
    return report;
}

Result<void> AutomationPass::occasions(QDate from, QDate to, const Actor& actor, AutomationReport& report)
{
    const LoyaltyProgram& program = m_context.program;
    if (!program.birthdayBonus && !program.anniversaryBonus && !program.winBack)
        return {};
    // A week that holds an early-January date may start in the December before: next year's gift is due then.
    const int lastYear = to.year() + 1;
    QStringList years;
    for (int year = from.year(); year <= lastYear; ++year)
        years << QString::number(year);
    GrantStore grants(m_context.db);
    LT_TRY_ASSIGN(const GrantStore::Held birthdays, grants.held(GrantKind::Birthday, years));
    LT_TRY_ASSIGN(const GrantStore::Held anniversaries, grants.held(GrantKind::Anniversary, years));
    BonusGranter granter(m_context.db, m_context.clock, actor);
    const QDateTime now = m_context.clock.nowUtc();
    LocalDays days;

    const auto yearly = [&](const MemberStore::Occasions& member, const OccasionBonus& bonus, GrantKind kind,
                            QDate date, const GrantStore::Held& granted, const QString& kindName) -> Result<void> {
        for (int year = from.year(); year <= lastYear; ++year) {
            if (!overlaps(bonus.periodIn(year, date), from, to))
                continue;
            const QDate day = OccasionBonus::inYear(date, year);
            if (kind == GrantKind::Birthday && member.birthdaySetAt.isValid()
                && member.birthdaySetAt > day.addDays(-BirthdayNoticeDays))
                continue; // entered too close to the day: the usual guard against a birthday made up for a gift
            if (kind == GrantKind::Anniversary && year <= date.year())
                continue;
            const QString period = QString::number(year);
            if (granted.contains(BonusGranter::naturalKey(kind, period, member.phone), member.id, period))
                continue;
            const QString reward = bonus.rewardId.isEmpty() ? QString() : program.tier(bonus.rewardId)->name;
            const QString note = kind == GrantKind::Birthday
                ? QCoreApplication::translate("AutomationPass", "Birthday gift %1").arg(year)
                : QCoreApplication::translate("AutomationPass", "Anniversary gift: %n year(s) with us", nullptr,
                                              year - date.year());
            LT_TRY_ASSIGN(const bool given,
                          granter.grant(member.id, member.phone, kind, period, bonus.points,
                                        reward.isEmpty() ? note : QStringLiteral("%1 (%2)").arg(note, reward)));
            if (given)
                report.grants << AutomationGrant {member.id, kindName, bonus.points};
        }
        return {};
    };

    // Only members who may be owed something are read. An enrollment's date is stored in UTC, at most a day from
    // the store's; the exact day is checked below.
    MemberStore::OccasionFilter filter;
    if (program.birthdayBonus) {
        const auto [first, last] = program.birthdayBonus->datesMeeting(from, to);
        filter.birthdays = monthDays(first, last, filter.everyone);
    }
    if (program.anniversaryBonus) {
        const auto [first, last] = program.anniversaryBonus->datesMeeting(from, to);
        filter.enrollments = monthDays(first.addDays(-1), last.addDays(1), filter.everyone);
    }
    if (program.winBack) {
        filter.seenFrom =
            to.addDays(-program.winBack->afterDays - program.winBack->validDays).startOfDay(Qt::LocalTime).toUTC();
        filter.seenTo = to.addDays(1 - program.winBack->afterDays).startOfDay(Qt::LocalTime).toUTC().addMSecs(-1);
    }

    qint64 afterId = 0;
    for (;;) {
        LT_TRY_ASSIGN(const QList<MemberStore::Occasions> page,
                      MemberStore(m_context.db).occasions(filter, afterId, Batch));
        if (page.isEmpty())
            break;
        afterId = page.constLast().id;
        // Each pass meets every absent member's offer again until they come back: the page's offers are read in
        // one query, so that only new ones are written (an insert that finds its key costs a random index seek).
        QSet<QString> heldOffers;
        if (program.winBack) {
            LT_TRY_ASSIGN(heldOffers, grants.keysOfMembers(GrantKind::WinBack, page.constFirst().id, afterId));
        }
        LT_TRY(inBackgroundTransaction(m_context.db, [&]() -> Result<void> {
            for (const MemberStore::Occasions& member : page) {
                if (program.birthdayBonus && member.birthday.isValid())
                    LT_TRY(yearly(member, *program.birthdayBonus, GrantKind::Birthday, member.birthday, birthdays,
                                  QStringLiteral("birthday")));
                const QDate enrolled = days.dayOf(member.enrolledAt);
                if (program.anniversaryBonus && enrolled.isValid())
                    LT_TRY(yearly(member, *program.anniversaryBonus, GrantKind::Anniversary, enrolled, anniversaries,
                                  QStringLiteral("anniversary")));
                if (!program.winBack)
                    continue;
                const QDateTime lastSeen = member.lastVisitAt.isValid() ? member.lastVisitAt : member.enrolledAt;
                const QDate lastDay = days.dayOf(lastSeen);
                if (!lastDay.isValid() || program.winBack->offeredFrom(lastDay) > to
                    || program.winBack->offeredUntil(lastDay) < to)
                    continue; // not due yet, or its offer would be over (a week caught up makes only open offers)
                // One offer per absence: keyed by the day of the last visit.
                Grant offer;
                offer.key = BonusGranter::naturalKey(GrantKind::WinBack, lastDay.toString(Qt::ISODate), member.phone);
                if (heldOffers.contains(offer.key))
                    continue;
                offer.memberId = member.id;
                offer.kind = GrantKind::WinBack;
                offer.period = lastDay.toString(Qt::ISODate);
                offer.state = GrantState::Offered;
                offer.expiresAt = QDateTime(program.winBack->offeredUntil(lastDay), QTime(23, 59, 59)).toUTC();
                offer.createdAt = now;
                LT_TRY_ASSIGN(const bool offered, grants.insert(offer));
                if (offered)
                    report.grants << AutomationGrant {member.id, QStringLiteral("winback"), 0};
            }
            return {};
        }));
    }
    return {};
}

} // namespace lt
