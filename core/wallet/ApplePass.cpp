#include "core/wallet/ApplePass.h"

#include "core/wallet/AppleSigningIdentity.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace lt {

namespace {
// The till's colours (the application icon's navy and amber), as Apple's CSS-style triples.
const QString Background = QStringLiteral("rgb(39, 54, 79)");
const QString Foreground = QStringLiteral("rgb(255, 255, 255)");
const QString Label = QStringLiteral("rgb(242, 157, 18)");

QJsonObject field(const QString& key, const QString& label, const QJsonValue& value)
{
    return {{QStringLiteral("key"), key}, {QStringLiteral("label"), label}, {QStringLiteral("value"), value}};
}
} // namespace

QJsonObject ApplePass::passJson(const MemberPassContent& content, const Issuer& issuer)
{
    QJsonArray secondary;
    if (!content.memberName.isEmpty())
        secondary.append(field(QStringLiteral("member"), tr("Member"), content.memberName));
    if (!content.tier.isEmpty())
        secondary.append(field(QStringLiteral("tier"), tr("Tier"), content.tier));
    const QJsonObject storeCard {
        {QStringLiteral("primaryFields"),
         QJsonArray {field(QStringLiteral("balance"), content.pointsLabel, content.balance)}},
        {QStringLiteral("secondaryFields"), secondary},
        {QStringLiteral("backFields"),
         QJsonArray {field(QStringLiteral("card"), tr("Card number"), content.cardNumber),
                     field(QStringLiteral("about"), content.storeName,
                           tr("Show this card at the till to earn and spend your %1. The balance shown is the "
                              "one when the card was added.")
                               .arg(content.pointsLabel.toLower()))}},
    };
    const QJsonObject barcode {{QStringLiteral("format"), QLatin1String(BarcodeFormat)},
                               {QStringLiteral("message"), content.cardNumber},
                               {QStringLiteral("messageEncoding"), QStringLiteral("iso-8859-1")},
                               {QStringLiteral("altText"), content.cardNumber}};
    return {
        {QStringLiteral("formatVersion"), 1},
        {QStringLiteral("passTypeIdentifier"), issuer.passTypeId},
        {QStringLiteral("serialNumber"), content.passId},
        {QStringLiteral("teamIdentifier"), issuer.teamId},
        {QStringLiteral("organizationName"), content.storeName},
        {QStringLiteral("description"), tr("%1 loyalty card").arg(content.storeName)},
        {QStringLiteral("logoText"), content.storeName},
        {QStringLiteral("foregroundColor"), Foreground},
        {QStringLiteral("backgroundColor"), Background},
        {QStringLiteral("labelColor"), Label},
        {QStringLiteral("storeCard"), storeCard},
        {QStringLiteral("barcodes"), QJsonArray {barcode}},
    };
}

QList<ZipArchiveWriter::File> ApplePass::images()
{
    QList<ZipArchiveWriter::File> files;
    for (const char* name : {"icon.png", "icon@2x.png", "icon@3x.png", "logo.png", "logo@2x.png"}) {
        QFile file(QStringLiteral(":/wallet/") + QLatin1String(name));
        if (file.open(QIODevice::ReadOnly))
            files.append({QLatin1String(name), file.readAll()});
    }
    return files;
}

QByteArray ApplePass::manifest(const QList<ZipArchiveWriter::File>& files)
{
    QJsonObject digests;
    for (const auto& [name, content] : files)
        digests.insert(name, QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex()));
    return QJsonDocument(digests).toJson(QJsonDocument::Indented);
}

Result<QByteArray> ApplePass::build(const MemberPassContent& content, const Issuer& issuer,
                                    const AppleSigningIdentity& identity, const QDateTime& nowUtc)
{
    if (issuer.passTypeId != identity.facts().passTypeId)
        return Error::invalid(tr("The Apple pass certificate is for %1, not for the store's pass type %2 "
                                 "(wallet.apple.pass_type_id).")
                                  .arg(identity.facts().passTypeId, issuer.passTypeId),
                              QStringLiteral("wallet.apple.pass_type_id"));
    LT_TRY(identity.checkValidAt(nowUtc));
    QList<ZipArchiveWriter::File> files = images();
    if (files.isEmpty())
        return Error::internal(tr("The pass's icons are missing from the program's resources."));
    files.prepend(
        {QStringLiteral("pass.json"), QJsonDocument(passJson(content, issuer)).toJson(QJsonDocument::Indented)});
    const QByteArray manifestJson = manifest(files);
    LT_TRY_ASSIGN(const QByteArray signature, identity.signDetached(manifestJson));
    files.append({QStringLiteral("manifest.json"), manifestJson});
    files.append({QStringLiteral("signature"), signature});
    return ZipArchiveWriter::write(files);
}

} // namespace lt
