# A clean build on a 2-core machine, twice in CI (the test build and the sanitizer build): about 470 sources and 170
# test programs. Two things take most of that time besides the code itself: parsing the same Qt and standard headers
# in every source (about 40 % of a Debug compile), and GNU ld linking each program against the static libraries with
# their debug information (9 to 14 s for the till). Precompiled headers and LLVM's lld (1.5 s for the till) cut both.
# CI's clean builds also compile the libraries and the admin tool 16 sources to a file (LOYALTYTILL_UNITY): 16 store
# and service sources took 45 s of CPU one by one and 21 s together, since each still parses our headers and Qt SQL's
# and emits the same inline code. Names private to a source must then be unique within its library or program.

include(CheckLinkerFlag)
option(LOYALTYTILL_FAST_LINK "Link with LLVM's lld when it is installed" ON)
if(LOYALTYTILL_FAST_LINK)
    check_linker_flag(CXX -fuse-ld=lld LOYALTYTILL_HAVE_LLD)
    if(LOYALTYTILL_HAVE_LLD)
        # A 20-byte build id as GNU ld makes, which the -dbgsym package's paths are named after.
        add_link_options(-fuse-ld=lld -Wl,--build-id=sha1)
    endif()
endif()

option(LOYALTYTILL_UNITY "Compile each library's sources 16 to a file (faster clean builds, slower rebuilds)" OFF)

# loyaltytill_unity(TARGET...): the targets' sources compiled in batches when LOYALTYTILL_UNITY is on.
function(loyaltytill_unity)
    if(LOYALTYTILL_UNITY)
        set_target_properties(${ARGN} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 16)
    endif()
endfunction()

# Not in the fuzzing build (clang). clang-tidy reads the test build's compile commands without them (tools/dev tidy):
# clang cannot read GCC's precompiled headers, and every source still includes what it uses.
option(LOYALTYTILL_PCH "Precompile the headers most sources include" ON)
if(LOYALTYTILL_FUZZ)
    set(LOYALTYTILL_PCH OFF)
endif()

# loyaltytill_precompile(TARGET header...): TARGET's sources start from the named headers, parsed once.
function(loyaltytill_precompile target)
    if(LOYALTYTILL_PCH)
        target_precompile_headers(${target} PRIVATE ${ARGN})
    endif()
endfunction()

# loyaltytill_reuse_precompiled(TARGET): TARGET's sources start from loyaltytill_pch's precompiled Qt Core and standard
# headers. GCC uses a precompiled header only where every macro defined when it was made is defined alike, so it is
# made in a target of its own that has only the definitions every target has (Qt Core's and the project's).
# A program's file of collected moc output (AUTOMOC) is empty when its sources include their own moc files, as the
# tests do, and loading the precompiled headers costs half a second of CPU per file: it compiles without them.
# A second argument names another such target: loyaltytill_test_pch for the tests.
function(loyaltytill_reuse_precompiled target)
    set(from loyaltytill_pch)
    if(ARGC GREATER 1)
        set(from ${ARGV1})
    endif()
    if(LOYALTYTILL_PCH)
        target_precompile_headers(${target} REUSE_FROM ${from})
        get_target_property(type ${target} TYPE)
        get_target_property(dir ${target} BINARY_DIR)
        if(type STREQUAL "EXECUTABLE")
            set_source_files_properties(${dir}/${target}_autogen/mocs_compilation.cpp TARGET_DIRECTORY ${target}
                                        PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
        endif()
    endif()
endfunction()

set(LOYALTYTILL_PCH_CORE <QCoreApplication> <QString> <QStringList> <QList> <QHash> <QSet> <QByteArray> <QDate>
    <QDateTime> <QVariant> <QJsonObject> <QJsonArray> <QJsonDocument> <QFile> <QFileInfo> <QDir> <QRegularExpression>
    <algorithm> <functional> <memory> <optional> <utility> <vector>)
set(LOYALTYTILL_PCH_WIDGETS ${LOYALTYTILL_PCH_CORE} <QSqlQuery> <QWidget> <QDialog> <QLabel> <QLineEdit> <QPushButton>
    <QVBoxLayout> <QHBoxLayout> <QFormLayout> <QDialogButtonBox> <QPainter> <QLocale> <QTimer> <QKeyEvent>)

# The tests' headers add Qt Test's core (about 1 s of parsing per test). Not qtest.h itself: it asks which of Qt GUI,
# Widgets and Network the test links, which differs from test to test, and GCC refuses a precompiled header made
# under other answers.
set(LOYALTYTILL_PCH_TEST ${LOYALTYTILL_PCH_CORE} <QtTest/qtestcase.h> <QtTest/qsignalspy.h> <QtTest/qtesteventloop.h>
    <QTemporaryDir> <QProcess>)

# Called once the compile options and definitions every target shares are set, before the first target.
function(loyaltytill_add_precompiled_headers)
    if(LOYALTYTILL_PCH)
        file(WRITE ${CMAKE_BINARY_DIR}/loyaltytill_pch.cpp "// Only the precompiled headers of this target are used.\n")
        add_library(loyaltytill_pch OBJECT ${CMAKE_BINARY_DIR}/loyaltytill_pch.cpp)
        target_link_libraries(loyaltytill_pch PRIVATE Qt6::Core)
        target_precompile_headers(loyaltytill_pch PRIVATE ${LOYALTYTILL_PCH_CORE})
        if(LOYALTYTILL_BUILD_TESTS AND NOT LOYALTYTILL_FUZZ)
            # Qt Test defines each test's build and source folder for QFINDTESTDATA, which no test uses (their data
            # come through LOYALTYTILL_TEST_DATA); a folder differing between tests would make each folder's tests
            # need a precompiled header of their own.
            get_target_property(test_definitions Qt6::Test INTERFACE_COMPILE_DEFINITIONS)
            list(FILTER test_definitions EXCLUDE REGEX "^QT_TESTCASE_(BUILD|SOURCE)DIR=")
            set_target_properties(Qt6::Test PROPERTIES INTERFACE_COMPILE_DEFINITIONS "${test_definitions}")
            add_library(loyaltytill_test_pch OBJECT ${CMAKE_BINARY_DIR}/loyaltytill_pch.cpp)
            target_link_libraries(loyaltytill_test_pch PRIVATE Qt6::Core Qt6::Test)
            target_precompile_headers(loyaltytill_test_pch PRIVATE ${LOYALTYTILL_PCH_TEST})
        endif()
    endif()
endfunction()
