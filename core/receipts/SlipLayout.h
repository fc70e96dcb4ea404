#pragma once

#include "core/receipts/LoyaltySlip.h"
#include "core/receipts/SlipRow.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QStringList>

namespace lt {

// Lays a LoyaltySlip out in rows of characters for a paper width: the store's name as a title, the till, time and
// reference, the member, the points line by line, the balance, the progress lines, the footer, the card's barcode
// and the cut. Labels are translated (context "SlipLayout"); numbers, money and dates follow `locale`, the store's
// language. Both EscPosEncoder and the page painter print these rows, so a slip reads the same on either.
class SlipLayout
{
    Q_DECLARE_TR_FUNCTIONS(SlipLayout)

public:
    SlipLayout(PaperWidth paper, const QLocale& locale);

    QList<SlipRow> rows(const LoyaltySlip& slip) const;

    int columns() const { return m_columns; }
    // "$2.50", "2,50 €": the amount in the locale's way with its currency's symbol (the ISO code when unknown).
    QString money(const Money& amount) const;
    // "Ana ··2671", "Member 123 ··2671", "Member 123".
    static QString memberText(const SlipMember& member);
    // The text cut at spaces into lines of at most `width` cells (a word longer than that is cut where it must be).
    static QStringList wrap(const QString& text, int width);

private:
    void title(QList<SlipRow>& rows, const QString& text) const;
    void text(QList<SlipRow>& rows, const QString& text, SlipRow::Align align = SlipRow::Align::Left,
              bool bold = false) const;
    void pair(QList<SlipRow>& rows, const QString& left, const QString& right, bool bold = false) const;
    void separator(QList<SlipRow>& rows) const;
    QString points(qint64 points, bool signedValue = false) const;
    void saleRows(QList<SlipRow>& rows, const LoyaltySlip& slip) const;
    void redemptionRows(QList<SlipRow>& rows, const LoyaltySlip& slip) const;
    void refundRows(QList<SlipRow>& rows, const LoyaltySlip& slip) const;
    void outlookRows(QList<SlipRow>& rows, const LoyaltySlip& slip) const;

    int m_columns;
    QLocale m_locale;
};

} // namespace lt
