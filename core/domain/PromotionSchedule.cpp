#include "core/domain/PromotionSchedule.h"

#include <QCoreApplication>

#include <libical/ical.h>
#include <memory>

namespace lt {

namespace {
struct ComponentFree
{
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
struct IteratorFree
{
    void operator()(icalrecur_iterator* iterator) const { icalrecur_iterator_free(iterator); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;
using Iterator = std::unique_ptr<icalrecur_iterator, IteratorFree>;

// A floating (zone-less) iCalendar time: wall-clock fields only, so arithmetic never crosses a zone rule.
icaltimetype floating(QDate date, QTime time)
{
    icaltimetype t = icaltime_null_time();
    t.year = date.year();
    t.month = date.month();
    t.day = date.day();
    t.hour = time.hour();
    t.minute = time.minute();
    t.second = time.second();
    return t;
}

QDate dateOf(const icaltimetype& t)
{
    return QDate(t.year, t.month, t.day);
}

icaltimetype plusSeconds(const icaltimetype& t, int seconds)
{
    return icaltime_add(t, icaldurationtype_from_int(seconds));
}

// The iterator over `rrule` from `start`; empty when libical finds the rule impossible.
Iterator iterate(const QByteArray& rrule, const icaltimetype& start)
{
    const icalrecurrencetype rule = icalrecurrencetype_from_string(rrule.constData());
    return Iterator(icalrecur_iterator_new(rule, start));
}

int propertyCount(icalcomponent* event, icalproperty_kind kind)
{
    return icalcomponent_count_properties(event, kind);
}
} // namespace

Result<PromotionSchedule> PromotionSchedule::fromPeriods(const QStringList& periods)
{
    const QString listField = QStringLiteral("available_time.time_periods");
    if (periods.isEmpty())
        return Error::invalid(listField + QStringLiteral(": ")
                                  + QCoreApplication::translate("PromotionSchedule", "must hold at least one period."),
                              listField);
    if (periods.size() > MaxPeriods)
        return Error::invalid(
            listField + QStringLiteral(": ")
                + QCoreApplication::translate("PromotionSchedule", "holds more than %1 periods.").arg(MaxPeriods),
            listField);
    PromotionSchedule schedule;
    bool endless = false;
    for (qsizetype i = 0; i < periods.size(); ++i) {
        const QString field = QStringLiteral("%1[%2]").arg(listField).arg(i);
        auto fail = [&](const QString& problem) {
            return Error::invalid(field + QStringLiteral(": ") + problem, field);
        };
        QString text = periods.at(i).trimmed();
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        // BEGIN:VEVENT and END:VEVENT are optional in Square's requests.
        if (!text.startsWith(QLatin1String("BEGIN:")))
            text = QStringLiteral("BEGIN:VEVENT\n") + text + QStringLiteral("\nEND:VEVENT");
        const Component event(icalparser_parse_string(text.toUtf8().constData()));
        if (!event || icalcomponent_isa(event.get()) != ICAL_VEVENT_COMPONENT
            || icalcomponent_get_first_component(event.get(), ICAL_ANY_COMPONENT))
            return fail(QCoreApplication::translate("PromotionSchedule", "is not one iCalendar event (VEVENT)."));
        // libical drops a property it cannot read and leaves an X-LIC-ERROR in its place.
        const bool unreadable = propertyCount(event.get(), ICAL_XLICERROR_PROPERTY) > 0;
        for (icalproperty* p = icalcomponent_get_first_property(event.get(), ICAL_ANY_PROPERTY); p;
             p = icalcomponent_get_next_property(event.get(), ICAL_ANY_PROPERTY)) {
            const icalproperty_kind kind = icalproperty_isa(p);
            if (kind != ICAL_DTSTART_PROPERTY && kind != ICAL_DURATION_PROPERTY && kind != ICAL_RRULE_PROPERTY
                && kind != ICAL_XLICERROR_PROPERTY)
                return fail(QCoreApplication::translate("PromotionSchedule",
                                                        "holds %1; only DTSTART, DURATION and RRULE are allowed.")
                                .arg(QString::fromUtf8(icalproperty_get_property_name(p))));
        }

        icalproperty* start = icalcomponent_get_first_property(event.get(), ICAL_DTSTART_PROPERTY);
        if (!start || propertyCount(event.get(), ICAL_DTSTART_PROPERTY) != 1)
            return fail(QCoreApplication::translate(
                "PromotionSchedule", "needs one DTSTART in local time, such as DTSTART:20240305T160000."));
        if (icalproperty_get_first_parameter(start, ICAL_TZID_PARAMETER))
            return fail(
                QCoreApplication::translate("PromotionSchedule", "DTSTART must be local time, without a time zone."));
        const icaltimetype dtstart = icalproperty_get_dtstart(start);
        if (dtstart.is_date || icaltime_is_null_time(dtstart) || !icaltime_is_valid_time(dtstart))
            return fail(QCoreApplication::translate("PromotionSchedule",
                                                    "DTSTART must be a date and a time, such as 20240305T160000."));
        if (icaltime_is_utc(dtstart))
            return fail(QCoreApplication::translate("PromotionSchedule",
                                                    "DTSTART must be local time, not UTC (no Z at its end)."));

        icalproperty* duration = icalcomponent_get_first_property(event.get(), ICAL_DURATION_PROPERTY);
        if (!duration || propertyCount(event.get(), ICAL_DURATION_PROPERTY) != 1)
            return fail(QCoreApplication::translate("PromotionSchedule", "needs one DURATION, such as DURATION:PT2H."));
        const icaldurationtype length = icalproperty_get_duration(duration);
        const int seconds = icaldurationtype_as_int(length);
        if (icaldurationtype_is_bad_duration(length) || seconds <= 0)
            return fail(QCoreApplication::translate("PromotionSchedule",
                                                    "DURATION must be longer than nothing, such as PT2H."));
        if (seconds > MaxDurationSeconds)
            return fail(QCoreApplication::translate("PromotionSchedule", "DURATION must be one day (P1D) or less."));

        Period period {dateOf(dtstart), QTime(dtstart.hour, dtstart.minute, dtstart.second), seconds, {}};
        QDate first = period.startDate;
        QDate last = dateOf(plusSeconds(dtstart, seconds - 1));
        icalproperty* rrule = icalcomponent_get_first_property(event.get(), ICAL_RRULE_PROPERTY);
        if (rrule) {
            const icalrecurrencetype rule = icalproperty_get_rrule(rrule);
            if (propertyCount(event.get(), ICAL_RRULE_PROPERTY) != 1)
                return fail(QCoreApplication::translate("PromotionSchedule", "may hold one RRULE only."));
            if (rule.freq == ICAL_NO_RECURRENCE)
                return fail(QCoreApplication::translate("PromotionSchedule",
                                                        "RRULE cannot be read, such as RRULE:FREQ=WEEKLY;BYDAY=TU."));
            if (rule.freq != ICAL_DAILY_RECURRENCE && rule.freq != ICAL_WEEKLY_RECURRENCE
                && rule.freq != ICAL_MONTHLY_RECURRENCE && rule.freq != ICAL_YEARLY_RECURRENCE)
                return fail(QCoreApplication::translate("PromotionSchedule",
                                                        "RRULE's FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY."));
            if (rule.count > 10000)
                return fail(QCoreApplication::translate("PromotionSchedule", "RRULE's COUNT must be 10000 or less."));
            period.rrule = QByteArray(icalproperty_get_value_as_string(rrule));
            Iterator occurrences = iterate(period.rrule, dtstart);
            const icaltimetype firstStart =
                occurrences ? icalrecur_iterator_next(occurrences.get()) : icaltime_null_time();
            if (icaltime_is_null_time(firstStart))
                return fail(QCoreApplication::translate(
                    "PromotionSchedule", "RRULE never fires: its UNTIL comes before DTSTART, or no day matches it."));
            first = dateOf(firstStart);
            if (rule.count > 0) {
                icaltimetype lastStart = firstStart;
                for (icaltimetype next = icalrecur_iterator_next(occurrences.get()); !icaltime_is_null_time(next);
                     next = icalrecur_iterator_next(occurrences.get()))
                    lastStart = next;
                last = dateOf(plusSeconds(lastStart, seconds - 1));
            } else if (!icaltime_is_null_time(rule.until)) {
                last = dateOf(rule.until); // as Square's end_date: UNTIL=20220801T000000 ends on 1 August
            } else {
                endless = true;
            }
        } else if (unreadable && text.contains(QLatin1String("RRULE"))) {
            return fail(QCoreApplication::translate("PromotionSchedule",
                                                    "RRULE cannot be read, such as RRULE:FREQ=WEEKLY;BYDAY=TU."));
        }
        if (unreadable)
            return fail(QCoreApplication::translate("PromotionSchedule", "cannot be read as an iCalendar event."));
        schedule.m_periods.append(period);
        if (!schedule.m_firstDate.isValid() || first < schedule.m_firstDate)
            schedule.m_firstDate = first;
        if (!schedule.m_lastDate.isValid() || last > schedule.m_lastDate)
            schedule.m_lastDate = last;
    }
    if (endless)
        schedule.m_lastDate = QDate();
    return schedule;
}

bool PromotionSchedule::contains(const QDateTime& localTime) const
{
    const icaltimetype at = floating(localTime.date(), localTime.time());
    for (const Period& period : m_periods) {
        const icaltimetype dtstart = floating(period.startDate, period.startTime);
        if (period.rrule.isEmpty()) {
            if (icaltime_compare(dtstart, at) <= 0
                && icaltime_compare(at, plusSeconds(dtstart, period.durationSeconds)) < 0)
                return true;
            continue;
        }
        Iterator occurrences = iterate(period.rrule, dtstart);
        if (!occurrences)
            continue;
        // Only a start later than `at` minus the duration can cover `at`: jump there (libical cannot with COUNT).
        const icaltimetype earliest = plusSeconds(at, 1 - period.durationSeconds);
        if (icaltime_compare(earliest, dtstart) > 0
            && icalrecurrencetype_from_string(period.rrule.constData()).count == 0)
            icalrecur_iterator_set_start(occurrences.get(), earliest);
        for (icaltimetype start = icalrecur_iterator_next(occurrences.get());
             !icaltime_is_null_time(start) && icaltime_compare(start, at) <= 0;
             start = icalrecur_iterator_next(occurrences.get())) {
            if (icaltime_compare(at, plusSeconds(start, period.durationSeconds)) < 0)
                return true;
        }
    }
    return false;
}

QString PromotionSchedule::periodText(QDate from, QTime start, int durationSeconds, const QStringList& weekdays,
                                      QDate until)
{
    // Formatted field by field: a QDateTime would move a start in a daylight-saving gap.
    const QString dtstart =
        from.toString(QStringLiteral("yyyyMMdd")) + QLatin1Char('T') + start.toString(QStringLiteral("HHmmss"));
    char* duration = icaldurationtype_as_ical_string_r(icaldurationtype_from_int(durationSeconds));
    QString text = QStringLiteral("BEGIN:VEVENT\nDTSTART:%1\nDURATION:%2\nRRULE:FREQ=%3")
                       .arg(dtstart, QString::fromUtf8(duration),
                            weekdays.isEmpty() ? QStringLiteral("DAILY") : QStringLiteral("WEEKLY"));
    icalmemory_free_buffer(duration);
    if (until.isValid())
        text += QStringLiteral(";UNTIL=%1T235959").arg(until.toString(QStringLiteral("yyyyMMdd")));
    if (!weekdays.isEmpty())
        text += QStringLiteral(";BYDAY=") + weekdays.join(QLatin1Char(','));
    return text + QStringLiteral("\nEND:VEVENT");
}

} // namespace lt
