#include "core/settings/SettingsSchema.h"

#include "core/domain/PersonalDataValidator.h"
#include "core/domain/PhoneNumberNormalizer.h"
#include "core/receipts/PrinterUri.h"

#include <QCoreApplication>
#include <QDir>
#include <QTime>

namespace lt {

namespace {
constexpr const char* Manager = "a manager: loyaltytill-admin settings KEY VALUE (audited)";
constexpr const char* AtTheTill = "anyone at the till (View menu)";
constexpr const char* ItOnly = "IT only (configuration files)";
constexpr const char* ManagerAtTheTill = "a manager at the till (Settings menu, Printing and wallet), or IT";
} // namespace

QStringList SettingSpec::choiceList() const
{
    return QString::fromLatin1(choices).split(QLatin1Char('|'), Qt::SkipEmptyParts);
}

const QList<SettingSpec>& SettingsSchema::all()
{
    using enum SettingScope;
    using enum SettingType;
    static const QList<SettingSpec> list = {
        {"store.name", Store, Text, "LoyaltyTill store", "The store's name on the till and in reports", Manager},
        {"phone.default_region", Store, Region, "US", "ISO region for phone numbers typed without a country code",
         Manager},
        {"refund.redeemed_reward", Store, Choice, "keep",
         "keep: a reward redeemed on a sale stays used when the sale is refunded; restore: a full refund gives its "
         "points back",
         Manager, 0, 0, "keep|restore"},
        {"consent.text", Store, Text,
         "I agree to receive offers from this store by text message and e-mail. I can withdraw at any time.",
         "The marketing consent text shown word for word at enrollment", Manager},
        {"consent.version", Store, Text, "1", "Changes whenever consent.text changes; stored with every consent",
         Manager, 0, 0, "", 64},
        {"redemption.approval_above_minor", Store, Integer, "5000",
         "Redemptions worth more than this (minor units) need a manager", Manager, 0, 100'000'000},
        {"till.idle_lock_seconds", Store, Integer, "300", "The till locks after this many idle seconds (0: never)",
         Manager, 0, 100'000'000},
        {"sync.interval_seconds", Store, Integer, "300",
         "A running till syncs with Square this often (it also syncs after sales)", Manager, 1, 100'000},
        {"sync.idempotency_window_hours", Store, Integer, "24",
         "How long Square is trusted to remember an operation's idempotency key; older unanswered operations are "
         "looked for in Square's events before they are sent again",
         Manager, 1, 100'000},
        {"catalog.categories", Store, List, "",
         "The register's category ids a local promotion may name (comma-separated), besides those the accrual rules "
         "name",
         Manager},
        {"sales.backdate_days", Store, Integer, "30",
         "How many days back a receipt brought in later may be recorded (accrue --completed-at); 0: not at all",
         Manager, 0, 365},
        {"slip.print", Store, Choice, "off",
         "When the till prints a loyalty slip after a sale, a redemption or a refund: off, automatic (every time) or "
         "on-key (when the cashier asks, Ctrl+P)",
         Manager, 0, 0, "off|automatic|on-key"},
        {"slip.footer", Store, Text, "",
         "A line printed at the foot of every loyalty slip, such as the store's web site", Manager, 0, 0, "", 120},
        {"wallet.google.issuer_id", Store, Text, "",
         "The store's Google Wallet issuer id (digits, from the Google Pay & Wallet Console); empty: no Google Wallet "
         "passes",
         Manager, 0, 0, "", 40},
        {"wallet.google.class_id", Store, Text, "loyalty",
         "The suffix of the Google Wallet loyalty class the passes belong to (the class is issuer_id.suffix)", Manager,
         0, 0, "", 100},
        {"wallet.apple.pass_type_id", Store, Text, "",
         "The Apple Wallet pass type identifier of the store's certificate (pass.com.example.loyalty); empty: no Apple "
         "Wallet passes",
         Manager, 0, 0, "", 200},
        {"wallet.apple.team_id", Store, Text, "", "The Apple developer team identifier that owns the pass type",
         Manager, 0, 0, "", 20},
        {"till.language", Till, Choice, "system", "The till's language: the system's, English or Spanish", AtTheTill, 0,
         0, "system|en|es"},
        {"till.palette", Till, Choice, "light", "The till's colours: light, or dark for a dim shop", AtTheTill, 0, 0,
         "light|dark"},
        {"till.name", Till, Text, "", "This till's name in reports and on sales; empty: the machine's name", ItOnly, 0,
         0, "", 64},
        {"scanner.serial_port", Till, Text, "",
         "A barcode scanner on a serial port (such as /dev/ttyACM0); empty: the scanner types like a keyboard", ItOnly,
         0, 0, "", 200},
        {"scanner.baud_rate", Till, Integer, "9600", "The serial scanner's speed", ItOnly, 1200, 921'600},
        {"store.database", Till, Path, "",
         "The store's SQLite file; empty: loyaltytill.sqlite in the user's data folder (--database and "
         "LOYALTYTILL_DATABASE come first)",
         ItOnly},
        {"backup.folder", Till, Path, "",
         "Where the daily backups and those before a schema upgrade or a restore are written (folder mode 0700, files "
         "0600); empty: a backups folder beside the store",
         ItOnly},
        {"backup.time", Till, Time, "02:30",
         "The local time of day after which the day's backup is made, by a running till or by backup --if-due (from "
         "a timer)",
         ItOnly},
        {"backup.keep", Till, Integer, "14", "How many daily backups are kept; older ones are deleted", ItOnly, 1, 365},
        {"square.token_store", Till, Choice, "keychain",
         "Where this till keeps the Square token and the store's wallet keys: the user's keychain, or on a kiosk "
         "till encrypted systemd credentials (/etc/loyaltytill/credentials/square-token.cred and wallet-*.cred) "
         "that only the till's service can read",
         ItOnly, 0, 0, "keychain|systemd-credential"},
        {"slip.printer", Till, Printer, "",
         "This till's receipt printer for loyalty slips: tcp://HOST:PORT, serial:/dev/ttyS0?baud=19200, "
         "usb:/dev/usb/lp0, cups:QUEUE or pdf:FILE; empty: none",
         ManagerAtTheTill, 0, 0, "", 300},
        {"slip.paper_width", Till, Choice, "80", "The receipt printer's paper width in millimetres", ManagerAtTheTill,
         0, 0, "80|58"},
        {"slip.code_page", Till, Choice, "pc858",
         "The receipt printer's code page for text; a character it lacks is printed as an image (image: the whole "
         "slip as an image)",
         ManagerAtTheTill, 0, 0, "pc858|pc437|pc850|wpc1252|image"},
        {"cards.printer", Till, Printer, "",
         "Where the till prints a member's card: cups:QUEUE (a card printer) or pdf:FILE; empty: the system's default "
         "printer",
         ManagerAtTheTill, 0, 0, "", 300},
        {"log.level", Till, Choice, "info",
         "The least important messages written to the journal (or, on Windows, the log file): warning, info or debug",
         ItOnly, 0, 0, "warning|info|debug"},
        {"log.rules", Till, Text, "",
         "Finer rules per area in Qt's form, separated by semicolons, such as loyaltytill.sync.debug=true; they come "
         "after log.level",
         ItOnly, 0, 0, "", 500},
    };
    return list;
}

const SettingSpec* SettingsSchema::find(const QString& key)
{
    for (const SettingSpec& spec : all()) {
        if (key == QLatin1String(spec.key))
            return &spec;
    }
    return nullptr;
}

Result<QString> SettingsSchema::check(const SettingSpec& spec, const QString& value)
{
    const QString key = spec.name();
    const QString v = value.trimmed();
    switch (spec.type) {
    case SettingType::Integer: {
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        if (!ok || n < spec.minimum || n > spec.maximum)
            return Error::invalid(
                QCoreApplication::translate("SettingsSchema", "'%1' needs a whole number from %2 to %3.")
                    .arg(key)
                    .arg(spec.minimum)
                    .arg(spec.maximum),
                key);
        return QString::number(n);
    }
    case SettingType::Choice:
        if (!spec.choiceList().contains(v))
            return Error::invalid(QCoreApplication::translate("SettingsSchema", "'%1' is one of: %2.")
                                      .arg(key, spec.choiceList().join(QStringLiteral(", "))),
                                  key);
        return v;
    case SettingType::Region:
        if (!PhoneNumberNormalizer::isKnownRegion(v.toUpper()))
            return Error::invalid(
                QCoreApplication::translate("SettingsSchema", "'%1' is not a region code such as US, GB or MX.").arg(v),
                key);
        return v.toUpper();
    case SettingType::List: {
        QStringList ids;
        for (const QString& id : v.split(QLatin1Char(','))) {
            const QString trimmed = id.trimmed();
            if (trimmed.isEmpty() || trimmed.size() > 192 || trimmed.contains(QLatin1Char(' ')))
                return Error::invalid(QCoreApplication::translate("SettingsSchema",
                                                                  "List category ids separated by commas, such as "
                                                                  "COFFEE,PASTRY."),
                                      key);
            ids << trimmed;
        }
        return ids.join(QLatin1Char(','));
    }
    case SettingType::Path:
        if (!v.isEmpty() && (!QDir::isAbsolutePath(v) || v.size() > 1000))
            return Error::invalid(
                QCoreApplication::translate("SettingsSchema", "'%1' needs an absolute path, or nothing.").arg(key),
                key);
        LT_TRY(PersonalDataValidator::freeText(v, key, 1000));
        return v;
    case SettingType::Time: {
        const QTime time = QTime::fromString(v, QStringLiteral("HH:mm"));
        if (v.size() != 5 || !time.isValid())
            return Error::invalid(
                QCoreApplication::translate("SettingsSchema", "'%1' needs a time of day such as 02:30 (HH:MM).")
                    .arg(key),
                key);
        return time.toString(QStringLiteral("HH:mm"));
    }
    case SettingType::Printer: {
        if (v.isEmpty())
            return v;
        LT_TRY_ASSIGN(const PrinterUri printer, PrinterUri::parse(v));
        return printer.toString();
    }
    case SettingType::Text:
        break;
    }
    const bool mayBeEmpty = QLatin1String(spec.defaultValue).isEmpty();
    if ((v.isEmpty() && !mayBeEmpty) || v.size() > spec.maxLength)
        return Error::invalid(
            QCoreApplication::translate("SettingsSchema", "'%1' cannot be empty or longer than %2 characters.")
                .arg(key)
                .arg(spec.maxLength),
            key);
    // Shown on the till and in reports: no control or bidirectional formatting characters. Stored as typed.
    LT_TRY(PersonalDataValidator::freeText(v, key, spec.maxLength));
    return v;
}

QString SettingsSchema::typeName(const SettingSpec& spec)
{
    switch (spec.type) {
    case SettingType::Integer:
        return QStringLiteral("whole number %1–%2").arg(spec.minimum).arg(spec.maximum);
    case SettingType::Choice:
        return spec.choiceList().join(QStringLiteral(" | "));
    case SettingType::Region:
        return QStringLiteral("region code");
    case SettingType::List:
        return QStringLiteral("comma-separated ids");
    case SettingType::Path:
        return QStringLiteral("absolute path");
    case SettingType::Time:
        return QStringLiteral("time of day HH:MM");
    case SettingType::Printer:
        return QStringLiteral("printer URI");
    case SettingType::Text:
        break;
    }
    return QStringLiteral("text, at most %1 characters").arg(spec.maxLength);
}

QString SettingsSchema::scopeName(SettingScope scope)
{
    return scope == SettingScope::Store ? QStringLiteral("store") : QStringLiteral("till");
}

} // namespace lt
