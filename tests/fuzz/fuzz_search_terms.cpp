// Search words typed at the till and the words members are indexed by: every word of a member's name is one of their
// terms, and the range a prefix scans covers every term that starts with it.
#include "core/domain/SearchTerms.h"
#include "tests/fuzz/FuzzSupport.h"

using namespace lt;
using lt::fuzz::require;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::setUpQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = fuzz::textOf(data, size);
    const qsizetype at = text.indexOf(QLatin1Char('\n'));
    const QString name = at < 0 ? text : text.left(at);
    const QString email = at < 0 ? QString() : text.mid(at + 1);
    const QStringList terms = SearchTerms::forMember(name, email);
    for (const QString& word : SearchTerms::queryWords(name)) {
        require(!word.isEmpty(), "a query word is not empty");
        require(terms.contains(word), "a member is found by each word of their name", word);
        // The store scans [word, bound) in UTF-8 (SQLite's BINARY) order.
        const QString bound = SearchTerms::prefixUpperBound(word);
        const QByteArray low = word.toUtf8();
        const QByteArray high = bound.toUtf8();
        require(low < high, "a prefix is below its bound", word);
        for (const QString& term : terms) {
            if (term.startsWith(word))
                require(term.toUtf8() < high, "every term with the prefix is below its bound", term);
        }
    }
    return 0;
}
