# The loyalty slip: its content, its layout in characters, its ESC/POS encoding, and the printers' one URI form.
target_sources(loyaltytill_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/PrinterUri.cpp ${CMAKE_CURRENT_LIST_DIR}/PrinterUri.h
)
