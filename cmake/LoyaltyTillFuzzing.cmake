# Fuzz targets of every parser of outside input (tests/fuzz).
#
# LOYALTYTILL_FUZZ=ON (tools/dev fuzz, clang only): the libraries are built with libFuzzer's coverage and ASan+UBSan,
# each target is a libFuzzer program, and nothing else of the product is built.
# Otherwise (g++ or clang, with or without LOYALTYTILL_SANITIZE) each target is linked with a replay main that runs
# every file of its checked-in corpus once, registered with ctest as fuzz_<name>_corpus (label fuzz): CI's sanitizer
# build replays every corpus at no extra build.
option(LOYALTYTILL_FUZZ "Build the libFuzzer targets (clang) and nothing else" OFF)

if(LOYALTYTILL_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "LOYALTYTILL_FUZZ needs clang (libFuzzer): configure with CMAKE_CXX_COMPILER=clang++")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# add_loyaltytill_fuzz_target(NAME LIBS lib...): tests/fuzz/fuzz_NAME.cpp, its corpus tests/fuzz/corpus/NAME and, when
# there is one, its dictionary tests/fuzz/NAME.dict.
function(add_loyaltytill_fuzz_target name)
    cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
    set(target fuzz_${name})
    add_executable(${target} fuzz_${name}.cpp)
    target_link_libraries(${target} PRIVATE ${ARG_LIBS})
    if(LOYALTYTILL_FUZZ)
        target_link_options(${target} PRIVATE -fsanitize=fuzzer)
    else()
        target_link_libraries(${target} PRIVATE loyaltytill_fuzz_replay)
        add_test(NAME ${target}_corpus COMMAND ${target} ${CMAKE_CURRENT_SOURCE_DIR}/corpus/${name})
        set_tests_properties(${target}_corpus PROPERTIES
            LABELS fuzz TIMEOUT 120
            ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
    endif()
endfunction()
