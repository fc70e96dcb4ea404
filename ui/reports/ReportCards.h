#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace lt::ui {

struct ReportData;

// The Reports screen's key figures, shared by the screen and its PDF: each card's key (the JSON key of `report
// summary` where there is one), title, how it is computed, whether it follows the till and staff filter, and its
// value and comparisons as text.
class ReportCards
{
    Q_DECLARE_TR_FUNCTIONS(lt::ui::ReportCards)
public:
    struct Card
    {
        QString key;
        QString title;
        QString howComputed;
        bool followsFilter = false; // the sales figures; members and points are the whole store's
    };
    // Every card, in the screen's order, in the user's language.
    static QList<Card> all();
    static QString value(const QString& key, const ReportData& data);
    // "+12.5 % on the period before · new on a year earlier"
    static QString comparison(const QString& key, const ReportData& data);
    // Why a card stays the whole store's while the sales are filtered.
    static QString notSplit();
    // "All tills · staff:3": the filter, in words.
    static QString filterText(const QString& till, const QString& staff);
};

} // namespace lt::ui
