#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <utility>

namespace lt {

// A zip archive built in memory with libzip, each file deflated: Apple's .pkpass is one.
class ZipArchiveWriter
{
    Q_DECLARE_TR_FUNCTIONS(ZipArchiveWriter)

public:
    using File = std::pair<QString, QByteArray>; // the name in the archive, the content

    static Result<QByteArray> write(const QList<File>& files);
};

} // namespace lt
