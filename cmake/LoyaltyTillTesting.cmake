# add_loyaltytill_test(NAME source... LIBS lib... [ENV var=value...] [LABELS label...])
# One executable per tested class, registered with ctest.
function(add_loyaltytill_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;ENV;LABELS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    loyaltytill_reuse_precompiled(${name} loyaltytill_test_pch)
    add_test(NAME ${name} COMMAND ${name})
    set(env "QT_QPA_PLATFORM=offscreen" "LOYALTYTILL_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/fixtures"
            "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1" "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
            ${ARG_ENV})
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT 300 LABELS "${ARG_LABELS}")
endfunction()
