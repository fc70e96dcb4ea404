# Slips sent to printers without ever blocking the till: ESC/POS over TCP, a serial port or a USB printer device,
# and pages through Qt's print support (CUPS) or into a PDF file.
find_package(Qt6 REQUIRED COMPONENTS Network SerialPort Concurrent PrintSupport)
target_sources(loyaltytill_ui PRIVATE
    printing/DevicePrinterTransport.cpp printing/DevicePrinterTransport.h
    printing/EscPosStreamTransport.cpp printing/EscPosStreamTransport.h
    printing/PrinterMessages.cpp printing/PrinterMessages.h
    printing/PrinterTransport.h
    printing/PrintingLogging.cpp printing/PrintingLogging.h
    printing/PrintOutcome.cpp printing/PrintOutcome.h
    printing/PagePrinterTransport.cpp printing/PagePrinterTransport.h
    printing/PrintSupportLock.cpp printing/PrintSupportLock.h
    printing/SlipPainter.cpp printing/SlipPainter.h
    printing/SlipPrinterSetup.cpp printing/SlipPrinterSetup.h
    printing/SlipPrintQueue.cpp printing/SlipPrintQueue.h
    printing/SerialPrinterTransport.cpp printing/SerialPrinterTransport.h
    printing/TcpPrinterTransport.cpp printing/TcpPrinterTransport.h
)
target_link_libraries(loyaltytill_ui PRIVATE Qt6::Network Qt6::SerialPort Qt6::Concurrent Qt6::PrintSupport)
