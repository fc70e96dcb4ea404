#pragma once

#include <QFile>
#include <QHash>
#include <QTranslator>
#include <QXmlStreamReader>

namespace lt::test {

// Translates from a .ts file of the source tree as the till's compiled .qm does: by the context lupdate filed a
// message under. A core test installs it to show that the context a message is asked for is the one it was filed
// under (a message asked for under another context is never translated).
class TsTranslator final : public QTranslator
{
public:
    bool load(const QString& tsFile)
    {
        QFile file(tsFile);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (!translation.isEmpty())
                    m_messages.insert(context + QLatin1Char('\x1f') + source, translation);
            }
        }
        return !xml.hasError() && !m_messages.isEmpty();
    }

    QString translate(const char* context, const char* sourceText, const char* = nullptr, int = -1) const override
    {
        return m_messages.value(QString::fromUtf8(context) + QLatin1Char('\x1f') + QString::fromUtf8(sourceText));
    }
    bool isEmpty() const override { return m_messages.isEmpty(); }

private:
    QHash<QString, QString> m_messages;
};

} // namespace lt::test
