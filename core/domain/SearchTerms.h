#pragma once

#include <QString>
#include <QStringList>

namespace lt {

// The words a member can be found by: name words and the e-mail address, folded so that "jose" finds "José".
class SearchTerms
{
public:
    static QString fold(const QString& text);
    static QStringList forMember(const QString& name, const QString& email);
    static QStringList queryWords(const QString& query);
    // The smallest string greater than every string that starts with `prefix`, for an index range scan.
    static QString prefixUpperBound(const QString& prefix);
};

} // namespace lt
