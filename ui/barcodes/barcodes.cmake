# Barcodes drawn from libzint's vector output (zint 2.11 has no CMake or pkg-config file: the top level finds it).
target_sources(loyaltytill_ui PRIVATE
    barcodes/BarcodeSymbol.cpp barcodes/BarcodeSymbol.h
)
target_include_directories(loyaltytill_ui SYSTEM PRIVATE ${ZINT_INCLUDE_DIR})
target_link_libraries(loyaltytill_ui PRIVATE ${ZINT_LIBRARY})
