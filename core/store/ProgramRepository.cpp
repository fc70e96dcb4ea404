#include "core/store/ProgramRepository.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace lt {

Result<LoyaltyProgram> ProgramRepository::load() const
{
    LT_TRY_ASSIGN(const QVariant stored, m_db.scalar(QStringLiteral("SELECT document FROM program WHERE id = 1")));
    if (!stored.isValid())
        return LoyaltyProgram::defaultProgram();
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(stored.toString().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::corrupt(
            QCoreApplication::translate("ProgramRepository", "The stored loyalty program is damaged."));
    return LoyaltyProgram::fromJson(document.object());
}

Result<bool> ProgramRepository::isStored() const
{
    LT_TRY_ASSIGN(const QVariant count, m_db.scalar(QStringLiteral("SELECT count(*) FROM program")));
    return count.toLongLong() > 0;
}

Result<void> ProgramRepository::save(const LoyaltyProgram& program, Source source)
{
    const QString json = QString::fromUtf8(QJsonDocument(program.toJson()).toJson(QJsonDocument::Compact));
    return m_db.exec(QStringLiteral("INSERT INTO program (id, source, document, updated_at) VALUES (1, ?, ?, ?) "
                                    "ON CONFLICT (id) DO UPDATE SET source = excluded.source, "
                                    "document = excluded.document, updated_at = excluded.updated_at"),
                     {source == Source::Square ? QStringLiteral("square") : QStringLiteral("local"), json,
                      toStorageTime(m_clock.nowUtc())});
}

} // namespace lt
