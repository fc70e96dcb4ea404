#include "core/receipts/SlipLayout.h"

#include "core/domain/CardNumber.h"

#include <QHash>
#include <QMutex>

#include <algorithm>
#include <limits>

namespace lt {

namespace {
constexpr int FeedLinesBeforeCut = 3;

// What tr() takes to choose a plural form.
int pluralCount(qint64 n)
{
    return int(std::clamp<qint64>(n, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

// Locales write some numbers and dates with characters no receipt code page has (the narrow no-break space of
// French grouping and of "12:01 PM", the minus sign of some locales); they become what every page has.
QString printable(QString text)
{
    text.replace(QChar(0x202F), QChar(0x00A0)).replace(QChar(0x2009), QChar(0x00A0));
    text.replace(QChar(0x2212), u'-');
    return text;
}

// The symbol a currency is written with ("$", "€", "£"), from the first locale that uses it; its ISO code when none.
QString currencySymbol(const QString& isoCode, const QLocale& preferred)
{
    if (preferred.currencySymbol(QLocale::CurrencyIsoCode) == isoCode)
        return preferred.currencySymbol(QLocale::CurrencySymbol);
    static QMutex mutex;
    static QHash<QString, QString> symbols;
    const QMutexLocker lock(&mutex);
    if (symbols.isEmpty()) {
        for (const QLocale& locale :
             QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory)) {
            const QString code = locale.currencySymbol(QLocale::CurrencyIsoCode);
            if (!code.isEmpty() && !symbols.contains(code))
                symbols.insert(code, locale.currencySymbol(QLocale::CurrencySymbol));
        }
    }
    return symbols.value(isoCode, isoCode);
}
} // namespace

SlipLayout::SlipLayout(PaperWidth paper, const QLocale& locale)
    : m_columns(columnsOf(paper))
    , m_locale(locale)
{
}

QString SlipLayout::money(const Money& amount) const
{
    const int decimals = Money::decimalsOf(amount.currency());
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    // Exact: every amount a sale may carry (at most 10^8 minor units) is a double without rounding.
    const double value = static_cast<double>(amount.minorUnits()) / static_cast<double>(scale);
    return printable(m_locale.toCurrencyString(value, currencySymbol(amount.currency(), m_locale), decimals));
}

QString SlipLayout::memberText(const SlipMember& member)
{
    const QString last4 = member.phoneLast4.isEmpty() ? QString() : QStringLiteral(" ··") + member.phoneLast4;
    if (!member.firstName.isEmpty())
        return member.firstName + last4;
    return tr("Member %1").arg(member.id) + last4;
}

QStringList SlipLayout::wrap(const QString& input, int width)
{
    QStringList lines;
    QString line;
    const auto cutLong = [&](QString word) {
        // A word wider than the paper: as many whole characters as fit on each line.
        while (SlipRow::cellsOf(word) > width) {
            qsizetype take = 0;
            while (take < word.size()) {
                const qsizetype next = take + (word.at(take).isHighSurrogate() ? 2 : 1);
                if (take > 0 && SlipRow::cellsOf(word.left(next)) > width)
                    break;
                take = next;
            }
            lines << word.left(take);
            word = word.mid(take);
        }
        return word;
    };
    for (const QString& word : input.simplified().split(u' ', Qt::SkipEmptyParts)) {
        if (line.isEmpty()) {
            line = cutLong(word);
        } else if (SlipRow::cellsOf(line) + 1 + SlipRow::cellsOf(word) <= width) {
            line += u' ' + word;
        } else {
            lines << line;
            line = cutLong(word);
        }
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}

void SlipLayout::title(QList<SlipRow>& rows, const QString& titleText) const
{
    for (const QString& line : wrap(titleText, m_columns / 2)) {
        SlipRow row;
        row.text = line;
        row.align = SlipRow::Align::Center;
        row.bold = true;
        row.doubleSize = true;
        row.columns = m_columns / 2;
        rows << row;
    }
}

void SlipLayout::text(QList<SlipRow>& rows, const QString& content, SlipRow::Align align, bool bold) const
{
    for (const QString& line : wrap(content, m_columns)) {
        SlipRow row;
        row.text = line;
        row.align = align;
        row.bold = bold;
        row.columns = m_columns;
        rows << row;
    }
}

void SlipLayout::pair(QList<SlipRow>& rows, const QString& left, const QString& right, bool bold) const
{
    const int rightCells = SlipRow::cellsOf(right);
    if (rightCells + 2 > m_columns) { // the right part needs lines of its own
        text(rows, left, SlipRow::Align::Left, bold);
        text(rows, right, SlipRow::Align::Right, bold);
        return;
    }
    QStringList lefts = wrap(left, m_columns - rightCells - 1);
    if (lefts.isEmpty())
        lefts << QString();
    for (qsizetype i = 0; i + 1 < lefts.size(); ++i)
        text(rows, lefts.at(i), SlipRow::Align::Left, bold);
    SlipRow row;
    row.kind = SlipRow::Kind::Pair;
    row.text = lefts.constLast();
    row.right = right;
    row.bold = bold;
    row.columns = m_columns;
    rows << row;
}

void SlipLayout::separator(QList<SlipRow>& rows) const
{
    SlipRow row;
    row.kind = SlipRow::Kind::Separator;
    row.columns = m_columns;
    rows << row;
}

QString SlipLayout::points(qint64 value, bool signedValue) const
{
    const QString digits = printable(m_locale.toString(value < 0 ? -value : value));
    if (value < 0)
        return u'-' + digits;
    return signedValue && value > 0 ? u'+' + digits : digits;
}

void SlipLayout::saleRows(QList<SlipRow>& rows, const LoyaltySlip& slip) const
{
    if (!slip.saleTotal.currency().isEmpty())
        pair(rows, tr("Sale total"), money(slip.saleTotal));
    pair(rows, tr("Program points"), points(slip.programPoints));
    for (const PointsLine& line : slip.extras)
        pair(rows, line.name, points(line.points, true));
    pair(rows, tr("Points earned"), points(slip.earnedPoints()), true);
}

void SlipLayout::redemptionRows(QList<SlipRow>& rows, const LoyaltySlip& slip) const
{
    pair(rows, tr("Reward"), slip.rewardName);
    pair(rows, tr("Points spent"), points(-slip.pointsSpent));
    if (!slip.discount.isZero())
        pair(rows, tr("Discount to apply"), money(slip.discount), true);
    else if (slip.discountPercentage > 0)
        pair(rows, tr("Discount to apply"), tr("%1% off the sale").arg(m_locale.toString(slip.discountPercentage)),
             true);
}

void SlipLayout::refundRows(QList<SlipRow>& rows, const LoyaltySlip& slip) const
{
    if (!slip.saleTotal.currency().isEmpty())
        pair(rows, tr("Sale total"), money(slip.saleTotal));
    pair(rows, tr("Refunded"), money(slip.refunded));
    pair(rows, tr("Points taken back"), points(-slip.pointsTakenBack));
    if (slip.pointsRestored > 0)
        pair(rows, tr("Reward points returned"), points(slip.pointsRestored, true));
}

void SlipLayout::outlookRows(QList<SlipRow>& rows, const LoyaltySlip& slip) const
{
    // The count picks the plural form; the number itself is written in the store's locale.
    if (!slip.redeemableReward.isEmpty())
        text(rows, tr("You can redeem %1 now.").arg(slip.redeemableReward));
    if (slip.nextReward) {
        const qint64 needed = slip.nextReward->pointsNeeded;
        text(rows,
             tr("%1 more point(s) to %2.", nullptr, pluralCount(needed))
                 .arg(points(needed), slip.nextReward->rewardName));
    }
    if (slip.nextTier) {
        if (slip.nextTier->spendNeeded) {
            text(rows,
                 tr("Spend %1 more to reach %2.").arg(money(*slip.nextTier->spendNeeded), slip.nextTier->nextTier));
        } else {
            const qint64 needed = slip.nextTier->pointsNeeded;
            text(rows,
                 tr("%1 more point(s) to reach %2.", nullptr, pluralCount(needed))
                     .arg(points(needed), slip.nextTier->nextTier));
        }
    }
    if (slip.expiring) {
        const qint64 due = slip.expiring->points;
        text(rows,
             tr("%1 point(s) expire on %2.", nullptr, pluralCount(due))
                 .arg(points(due), printable(m_locale.toString(slip.expiring->expiresAt, QLocale::ShortFormat))));
    }
}

QList<SlipRow> SlipLayout::rows(const LoyaltySlip& slip) const
{
    QList<SlipRow> rows;
    title(rows, slip.storeName);
    switch (slip.kind) {
    case LoyaltySlip::Kind::Sale:
        text(rows, tr("Loyalty points"), SlipRow::Align::Center);
        break;
    case LoyaltySlip::Kind::Redemption:
        text(rows, tr("Reward redeemed"), SlipRow::Align::Center);
        break;
    case LoyaltySlip::Kind::Refund:
        text(rows, tr("Refund"), SlipRow::Align::Center);
        break;
    }
    const QString when = printable(m_locale.toString(slip.at.toLocalTime(), QLocale::ShortFormat));
    pair(rows, slip.tillName.isEmpty() ? tr("Till") : slip.tillName, when);
    if (!slip.reference.isEmpty())
        pair(rows, tr("Receipt"), slip.reference);
    if (!slip.refundReference.isEmpty())
        pair(rows, tr("Refund number"), slip.refundReference);
    pair(rows, tr("Member"), memberText(slip.member));
    separator(rows);
    switch (slip.kind) {
    case LoyaltySlip::Kind::Sale:
        saleRows(rows, slip);
        break;
    case LoyaltySlip::Kind::Redemption:
        redemptionRows(rows, slip);
        break;
    case LoyaltySlip::Kind::Refund:
        refundRows(rows, slip);
        break;
    }
    separator(rows);
    pair(rows, tr("Balance"), tr("%1 point(s)", nullptr, pluralCount(slip.balance)).arg(points(slip.balance)), true);
    outlookRows(rows, slip);
    if (!slip.footer.trimmed().isEmpty()) {
        separator(rows);
        text(rows, slip.footer, SlipRow::Align::Center);
    }
    if (CardNumber::validate(slip.cardNumber)) {
        SlipRow barcode;
        barcode.kind = SlipRow::Kind::Barcode;
        barcode.barcode = slip.cardNumber;
        barcode.align = SlipRow::Align::Center;
        barcode.columns = m_columns;
        rows << barcode;
    }
    SlipRow end;
    end.kind = SlipRow::Kind::FeedCut;
    end.feedLines = FeedLinesBeforeCut;
    end.columns = m_columns;
    rows << end;
    return rows;
}

} // namespace lt
