#include "core/domain/SearchTerms.h"

#include <QSet>

namespace lt {

QString SearchTerms::fold(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_Enclosing)
            continue;
        folded.append(c);
    }
    return folded.toCaseFolded().normalized(QString::NormalizationForm_C);
}

QStringList SearchTerms::queryWords(const QString& query)
{
    QStringList words;
    QString current;
    for (QChar c : fold(query)) {
        if (c.isLetterOrNumber() || c == QLatin1Char('@') || c == QLatin1Char('.') || c == QLatin1Char('_')
            || c == QLatin1Char('+') || c == QLatin1Char('\'')) {
            current.append(c);
        } else if (!current.isEmpty()) {
            words << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        words << current;
    return words;
}

QStringList SearchTerms::forMember(const QString& name, const QString& email)
{
    QSet<QString> terms;
    for (const QString& word : queryWords(name))
        terms.insert(word);
    const QString mail = fold(email.trimmed());
    if (!mail.isEmpty())
        terms.insert(mail);
    QStringList list(terms.begin(), terms.end());
    list.sort();
    return list;
}

QString SearchTerms::prefixUpperBound(const QString& prefix)
{
    // UTF-8 byte order is code point order, so incrementing the last code point bounds the range.
    QList<uint> ucs4 = prefix.toUcs4();
    if (ucs4.isEmpty())
        return QString();
    ucs4.last() += 1;
    if (ucs4.last() >= 0xD800 && ucs4.last() <= 0xDFFF)
        ucs4.last() = 0xE000;
    return QString::fromUcs4(reinterpret_cast<const char32_t*>(ucs4.constData()), ucs4.size());
}

} // namespace lt
