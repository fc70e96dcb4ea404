#include "app/admin/WalletCommands.h"

#include "app/admin/CommandContext.h"
#include "app/admin/JsonFormat.h"
#include "app/admin/StdinLines.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/AuditLog.h"
#include "core/wallet/AppleSigningIdentity.h"
#include "core/wallet/GoogleServiceAccount.h"
#include "core/wallet/WalletKeyImport.h"
#include "core/wallet/WalletPassService.h"
#include "sync/keys/WalletKeyStore.h"

#include <QFile>
#include <QJsonArray>
#include <QSaveFile>

namespace lt::admin {

namespace {

const char* Description =
    "A member's Apple Wallet pass or Google Wallet link; the store's wallet keys; what is set up.\n\n"
    "wallet MEMBER --apple FILE.pkpass   writes the member's Apple Wallet pass\n"
    "wallet MEMBER --google              prints the member's \"save to Google Wallet\" link\n"
    "wallet keys --google-service-account FILE\n"
    "wallet keys --apple-certificate FILE [--apple-key FILE] --apple-wwdr FILE\n"
    "                                    stores the store's keys in this till's keychain (a PKCS#12 or key password,\n"
    "                                    if any, is read from standard input)\n"
    "wallet keys --remove google|apple   takes them out of the keychain\n"
    "wallet status                       what is set up and, for a wallet that is not, why\n"
    "MEMBER is a member number, a phone number or a card number.\n\n"
    "On a kiosk till (square.token_store = systemd-credential) the keys are encrypted systemd credentials instead,\n"
    "sealed and deleted by root in /etc/loyaltytill/credentials; the till's service reads them when it starts.";

QJsonObject statusJson(const WalletStatus& status)
{
    return {{QStringLiteral("wallet"),
             status.wallet == WalletKind::Apple ? QStringLiteral("apple") : QStringLiteral("google")},
            {QStringLiteral("name"), status.name},
            {QStringLiteral("ready"), status.ready},
            {QStringLiteral("configured"), status.configured},
            {QStringLiteral("reason"), JsonFormat::textOrNull(status.reason)},
            {QStringLiteral("summary"), JsonFormat::textOrNull(status.summary)},
            {QStringLiteral("expires"),
             status.expires.isValid() ? QJsonValue(toStorageTime(status.expires)) : QJsonValue(QJsonValue::Null)}};
}

QString statusText(const WalletStatus& status)
{
    return status.ready ? WalletCommands::tr("%1: ready. %2\n").arg(status.name, status.summary)
                        : WalletCommands::tr("%1: not offered. %2\n").arg(status.name, status.reason);
}

int report(CommandContext& c, const QList<WalletStatus>& statuses, QJsonObject json, QString text)
{
    QJsonArray wallets;
    for (const WalletStatus& status : statuses) {
        wallets.append(statusJson(status));
        text += statusText(status);
    }
    json.insert(QStringLiteral("wallets"), wallets);
    return c.succeed(json, text);
}

Result<QByteArray> readFile(CommandContext& c, const char* option)
{
    const QString name = QString::fromLatin1(option);
    const QString path = c.parser().value(name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(WalletCommands::tr("--%1: cannot read %2: %3").arg(name, path, file.errorString()), name);
    return file.readAll();
}

// A password on standard input, asked for at a terminal; empty when none is given.
QByteArray readPassword(StdinLines& in, const QString& file)
{
    return in.read(WalletCommands::tr("The password of %1 (not shown): ").arg(file), true).value_or(QString()).toUtf8();
}

QStringList names(const QList<WalletKeyEntry>& entries)
{
    QStringList list;
    for (const WalletKeyEntry entry : entries)
        list << WalletCredentials::nameOf(entry);
    return list;
}

// Outside the kiosk's service, root sees which keys are sealed but cannot open them: each wallet says what is sealed
// for it and what is missing, the store's settings say the rest.
Result<int> sealedReport(CommandContext& c, const WalletCredentials& credentials, QJsonObject json, QString text)
{
    LT_TRY_ASSIGN(LoyaltyEngine* const engine, c.engine());
    LT_TRY_ASSIGN(const QList<WalletKeyEntry> sealed, credentials.sealedEntries());
    const QString folder = credentials.options().folder;
    json.insert(QStringLiteral("key_store"), QStringLiteral("systemd-credential"));
    json.insert(QStringLiteral("sealed_in"), folder);
    text += WalletCommands::tr("Wallet keys: encrypted systemd credentials in %1 (square.token_store = "
                               "systemd-credential), which only the till's service opens, when it starts.\n")
                .arg(folder);
    QJsonArray wallets;
    for (WalletStatus status : WalletPassService(engine->context()).readiness(WalletKeys())) {
        const QList<WalletKeyEntry> needed = status.wallet == WalletKind::Google
            ? QList<WalletKeyEntry> {WalletKeyEntry::GoogleServiceAccount}
            : WalletKeyStore::appleEntries();
        QList<WalletKeyEntry> there;
        QList<WalletKeyEntry> missing;
        for (const WalletKeyEntry entry : needed)
            (sealed.contains(entry) ? there : missing) << entry;
        if (status.configured && missing.isEmpty())
            status.reason = WalletCommands::tr("Sealed for the till's service (%1): the till's Settings ▸ Printing and "
                                               "wallet says whether it can use them once its service started again.")
                                .arg(names(there).join(QStringLiteral(", ")));
        else if (status.configured)
            status.reason =
                WalletCommands::tr(
                    "Not sealed: %1. Seal what is missing, as root, with `loyaltytill-admin wallet keys %2`.")
                    .arg(names(missing).join(QStringLiteral(", ")),
                         status.wallet == WalletKind::Google
                             ? QStringLiteral("--google-service-account FILE")
                             : QStringLiteral("--apple-certificate FILE [--apple-key FILE] --apple-wwdr FILE"));
        QJsonObject wallet = statusJson(status);
        wallet.insert(QStringLiteral("sealed"), QJsonArray::fromStringList(names(there)));
        wallet.insert(QStringLiteral("missing"), QJsonArray::fromStringList(names(missing)));
        wallets.append(wallet);
        text += status.configured && missing.isEmpty() ? WalletCommands::tr("%1: %2\n").arg(status.name, status.reason)
                                                       : statusText(status);
    }
    json.insert(QStringLiteral("wallets"), wallets);
    return c.succeed(json, text);
}

// Where the keys are read from, as the till reads them: its keychain, or its service's credentials.
bool readable(const WalletKeyStore& keys)
{
    return keys.kind() == WalletKeyStore::Kind::Keychain || WalletCredentials::insideService();
}

Result<int> walletStatus(CommandContext& c)
{
    WalletKeyStore keychain;
    if (!readable(keychain))
        return sealedReport(c, *keychain.credentials(), {}, {});
    LT_TRY_ASSIGN(LoyaltyEngine* const engine, c.engine());
    return report(c, WalletPassService(engine->context()).readiness(keychain.loadNow()), {}, {});
}

Result<QByteArray> googleKey(CommandContext& c, QJsonObject& audit)
{
    LT_TRY_ASSIGN(const QByteArray file, readFile(c, "google-service-account"));
    LT_TRY_ASSIGN(const GoogleServiceAccount account, GoogleServiceAccount::parse(file));
    audit.insert(QStringLiteral("google_service_account"), account.clientEmail());
    return WalletKeyImport::googleServiceAccount(file);
}

Result<WalletKeys> appleKeys(CommandContext& c, StdinLines& in, QJsonObject& audit)
{
    QCommandLineParser& p = c.parser();
    if (!p.isSet(QStringLiteral("apple-wwdr")))
        return Error::invalid(WalletCommands::tr("--apple-wwdr FILE is needed with --apple-certificate: Apple's WWDR "
                                                 "intermediate certificate that issued the pass certificate."),
                              QStringLiteral("apple-wwdr"));
    LT_TRY_ASSIGN(const QByteArray certificateFile, readFile(c, "apple-certificate"));
    WalletKeys keys;
    if (WalletKeyImport::isPkcs12(certificateFile)) {
        if (p.isSet(QStringLiteral("apple-key")))
            return Error::invalid(WalletCommands::tr("The PKCS#12 file holds the private key: leave out --apple-key."),
                                  QStringLiteral("apple-key"));
        LT_TRY_ASSIGN(const WalletKeyImport::CertificateAndKey parts,
                      WalletKeyImport::fromPkcs12(certificateFile,
                                                  readPassword(in, p.value(QStringLiteral("apple-certificate")))));
        keys.appleCertificate = parts.certificatePem;
        keys.applePrivateKey = parts.privateKeyPem;
    } else {
        if (!p.isSet(QStringLiteral("apple-key")))
            return Error::invalid(
                WalletCommands::tr("--apple-key FILE is needed with a PEM or DER certificate (or give "
                                   "the certificate and key exported together as a .p12)."),
                QStringLiteral("apple-key"));
        LT_TRY_ASSIGN(keys.appleCertificate,
                      WalletKeyImport::certificate(certificateFile, QStringLiteral("apple-certificate")));
        LT_TRY_ASSIGN(const QByteArray keyFile, readFile(c, "apple-key"));
        const QByteArray password = WalletKeyImport::isEncryptedKey(keyFile)
            ? readPassword(in, p.value(QStringLiteral("apple-key")))
            : QByteArray();
        LT_TRY_ASSIGN(keys.applePrivateKey,
                      WalletKeyImport::privateKey(keyFile, password, QStringLiteral("apple-key")));
    }
    LT_TRY_ASSIGN(const QByteArray wwdrFile, readFile(c, "apple-wwdr"));
    LT_TRY_ASSIGN(keys.appleWwdr, WalletKeyImport::certificate(wwdrFile, QStringLiteral("apple-wwdr")));
    // The three must belong together, and an expired certificate is not worth storing.
    LT_TRY_ASSIGN(const AppleSigningIdentity identity,
                  AppleSigningIdentity::load(keys.appleCertificate, keys.applePrivateKey, keys.appleWwdr));
    LT_TRY(identity.checkValidAt(c.clock().nowUtc()));
    audit.insert(QStringLiteral("apple_pass_type_id"), identity.facts().passTypeId);
    audit.insert(QStringLiteral("apple_team_id"), identity.facts().teamId);
    audit.insert(QStringLiteral("apple_valid_until"), toStorageTime(identity.facts().validUntil));
    return keys;
}

Result<void> record(CommandContext& c, const QString& subject, const QJsonObject& details)
{
    LT_TRY_ASSIGN(Database* const db, c.database());
    return AuditLog(*db, c.clock()).record(c.actor().name(), QStringLiteral("wallet.keys"), subject, details);
}

Result<int> removeKeys(CommandContext& c)
{
    const QString which = c.parser().value(QStringLiteral("remove"));
    QList<WalletKeyStore::Entry> entries;
    if (which == QLatin1String("google"))
        entries = {WalletKeyStore::Entry::GoogleServiceAccount};
    else if (which == QLatin1String("apple"))
        entries = WalletKeyStore::appleEntries();
    else
        return c.fail(Error::invalid(WalletCommands::tr("--remove takes google or apple."), QStringLiteral("remove")));
    LT_TRY_ASSIGN(LoyaltyEngine* const engine, c.engine());
    WalletKeyStore keychain;
    LT_TRY(keychain.removeNow(entries));
    LT_TRY(record(c, which, {{QStringLiteral("removed"), true}}));
    if (const WalletCredentials* credentials = keychain.credentials())
        return sealedReport(c, *credentials, {{QStringLiteral("removed"), which}},
                            WalletCommands::tr("The %1 wallet keys' sealed credentials are deleted; the till's service "
                                               "keeps what it read until it starts again (systemctl restart "
                                               "loyaltytill-kiosk.service).\n")
                                .arg(which));
    return report(c, WalletPassService(engine->context()).readiness(keychain.loadNow()),
                  {{QStringLiteral("removed"), which}},
                  WalletCommands::tr("The %1 wallet keys are out of this till's keychain.\n").arg(which));
}

Result<int> keys(CommandContext& c)
{
    QCommandLineParser& p = c.parser();
    if (p.isSet(QStringLiteral("remove")))
        return removeKeys(c);
    const bool google = p.isSet(QStringLiteral("google-service-account"));
    const bool apple = p.isSet(QStringLiteral("apple-certificate"));
    if (!google && !apple)
        return c.fail(Error::invalid(
            p.isSet(QStringLiteral("apple-key")) || p.isSet(QStringLiteral("apple-wwdr"))
                ? WalletCommands::tr("--apple-key and --apple-wwdr go with --apple-certificate FILE.")
                : WalletCommands::tr("Give --google-service-account FILE, or --apple-certificate FILE with "
                                     "--apple-wwdr FILE (and --apple-key FILE unless the certificate is a .p12).")));
    LT_TRY_ASSIGN(LoyaltyEngine* const engine, c.engine());
    StdinLines in;
    WalletKeys incoming;
    QJsonObject audit;
    QStringList stored;
    if (google) {
        LT_TRY_ASSIGN(incoming.googleServiceAccount, googleKey(c, audit));
        stored << QStringLiteral("google");
    }
    if (apple) {
        LT_TRY_ASSIGN(const WalletKeys appleParts, appleKeys(c, in, audit));
        incoming.appleCertificate = appleParts.appleCertificate;
        incoming.applePrivateKey = appleParts.applePrivateKey;
        incoming.appleWwdr = appleParts.appleWwdr;
        stored << QStringLiteral("apple");
    }
    WalletKeyStore keychain;
    LT_TRY(keychain.storeNow(incoming));
    LT_TRY(record(c, stored.join(QLatin1Char(',')), audit));
    const WalletCredentials* const credentials = keychain.credentials();
    QString text = credentials ? WalletCommands::tr("Sealed for the till's service:")
                               : WalletCommands::tr("Stored in this till's keychain:");
    if (google)
        text += WalletCommands::tr(" the Google service account %1;")
                    .arg(audit.value(QStringLiteral("google_service_account")).toString());
    if (apple)
        text += WalletCommands::tr(" the Apple pass certificate for %1 (team %2);")
                    .arg(audit.value(QStringLiteral("apple_pass_type_id")).toString(),
                         audit.value(QStringLiteral("apple_team_id")).toString());
    text.chop(1);
    text += QStringLiteral(".\n");
    const QJsonObject json {{QStringLiteral("stored"), QJsonArray::fromStringList(stored)},
                            {QStringLiteral("details"), audit}};
    if (credentials)
        return sealedReport(c, *credentials, json,
                            text
                                + WalletCommands::tr("The till reads them when its service starts again: "
                                                     "systemctl restart loyaltytill-kiosk.service.\n"));
    return report(c, WalletPassService(engine->context()).readiness(keychain.loadNow()), json, text);
}

Result<void> writePass(const QString& path, const QByteArray& bytes)
{
    // The pass names the member and carries the card: personal data, readable by its owner only.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error::invalid(WalletCommands::tr("--apple: cannot write %1: %2").arg(path, out.errorString()),
                              QStringLiteral("apple"));
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (out.write(bytes) != bytes.size() || !out.commit())
        return Error::storage(WalletCommands::tr("Cannot write %1: %2").arg(path, out.errorString()));
    return {};
}

Result<int> pass(CommandContext& c, const QString& memberText)
{
    const bool apple = c.parser().isSet(QStringLiteral("apple"));
    const bool google = c.parser().isSet(QStringLiteral("google"));
    if (apple == google)
        return c.fail(Error::invalid(WalletCommands::tr("Give either --apple FILE.pkpass or --google.")));
    LT_TRY_ASSIGN(const qint64 memberId, c.memberFromText(memberText));
    LT_TRY_ASSIGN(LoyaltyEngine* const engine, c.engine());
    WalletKeyStore keychain;
    LT_TRY_ASSIGN(const WalletKeys keys, keychain.loadNow());
    const WalletPassService service(engine->context());
    if (google) {
        LT_TRY_ASSIGN(const QString link, service.googleSaveLink(memberId, keys));
        return c.succeed({{QStringLiteral("member"), memberId}, {QStringLiteral("link"), link}}, link);
    }
    LT_TRY_ASSIGN(const QByteArray file, service.applePass(memberId, keys));
    const QString path = c.parser().value(QStringLiteral("apple"));
    LT_TRY(writePass(path, file));
    return c.succeed(
        {{QStringLiteral("member"), memberId}, {QStringLiteral("file"), path}, {QStringLiteral("bytes"), file.size()}},
        WalletCommands::tr("Wrote member %1's Apple Wallet pass to %2.").arg(memberId).arg(path));
}

Result<int> runWallet(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    if (args.size() != 1)
        return c.fail(Error::invalid(WalletCommands::tr("Give one of: wallet MEMBER (--apple FILE.pkpass | --google), "
                                                        "wallet keys ..., wallet status.")));
    if (args.first() == QLatin1String("status"))
        return walletStatus(c);
    if (args.first() == QLatin1String("keys"))
        return keys(c);
    return pass(c, args.first());
}

// The steps above hand their errors up (LT_TRY); the command's message and exit code come from them here.
int walletCommand(CommandContext& c)
{
    const Result<int> code = runWallet(c);
    return code ? *code : c.fail(code.error());
}

} // namespace

QList<Command> WalletCommands::commands()
{
    return {
        {QStringLiteral("wallet"),
         QStringLiteral("A member's Apple Wallet pass or Google Wallet link; the store's wallet keys; what is set up."),
         QStringLiteral("MEMBER|keys|status"),
         [](QCommandLineParser& p) {
             p.setApplicationDescription(QString::fromLatin1(Description));
             p.addOption(option("apple", "MEMBER: write the member's Apple Wallet pass to FILE.", "FILE.pkpass"));
             p.addOption(option("google", "MEMBER: print the member's \"save to Google Wallet\" link."));
             p.addOption(
                 option("google-service-account", "keys: the Google Cloud service account's JSON key file.", "FILE"));
             p.addOption(option("apple-certificate",
                                "keys: the pass type certificate (PEM, DER, or a .p12 with its key).", "FILE"));
             p.addOption(option("apple-key", "keys: the certificate's private key (PEM or DER).", "FILE"));
             p.addOption(option("apple-wwdr", "keys: Apple's WWDR intermediate certificate (PEM or DER).", "FILE"));
             p.addOption(option("remove",
                                "keys: take the google or apple keys out of the keychain (or delete their "
                                "sealed credentials on a kiosk till).",
                                "WALLET"));
         },
         walletCommand},
    };
}

} // namespace lt::admin
