#include "bench/SlipWorkCost.h"

#include "core/domain/Actor.h"
#include "core/domain/Sale.h"
#include "core/receipts/PrinterUri.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/SlipService.h"
#include "ui/TillPreferences.h"
#include "ui/printing/SlipPrinterSetup.h"

#include <QLocale>

namespace lt::bench {

Result<SlipWorkCost> SlipWorkCost::measure(LoyaltyEngine& engine, qint64 cashierId, const QList<qint64>& members,
                                           const QString& receipts)
{
    ui::SlipPrinterSetup setup;
    LT_TRY_ASSIGN(setup.printer, PrinterUri::parse(QStringLiteral("tcp://127.0.0.1:9100")));
    setup.paper = PaperWidth::Mm80;
    setup.codePage = CodePage::Id::Pc858;
    setup.locale = QLocale();
    ui::SlipPrinterSetup asImages = setup;
    asImages.codePage = CodePage::Id::Image;

    SlipWorkCost cost;
    const SlipService slips(engine.context());
    for (qsizetype i = 0; i < members.size(); ++i) {
        LT_TRY_ASSIGN(const Money total,
                      Money::parse(QStringLiteral("%1.00").arg(10 + i % 50), engine.program().currency));
        const Sale sale {receipts + QString::number(i), total, {}};
        LT_TRY_ASSIGN(const PointsChange change, engine.accrual().accrue(members.at(i), sale, Actor::staff(cashierId)));
        std::optional<Result<LoyaltySlip>> slip;
        cost.make.time([&] { slip.emplace(slips.fromChange(LoyaltySlip::Kind::Sale, change)); });
        if (!*slip)
            return slip->error();
        const LoyaltySlip& made = **slip;
        cost.readSetup.time(
            [] { auto read = ui::SlipPrinterSetup::fromPreferences(ui::TillPreferences(), QLocale()); });
        // The queue's step when the slip's turn comes: its rows, then the transport with the bytes it will send.
        cost.queueStep.time([&] { auto transport = setup.transportFor(setup.rows(made)); });
        QByteArray bytes;
        cost.encode.time([&] { bytes = setup.escPos(setup.rows(made)); });
        cost.bytes = bytes.size();
        cost.encodeAsImage.time([&] { bytes = asImages.escPos(asImages.rows(made)); });
        cost.imageBytes = bytes.size();
    }
    return cost;
}

} // namespace lt::bench
