#pragma once

namespace lt::admin {

class CommandContext;

// report pdf --output FILE [--from DATE] [--to DATE] [--till NAME] [--staff NAME]: the till's Reports screen as a
// PDF (ui/reports/ReportPdf), with the same figures, drawn on the offscreen platform (main.cpp makes the QApplication
// this command needs).
int reportPdf(CommandContext& c);

} // namespace lt::admin
