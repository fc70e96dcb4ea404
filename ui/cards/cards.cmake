# Member cards: one card drawn as vectors (its barcode from libzint), sheets of them as PDFs, and one card sent to
# the till's card printer.
target_sources(loyaltytill_ui PRIVATE
    cards/CardPrinter.cpp cards/CardPrinter.h
    cards/CardSheetWriter.cpp cards/CardSheetWriter.h
    cards/MemberCardPainter.cpp cards/MemberCardPainter.h
)
find_package(Qt6 REQUIRED COMPONENTS Concurrent PrintSupport)
target_link_libraries(loyaltytill_ui PRIVATE Qt6::Concurrent Qt6::PrintSupport)
