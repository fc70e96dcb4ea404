#pragma once

#include "core/common/Result.h"
#include "core/wallet/MemberPassContent.h"
#include "core/wallet/ZipArchiveWriter.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace lt {

class AppleSigningIdentity;

// A member's Apple Wallet store card, as Apple's PassKit package format describes it: pass.json, the icons,
// manifest.json (the SHA-1 of every other file) and `signature` (a detached PKCS#7 over the manifest by the store's
// pass certificate), zipped as a .pkpass.
class ApplePass
{
    Q_DECLARE_TR_FUNCTIONS(ApplePass)

public:
    struct Issuer
    {
        QString passTypeId; // wallet.apple.pass_type_id: must be the certificate's
        QString teamId; // wallet.apple.team_id, or the certificate's team when the setting is empty
    };

    // The card's barcode: Code 128 carries the 13 digits to the same 1D scanners that read the printed EAN-13
    // card (Apple has no EAN-13), and the first format of `barcodes` is the one a phone shows.
    static constexpr const char* BarcodeFormat = "PKBarcodeFormatCode128";

    static QJsonObject passJson(const MemberPassContent& content, const Issuer& issuer);
    // The images every pass carries (icon.png is the one Apple requires), from the resources under :/wallet.
    static QList<ZipArchiveWriter::File> images();
    // {"file name": "sha1 in hex"} for every file of the pass.
    static QByteArray manifest(const QList<ZipArchiveWriter::File>& files);

    // The .pkpass file. Refused when the issuer's pass type id is not the certificate's or the certificate is not
    // valid at `nowUtc`.
    static Result<QByteArray> build(const MemberPassContent& content, const Issuer& issuer,
                                    const AppleSigningIdentity& identity, const QDateTime& nowUtc);
};

} // namespace lt
