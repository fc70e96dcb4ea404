#pragma once

#include "core/common/Result.h"

#include <QIODevice>

namespace lt {

struct EngineContext;

// Writes members, with their personal data, as CSV or JSON, streaming so that a million members never sit in
// memory. One member's export also carries their ledger and whether (and when) their personal data was erased:
// what a customer receives when they ask for their data.
class MemberExporter
{
public:
    enum class Format { Csv, Json };

    explicit MemberExporter(EngineContext& context)
        : m_context(context)
    {
    }

    Result<qint64> exportAll(QIODevice& out, Format format);
    Result<qint64> exportMember(QIODevice& out, Format format, qint64 memberId);

    static QString csvField(const QString& text, bool neutraliseFormula);

private:
    EngineContext& m_context;
};

} // namespace lt
