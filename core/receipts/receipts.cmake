# The loyalty slip: its content, its layout in characters, its ESC/POS encoding, and the printers' one URI form.
target_sources(loyaltytill_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/CodePage.cpp ${CMAKE_CURRENT_LIST_DIR}/CodePage.h
    ${CMAKE_CURRENT_LIST_DIR}/EscPosBytes.h
    ${CMAKE_CURRENT_LIST_DIR}/EscPosEncoder.cpp ${CMAKE_CURRENT_LIST_DIR}/EscPosEncoder.h
    ${CMAKE_CURRENT_LIST_DIR}/LoyaltySlip.h
    ${CMAKE_CURRENT_LIST_DIR}/PrinterStatus.cpp ${CMAKE_CURRENT_LIST_DIR}/PrinterStatus.h
    ${CMAKE_CURRENT_LIST_DIR}/PrinterUri.cpp ${CMAKE_CURRENT_LIST_DIR}/PrinterUri.h
    ${CMAKE_CURRENT_LIST_DIR}/SlipLayout.cpp ${CMAKE_CURRENT_LIST_DIR}/SlipLayout.h
    ${CMAKE_CURRENT_LIST_DIR}/SlipRow.cpp ${CMAKE_CURRENT_LIST_DIR}/SlipRow.h
    # The service that fills a slip from the store lives with the other services.
    ${CMAKE_CURRENT_LIST_DIR}/../services/SlipService.cpp ${CMAKE_CURRENT_LIST_DIR}/../services/SlipService.h
)
