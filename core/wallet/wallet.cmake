# Wallet passes: Apple Wallet's .pkpass (pass.json, manifest, a detached PKCS#7 signature, zipped) and Google Wallet's
# signed save links, made offline from the store and the keys the caller read from the keychain.
target_sources(loyaltytill_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ApplePass.cpp ${CMAKE_CURRENT_LIST_DIR}/ApplePass.h
    ${CMAKE_CURRENT_LIST_DIR}/AppleSigningIdentity.cpp ${CMAKE_CURRENT_LIST_DIR}/AppleSigningIdentity.h
    ${CMAKE_CURRENT_LIST_DIR}/GoogleServiceAccount.cpp ${CMAKE_CURRENT_LIST_DIR}/GoogleServiceAccount.h
    ${CMAKE_CURRENT_LIST_DIR}/GoogleWalletLink.cpp ${CMAKE_CURRENT_LIST_DIR}/GoogleWalletLink.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberPassContent.cpp ${CMAKE_CURRENT_LIST_DIR}/MemberPassContent.h
    ${CMAKE_CURRENT_LIST_DIR}/OpenSslSupport.cpp ${CMAKE_CURRENT_LIST_DIR}/OpenSslSupport.h
    ${CMAKE_CURRENT_LIST_DIR}/WalletKeyImport.cpp ${CMAKE_CURRENT_LIST_DIR}/WalletKeyImport.h
    ${CMAKE_CURRENT_LIST_DIR}/WalletKeys.h
    ${CMAKE_CURRENT_LIST_DIR}/WalletPassService.cpp ${CMAKE_CURRENT_LIST_DIR}/WalletPassService.h
    ${CMAKE_CURRENT_LIST_DIR}/WalletReadiness.cpp ${CMAKE_CURRENT_LIST_DIR}/WalletReadiness.h
    ${CMAKE_CURRENT_LIST_DIR}/WalletSettings.cpp ${CMAKE_CURRENT_LIST_DIR}/WalletSettings.h
    ${CMAKE_CURRENT_LIST_DIR}/ZipArchiveWriter.cpp ${CMAKE_CURRENT_LIST_DIR}/ZipArchiveWriter.h
)
# No public header of core shows OpenSSL or libzip.
target_link_libraries(loyaltytill_core PRIVATE OpenSSL::Crypto PkgConfig::Zip)
# The images every pass carries, rendered from the application icon (resources/icons/loyaltytill.svg) with
# `rsvg-convert -w N -h N`: icon 29, 58 and 87 px (Apple requires icon.png), logo 50 and 100 px.
qt_add_resources(loyaltytill_core "wallet_images"
    PREFIX "/wallet"
    BASE "${PROJECT_SOURCE_DIR}/resources/wallet"
    FILES
        "${PROJECT_SOURCE_DIR}/resources/wallet/icon.png"
        "${PROJECT_SOURCE_DIR}/resources/wallet/icon@2x.png"
        "${PROJECT_SOURCE_DIR}/resources/wallet/icon@3x.png"
        "${PROJECT_SOURCE_DIR}/resources/wallet/logo.png"
        "${PROJECT_SOURCE_DIR}/resources/wallet/logo@2x.png"
)
