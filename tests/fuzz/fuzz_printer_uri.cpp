// Printer URIs from settings and commands: a parsed URI writes back to text that parses to the same printer, and its
// canonical text is stable.
#include "core/receipts/PrinterUri.h"
#include "tests/fuzz/FuzzSupport.h"

using namespace lt;
using lt::fuzz::require;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::setUpQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = fuzz::textOf(data, size);
    const auto uri = PrinterUri::parse(text);
    if (!uri) {
        require(!uri.error().message.isEmpty(), "a refused URI says why");
        return 0;
    }
    const QString written = uri->toString();
    const auto again = PrinterUri::parse(written);
    require(again.ok(), "a printer URI parses back from its text", written);
    require(*again == *uri, "a printer URI is the same printer after writing", written);
    require(again->toString() == written, "a printer URI's canonical text is stable", written);
    if (uri->kind == PrinterUri::Kind::Tcp)
        require(uri->port > 0 && uri->port <= 65535 && !uri->host.isEmpty(), "a TCP printer's address", written);
    if (uri->kind == PrinterUri::Kind::Serial)
        require(uri->baud > 0 && !uri->device.isEmpty(), "a serial printer's device", written);
    return 0;
}
