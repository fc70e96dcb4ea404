#include "core/domain/PersonalDataMask.h"

#include "core/domain/PhoneNumberNormalizer.h"

namespace lt {

QString PersonalDataMask::phone(const QString& e164)
{
    return e164.isEmpty() ? QString() : PhoneNumberNormalizer::masked(e164);
}

QString PersonalDataMask::email(const QString& address)
{
    if (address.isEmpty())
        return QString();
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return QStringLiteral("•••");
    return address.left(1) + QStringLiteral("•••") + address.mid(at);
}

} // namespace lt
