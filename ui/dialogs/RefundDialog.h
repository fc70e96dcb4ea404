#pragma once

#include "core/domain/Actor.h"
#include "core/domain/PointsChange.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace lt {
class LoyaltyEngine;
}

namespace lt::ui {

// A refund by receipt number, whole or in part; the sale's points come back off the member pro rata.
class RefundDialog : public QDialog
{
    Q_OBJECT
public:
    RefundDialog(LoyaltyEngine& engine, Actor actor, QWidget* parent = nullptr);

    const PointsChange& result() const { return m_result; }
    QString errorText() const;
    void accept() override;

private:
    LoyaltyEngine& m_engine;
    const Actor m_actor;
    QLineEdit* m_reference;
    QLineEdit* m_amount;
    QLabel* m_error;
    PointsChange m_result;
};

} // namespace lt::ui
