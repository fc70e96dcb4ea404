#pragma once

#include "core/common/Result.h"

#include <QTest>

namespace lt {

// Lets QCOMPARE print "refused" instead of a number when two error kinds differ.
inline char* toString(ErrorKind kind)
{
    return qstrdup(errorKindName(kind).toUtf8().constData());
}

namespace test {
inline QString describe(const Error& error)
{
    return errorKindName(error.kind) + QStringLiteral(" [") + error.field + QStringLiteral("]: ") + error.message;
}
} // namespace test

} // namespace lt

// Fails the test with the error's kind and message when `expression` (a Result) holds an error.
#define LT_VERIFY_OK(expression)                                                                                       \
    do {                                                                                                               \
        const auto& ltResult = (expression);                                                                           \
        QVERIFY2(ltResult.ok(), ltResult.ok() ? "" : qPrintable(::lt::test::describe(ltResult.error())));              \
    } while (false)

// Fails the test unless `expression` (a Result) holds an error of the given kind.
#define LT_VERIFY_ERROR(expression, expectedKind)                                                                      \
    do {                                                                                                               \
        const auto& ltResult = (expression);                                                                           \
        QVERIFY2(!ltResult.ok(), "the call succeeded; it should have been refused");                                   \
        QVERIFY2(ltResult.error().kind == (expectedKind), qPrintable(::lt::test::describe(ltResult.error())));         \
    } while (false)
