# The soak: the real till window driven through 100,000 mixed operations (scans, typed phones, sales, redemptions,
# refunds, syncs against the fake Square), sampling memory, descriptors, SQL connections, threads and scan latency.
# The fake Square is built with the tests (tests/sync), which CMake reads after this folder: the condition is the
# option, and the fake's target is named only in generator expressions and dependencies, resolved once all is read.
if(LOYALTYTILL_BUILD_TESTS)
    qt_add_executable(loyaltytill-bench-soak SoakMain.cpp SoakTill.cpp SoakTill.h SoakReport.cpp SoakReport.h
        SoakProbe.cpp SoakProbe.h FakeSquareProcess.h LatencySample.cpp LatencySample.h ProcessMemory.cpp
        ProcessMemory.h ThreadCpuTime.cpp ThreadCpuTime.h DemoStore.cpp DemoStore.h OffscreenTill.cpp OffscreenTill.h)
    target_link_libraries(loyaltytill-bench-soak
        PRIVATE LoyaltyTill::ui LoyaltyTill::sync LoyaltyTill::core Qt6::Network Qt6::Sql Qt6::Test)
    target_compile_definitions(loyaltytill-bench-soak
        PRIVATE LOYALTYTILL_FAKE_SQUARE="$<TARGET_FILE:loyaltytill-fake-square>")
    add_dependencies(loyaltytill-bench-soak loyaltytill-fake-square)
endif()
