#include "core/domain/ProgramFields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace lt {

Error ProgramFields::invalid(const QString& key, const QString& problem) const
{
    const QString field = pathOf(key);
    return Error::invalid(QStringLiteral("%1: %2").arg(field, problem), field);
}

Result<qint64> ProgramFields::integer(const QString& key, qint64 minimum, qint64 maximum,
                                      std::optional<qint64> fallback) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined()) {
        if (fallback)
            return *fallback;
        return invalid(key, QCoreApplication::translate("ProgramFields", "is missing."));
    }
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || std::isnan(number) || number != std::floor(number))
        return invalid(key, QCoreApplication::translate("ProgramFields", "must be a whole number."));
    if (number < static_cast<double>(minimum) || number > static_cast<double>(maximum))
        return invalid(
            key, QCoreApplication::translate("ProgramFields", "must be between %1 and %2.").arg(minimum).arg(maximum));
    return static_cast<qint64>(number);
}

Result<QString> ProgramFields::text(const QString& key, std::optional<QString> fallback) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined()) {
        if (fallback)
            return *fallback;
        return invalid(key, QCoreApplication::translate("ProgramFields", "is missing."));
    }
    if (!value.isString())
        return invalid(key, QCoreApplication::translate("ProgramFields", "must be text."));
    const QString result = value.toString().trimmed();
    if (result.size() > 200)
        return invalid(key, QCoreApplication::translate("ProgramFields", "is longer than 200 characters."));
    for (QChar c : result) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return invalid(key, QCoreApplication::translate("ProgramFields", "contains control characters."));
    }
    return result;
}

Result<bool> ProgramFields::boolean(const QString& key, bool fallback) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isBool())
        return invalid(key, QCoreApplication::translate("ProgramFields", "must be true or false."));
    return value.toBool();
}

Result<QString> ProgramFields::choice(const QString& key, const QStringList& choices,
                                      std::optional<QString> fallback) const
{
    LT_TRY_ASSIGN(const QString value, text(key, std::move(fallback)));
    if (!choices.contains(value))
        return invalid(
            key,
            QCoreApplication::translate("ProgramFields", "must be one of %1.").arg(choices.join(QStringLiteral(", "))));
    return value;
}

Result<int> ProgramFields::multiplierMilli(const QString& key, std::optional<int> fallback) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined()) {
        if (fallback)
            return *fallback;
        return invalid(key, QCoreApplication::translate("ProgramFields", "is missing."));
    }
    QString written;
    if (value.isString())
        written = value.toString().trimmed();
    else if (value.isDouble())
        written = QString::number(value.toDouble(), 'f', 6);
    static const QRegularExpression format(QStringLiteral("^(\\d{1,2})(?:\\.(\\d{1,6}))?$"));
    const QRegularExpressionMatch match = format.match(written);
    if (!match.hasMatch())
        return invalid(key, QCoreApplication::translate("ProgramFields", "must be a number such as \"1.5\"."));
    QString decimals = match.captured(2);
    while (decimals.endsWith(QLatin1Char('0')))
        decimals.chop(1);
    if (decimals.size() > 3)
        return invalid(key, QCoreApplication::translate("ProgramFields", "has more than three decimals."));
    const int milli = match.captured(1).toInt() * 1000 + decimals.leftJustified(3, QLatin1Char('0')).toInt();
    if (milli < 1000 || milli > 10000)
        return invalid(key, QCoreApplication::translate("ProgramFields", "must be between 1 and 10."));
    return milli;
}

Result<QStringList> ProgramFields::textList(const QString& key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return QStringList();
    if (!value.isArray())
        return invalid(key, QCoreApplication::translate("ProgramFields", "must be a list of texts."));
    QStringList list;
    for (const QJsonValue& item : value.toArray()) {
        if (!item.isString() || item.toString().trimmed().isEmpty())
            return invalid(key, QCoreApplication::translate("ProgramFields", "must be a list of texts."));
        list << item.toString().trimmed();
    }
    return list;
}

Result<QJsonObject> ProgramFields::object(const QString& key) const
{
    const QJsonValue value = m_object.value(key);
    if (!value.isObject())
        return invalid(key,
                       value.isUndefined() ? QCoreApplication::translate("ProgramFields", "is missing.")
                                           : QCoreApplication::translate("ProgramFields", "must be an object."));
    return value.toObject();
}

Result<void> ProgramFields::onlyKnown(const QStringList& known) const
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!known.contains(it.key()))
            return invalid(it.key(),
                           QCoreApplication::translate("ProgramFields", "is not a field here (known: %1).")
                               .arg(known.join(QStringLiteral(", "))));
    }
    return {};
}

Result<void> ProgramFields::hasShape(const Shape& shape) const
{
    LT_TRY(onlyKnown(shape.texts + shape.wholeNumbers + shape.flags + shape.textLists));
    for (const QString& key : shape.texts) {
        if (m_object.contains(key) && !m_object.value(key).isString())
            return invalid(key, QCoreApplication::translate("ProgramFields", "must be text."));
    }
    for (const QString& key : shape.wholeNumbers)
        LT_TRY(integer(key, 0, 1'000'000'000'000'000, 0));
    for (const QString& key : shape.flags)
        LT_TRY(boolean(key, false));
    for (const QString& key : shape.textLists)
        LT_TRY(textList(key));
    return {};
}

QString multiplierText(int milli)
{
    QString text = QString::number(milli / 1000);
    if (const int part = milli % 1000; part != 0) {
        QString decimals = QStringLiteral("%1").arg(part, 3, 10, QLatin1Char('0'));
        while (decimals.endsWith(QLatin1Char('0')))
            decimals.chop(1);
        text += QLatin1Char('.') + decimals;
    }
    return text;
}

int multiplierMilliFrom(const QString& text)
{
    static const QRegularExpression format(QStringLiteral("^(\\d{1,2})(?:\\.(\\d{1,3}))?x?$"),
                                           QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = format.match(text.trimmed());
    return match.hasMatch()
        ? match.captured(1).toInt() * 1000 + match.captured(2).leftJustified(3, QLatin1Char('0')).toInt()
        : 0;
}

} // namespace lt
