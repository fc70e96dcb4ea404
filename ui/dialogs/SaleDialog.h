#pragma once

#include "core/domain/Actor.h"
#include "core/domain/PointsChange.h"
#include "core/domain/Sale.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace lt {
class LoyaltyEngine;
}

namespace lt::ui {

// A finished sale: receipt number and total, a live preview of the points, Enter to confirm. Confirming twice
// (a double Enter) records the sale once: the receipt number makes the accrual idempotent.
class SaleDialog : public QDialog
{
    Q_OBJECT
public:
    SaleDialog(LoyaltyEngine& engine, Actor actor, qint64 memberId, QWidget* parent = nullptr);

    const PointsChange& result() const { return m_result; }
    QString errorText() const;
    void accept() override;

private:
    void updatePreview();
    // The item and category lines typed so far, for item, category and exclusion rules.
    Result<QList<SaleLine>> lines() const;

    LoyaltyEngine& m_engine;
    const Actor m_actor;
    qint64 m_memberId;
    QLineEdit* m_reference;
    QLineEdit* m_total;
    QTableWidget* m_lines;
    QLabel* m_preview;
    QLabel* m_error;
    PointsChange m_result;
};

} // namespace lt::ui
