#pragma once

#include "tests/faults/FaultWalk.h"

#include <QTest>

namespace lt::test {

// The data columns of a data-driven fault walk: which call fails, with what, whether it stays failing, and whether
// the store is reopened (as after a restart) before the state is compared.
inline void addFaultModeColumns()
{
    QTest::addColumn<int>("call");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("persistent");
    QTest::addColumn<bool>("restart");
}

inline void addFaultModeRow(const char* name, FaultCall call, FaultCode code, bool persistent, bool restart)
{
    QTest::newRow(name) << int(call) << int(code) << persistent << restart;
}

// The current row's mode; called from the test function whose data those rows are.
inline FaultMode currentFaultMode()
{
    QFETCH(int, call);
    QFETCH(int, code);
    QFETCH(bool, persistent);
    QFETCH(bool, restart);
    return {FaultCall(call), FaultCode(code), persistent, restart};
}

} // namespace lt::test
