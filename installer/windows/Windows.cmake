# The Windows installer, included by installer/CMakeLists.txt on Windows only. `cmake --install` lays out both
# programs in bin/ with the Qt libraries, plugins and translations windeployqt finds and the other libraries they
# load; `cpack -G WIX` (WiX Toolset 3) makes a per-machine MSI of that tree with a Start menu entry and the
# silent-install properties generated from the settings schema (loyaltytill-settings.wxi: presets under
# HKLM\Software\LoyaltyTill). Never built on Linux: tests/windows builds the properties with wixl and reads the MSI's
# tables back, and tests how SystemConfig reads the registry. The README's "Windows" section says how to build it.
if(NOT CMAKE_SIZEOF_VOID_P EQUAL 8)
    message(FATAL_ERROR "The Windows installer is 64-bit only: its settings are written in the registry's 64-bit view")
endif()
set(windows ${CMAKE_CURRENT_SOURCE_DIR}/windows)

# Qt's part, by windeployqt: Qt's DLLs beside the programs, the plugins (platform, styles, SQLite driver, TLS) in
# plugins/, Qt's translations, a qt.conf, and the compiler's runtime. Both programs, into the same bin/.
foreach(program loyaltytill loyaltytill-admin)
    if(Qt6_VERSION VERSION_LESS 6.5)
        qt_generate_deploy_app_script(TARGET ${program} FILENAME_VARIABLE deploy_script)
    else()
        qt_generate_deploy_app_script(TARGET ${program} OUTPUT_SCRIPT deploy_script)
    endif()
    install(SCRIPT ${deploy_script})
endforeach()

# Everything else the programs load (QtKeychain, libphonenumber and what it needs, libsodium, libical, NLopt, SQLite,
# MinGW's runtime), looked for in the compiler's folder and the dependencies' bin/ folders: an MSYS2 toolchain, Qt's
# online installer or vcpkg each put them there. Windows' own DLLs and Qt's (windeployqt's above) stay out. The
# programs are installed a second time, to the same place, only to collect them.
get_filename_component(compiler_bin ${CMAKE_CXX_COMPILER} DIRECTORY)
set(library_dirs ${compiler_bin})
foreach(prefix IN LISTS CMAKE_PREFIX_PATH)
    list(APPEND library_dirs ${prefix}/bin)
endforeach()
foreach(library IN ITEMS ${PHONENUMBER_LIBRARY} ${SQLITE3_LIBRARY})
    get_filename_component(library_dir ${library} DIRECTORY)
    list(APPEND library_dirs ${library_dir} ${library_dir}/../bin)
endforeach()
install(TARGETS loyaltytill loyaltytill-admin RUNTIME_DEPENDENCY_SET loyaltytill_libraries RUNTIME DESTINATION bin)
install(RUNTIME_DEPENDENCY_SET loyaltytill_libraries DESTINATION bin DIRECTORIES ${library_dirs}
        PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-" "^[Qq][Tt]6"
        POST_EXCLUDE_REGEXES "[Ss][Yy][Ss][Tt][Ee][Mm]32")
# MSVC's runtime DLLs (nothing with MinGW, whose runtime comes with the libraries above).
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION bin)
include(InstallRequiredSystemLibraries)

# The MSI. Its upgrade code never changes, so that each version replaces the one installed (MajorUpgrade in CPack's
# template); the product code is new in each build.
set(CPACK_GENERATOR "WIX")
set(CPACK_PACKAGE_NAME "LoyaltyTill")
set(CPACK_PACKAGE_VENDOR "LoyaltyTill")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "LoyaltyTill")
set(CPACK_PACKAGE_FILE_NAME "LoyaltyTill-${PROJECT_VERSION}-win64")
set(CPACK_RESOURCE_FILE_LICENSE ${windows}/licence.txt)
set(CPACK_PACKAGE_EXECUTABLES loyaltytill "LoyaltyTill") # the Start menu entry
set(CPACK_WIX_UPGRADE_GUID "685FCFB9-AC90-49C0-A5B8-1C968B42705F")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "LoyaltyTill")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "https://loyaltytill.invalid/")
set(CPACK_WIX_PROPERTY_ARPCONTACT "support@loyaltytill.invalid")
# Per machine, for every user of the till. CMake 3.29 sets the package's scope itself (which sets ALLUSERS); before,
# the default template has no scope, so ALLUSERS says it.
if(CMAKE_VERSION VERSION_LESS 3.29)
    set(CPACK_WIX_PROPERTY_ALLUSERS 1)
else()
    set(CPACK_WIX_INSTALL_SCOPE "perMachine")
endif()
# The silent-install properties: the fragment including the generated properties, its feature put under the
# product's. Never the Square token: Windows Installer's logs record every property.
set(CPACK_WIX_EXTRA_SOURCES ${windows}/loyaltytill-settings.wxs)
set(CPACK_WIX_CANDLE_EXTRA_FLAGS "-I${windows}") # where its include is, wherever CPack compiles it
set(CPACK_WIX_PATCH_FILE ${windows}/wix-patch.xml)
include(CPack)
