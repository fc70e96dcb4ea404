#include "core/settings/ConfigFile.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace lt {

QString ConfigProblem::text() const
{
    return line > 0 ? QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message)
                    : QStringLiteral("%1: %2").arg(file, message);
}

ConfigFile::Parsed ConfigFile::parse(const QString& file, const QByteArray& content)
{
    Parsed parsed;
    const auto problem = [&](int line, const QString& message) {
        parsed.problems << ConfigProblem {file, line, message};
    };
    if (content.size() > MaxBytes) {
        problem(0,
                QCoreApplication::translate("ConfigFile", "The file is larger than %1 KiB; none of it is used.")
                    .arg(MaxBytes / 1024));
        return parsed;
    }
    const QList<QByteArray> lines = content.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i) + 1;
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = utf8(lines.at(i));
        if (utf8.hasError()) {
            problem(number, QCoreApplication::translate("ConfigFile", "The line is not UTF-8 text; it is ignored."));
            continue;
        }
        if (number == 1 && text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        text = text.trimmed();
        if (text.isEmpty() || text.startsWith(QLatin1Char('#')) || text.startsWith(QLatin1Char(';')))
            continue;
        const qsizetype equals = text.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            problem(number, QCoreApplication::translate("ConfigFile", "Write the line as key = value; it is ignored."));
            continue;
        }
        const QString key = text.left(equals).trimmed();
        QString value = text.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
            value = value.mid(1, value.size() - 2);
        bool printable = true;
        for (QChar c : QString(key + value))
            printable = printable && c.category() != QChar::Other_Control && c.category() != QChar::Other_Format;
        if (!printable) {
            problem(number,
                    QCoreApplication::translate("ConfigFile",
                                                "The line holds control or formatting characters; it is "
                                                "ignored."));
            continue;
        }
        parsed.entries << ConfigEntry {key, value, file, number};
    }
    return parsed;
}

} // namespace lt
