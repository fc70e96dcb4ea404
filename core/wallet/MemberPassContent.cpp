#include "core/wallet/MemberPassContent.h"

#include "core/common/Clock.h"

#include <QCryptographicHash>

namespace lt {

QString MemberPassContent::passIdFor(qint64 memberId, const QDateTime& enrolledAt)
{
    const QByteArray seed =
        "loyaltytill-member:" + QByteArray::number(memberId) + ':' + toStorageTime(enrolledAt).toLatin1();
    const QByteArray hash = QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(12);
    return QStringLiteral("m%1-%2").arg(memberId).arg(QString::fromLatin1(hash));
}

} // namespace lt
