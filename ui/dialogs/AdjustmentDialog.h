#pragma once

#include "core/domain/Actor.h"
#include "core/domain/Member.h"
#include "core/domain/PointsChange.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace lt {
class LoyaltyEngine;
struct Error;
} // namespace lt

namespace lt::ui {

// A manual correction of a member's points in one form: the points (negative to remove) and the reason. Enter
// requests the adjustment; what the store refuses is shown next to the field it concerns, and the form stays open.
// The request changes no balance: a manager approves it next.
class AdjustmentDialog : public QDialog
{
    Q_OBJECT
public:
    AdjustmentDialog(LoyaltyEngine& engine, Actor actor, const Member& member, QWidget* parent = nullptr);

    // The pending adjustment recorded when the dialog was accepted, and what was asked for.
    const PointsChange& result() const { return m_result; }
    qint64 points() const { return m_points; }
    QString reason() const { return m_reason; }
    // The problem shown next to "points" or "reason", or for the whole form with an empty name; empty if none.
    QString fieldError(const QString& field) const;

    void accept() override;

private:
    QLabel* addErrorLabel(const QString& field);
    void showError(const Error& error);
    void clearErrors();

    LoyaltyEngine& m_engine;
    const Actor m_actor;
    qint64 m_memberId;
    QLineEdit* m_pointsEdit;
    QLineEdit* m_reasonEdit;
    QLabel* m_pointsError;
    QLabel* m_reasonError;
    QLabel* m_generalError;
    qint64 m_points = 0;
    QString m_reason;
    PointsChange m_result;
};

} // namespace lt::ui
