# Member cards: one card drawn as vectors (its barcode from libzint), sheets of them as PDFs, and one card sent to
# the till's card printer.
target_sources(loyaltytill_ui PRIVATE
    cards/CardSheetWriter.cpp cards/CardSheetWriter.h
    cards/MemberCardPainter.cpp cards/MemberCardPainter.h
)
