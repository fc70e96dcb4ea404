#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QString>

namespace lt {

// Cleans and checks what a customer tells the cashier: names and e-mail addresses in any script, but no control
// characters, direction overrides or broken Unicode that would garble a receipt or a report.
class PersonalDataValidator
{
public:
    static constexpr int MaximumNameLength = 100;
    static constexpr int MaximumEmailLength = 254;

    static Result<QString> name(const QString& input);
    static Result<QString> email(const QString& input);
    static Result<QDate> birthday(const QString& isoDate, const QDate& today);
    static Result<QString> freeText(const QString& input, const QString& field, int maximumLength);
};

} // namespace lt
