#include "core/settings/SettingsDocuments.h"

#include "core/settings/RegistryLayer.h"
#include "core/settings/SettingsSchema.h"

#include <QRegularExpression>
#include <QUuid>
#include <QXmlStreamWriter>

namespace lt {

namespace {
QString policyName(const SettingSpec& spec)
{
    QString name;
    for (const QString& part : spec.name().split(QRegularExpression(QStringLiteral("[._]")))) {
        if (!part.isEmpty())
            name += part.at(0).toUpper() + part.mid(1);
    }
    return name;
}

QString keptIn(SettingScope scope)
{
    return scope == SettingScope::Store ? QStringLiteral("the store's database")
                                        : QStringLiteral("this till (the user's settings file)");
}

QString cell(QString text)
{
    return text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
}
} // namespace

QString SettingsDocuments::markdownTable()
{
    QString table = QStringLiteral("| key | kept in | type | default | meaning | changed by (besides IT) |\n"
                                   "|---|---|---|---|---|---|\n");
    for (const SettingSpec& spec : SettingsSchema::all()) {
        const QString value = QString::fromUtf8(spec.defaultValue);
        table += QStringLiteral("| `%1` | %2 | %3 | %4 | %5 | %6 |\n")
                     .arg(spec.name(), SettingsSchema::scopeName(spec.scope), cell(SettingsSchema::typeName(spec)),
                          value.isEmpty() ? QStringLiteral("(empty)") : cell(value),
                          cell(QString::fromUtf8(spec.meaning)), cell(QString::fromUtf8(spec.changedBy)));
    }
    return table;
}

QString SettingsDocuments::exampleConfig()
{
    QString text = QStringLiteral(
        "# LoyaltyTill's system configuration: presets for every till on this machine.\n"
        "#\n"
        "# Layers, lowest first: the built-in default; this file; conf.d/*.conf in name order; the store's own value\n"
        "# (its database) or the user's (this till's settings file); policy.d/*.conf, which locks a value so that\n"
        "# nobody can change it at the till. Policy files must be owned by root and writable by nobody else.\n"
        "# A line that does not fit is reported by `loyaltytill-admin config` (with its file and line) and left out.\n"
        "#\n"
        "# Format: key = value; '#' or ';' starts a comment; quote a value to keep spaces at its ends.\n"
        "# Generated from the settings schema: every key below, commented out at its default.\n");
    for (const SettingSpec& spec : SettingsSchema::all()) {
        text += QStringLiteral("\n# %1\n# %2; kept in %3; changed by %4.\n#%5 = %6\n")
                    .arg(QString::fromUtf8(spec.meaning), SettingsSchema::typeName(spec), keptIn(spec.scope),
                         QString::fromUtf8(spec.changedBy), spec.name(), QString::fromUtf8(spec.defaultValue));
    }
    return text;
}

QString SettingsDocuments::admx()
{
    QString text;
    QXmlStreamWriter xml(&text);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("policyDefinitions"));
    xml.writeAttribute(QStringLiteral("revision"), QStringLiteral("1.0"));
    xml.writeAttribute(QStringLiteral("schemaVersion"), QStringLiteral("1.0"));
    xml.writeStartElement(QStringLiteral("policyNamespaces"));
    xml.writeEmptyElement(QStringLiteral("target"));
    xml.writeAttribute(QStringLiteral("prefix"), QStringLiteral("loyaltytill"));
    xml.writeAttribute(QStringLiteral("namespace"), QStringLiteral("LoyaltyTill.Policies"));
    xml.writeEmptyElement(QStringLiteral("using"));
    xml.writeAttribute(QStringLiteral("prefix"), QStringLiteral("windows"));
    xml.writeAttribute(QStringLiteral("namespace"), QStringLiteral("Microsoft.Policies.Windows"));
    xml.writeEndElement();
    xml.writeEmptyElement(QStringLiteral("resources"));
    xml.writeAttribute(QStringLiteral("minRequiredRevision"), QStringLiteral("1.0"));
    xml.writeStartElement(QStringLiteral("categories"));
    xml.writeStartElement(QStringLiteral("category"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("LoyaltyTill"));
    xml.writeAttribute(QStringLiteral("displayName"), QStringLiteral("$(string.LoyaltyTill)"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("policies"));
    for (const SettingSpec& spec : SettingsSchema::all()) {
        const QString name = policyName(spec);
        xml.writeStartElement(QStringLiteral("policy"));
        xml.writeAttribute(QStringLiteral("name"), name);
        xml.writeAttribute(QStringLiteral("class"), QStringLiteral("Machine"));
        xml.writeAttribute(QStringLiteral("displayName"), QStringLiteral("$(string.%1)").arg(name));
        xml.writeAttribute(QStringLiteral("explainText"), QStringLiteral("$(string.%1_Explain)").arg(name));
        xml.writeAttribute(QStringLiteral("presentation"), QStringLiteral("$(presentation.%1)").arg(name));
        xml.writeAttribute(QStringLiteral("key"), QStringLiteral("Software\\Policies\\LoyaltyTill"));
        xml.writeEmptyElement(QStringLiteral("parentCategory"));
        xml.writeAttribute(QStringLiteral("ref"), QStringLiteral("LoyaltyTill"));
        xml.writeEmptyElement(QStringLiteral("supportedOn"));
        xml.writeAttribute(QStringLiteral("ref"), QStringLiteral("windows:SUPPORTED_Windows_10_0"));
        xml.writeStartElement(QStringLiteral("elements"));
        if (spec.type == SettingType::Integer) {
            xml.writeEmptyElement(QStringLiteral("decimal"));
            xml.writeAttribute(QStringLiteral("id"), name);
            xml.writeAttribute(QStringLiteral("valueName"), spec.name());
            xml.writeAttribute(QStringLiteral("minValue"), QString::number(spec.minimum));
            xml.writeAttribute(QStringLiteral("maxValue"), QString::number(spec.maximum));
        } else if (spec.type == SettingType::Choice) {
            xml.writeStartElement(QStringLiteral("enum"));
            xml.writeAttribute(QStringLiteral("id"), name);
            xml.writeAttribute(QStringLiteral("valueName"), spec.name());
            for (const QString& choice : spec.choiceList()) {
                xml.writeStartElement(QStringLiteral("item"));
                xml.writeAttribute(QStringLiteral("displayName"), QStringLiteral("$(string.%1_%2)").arg(name, choice));
                xml.writeStartElement(QStringLiteral("value"));
                xml.writeTextElement(QStringLiteral("string"), choice);
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } else {
            xml.writeEmptyElement(QStringLiteral("text"));
            xml.writeAttribute(QStringLiteral("id"), name);
            xml.writeAttribute(QStringLiteral("valueName"), spec.name());
            xml.writeAttribute(QStringLiteral("maxLength"), QString::number(spec.maxLength));
        }
        xml.writeEndElement(); // elements
        xml.writeEndElement(); // policy
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n');
}

QString SettingsDocuments::adml()
{
    QString text;
    QXmlStreamWriter xml(&text);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("policyDefinitionResources"));
    xml.writeAttribute(QStringLiteral("revision"), QStringLiteral("1.0"));
    xml.writeAttribute(QStringLiteral("schemaVersion"), QStringLiteral("1.0"));
    xml.writeTextElement(QStringLiteral("displayName"), QStringLiteral("LoyaltyTill"));
    xml.writeTextElement(QStringLiteral("description"),
                         QStringLiteral("Locked settings for LoyaltyTill, generated from its settings schema."));
    xml.writeStartElement(QStringLiteral("resources"));
    xml.writeStartElement(QStringLiteral("stringTable"));
    const auto string = [&](const QString& id, const QString& value) {
        xml.writeStartElement(QStringLiteral("string"));
        xml.writeAttribute(QStringLiteral("id"), id);
        xml.writeCharacters(value);
        xml.writeEndElement();
    };
    string(QStringLiteral("LoyaltyTill"), QStringLiteral("LoyaltyTill"));
    for (const SettingSpec& spec : SettingsSchema::all()) {
        const QString name = policyName(spec);
        string(name, spec.name());
        string(name + QStringLiteral("_Explain"),
               QStringLiteral("%1 (%2; default: %3). Set here, it is locked: nobody can change it at the till.")
                   .arg(QString::fromUtf8(spec.meaning), SettingsSchema::typeName(spec),
                        QLatin1String(spec.defaultValue).isEmpty() ? QStringLiteral("empty")
                                                                   : QString::fromUtf8(spec.defaultValue)));
        for (const QString& choice : spec.choiceList())
            string(QStringLiteral("%1_%2").arg(name, choice), choice);
    }
    xml.writeEndElement(); // stringTable
    xml.writeStartElement(QStringLiteral("presentationTable"));
    for (const SettingSpec& spec : SettingsSchema::all()) {
        const QString name = policyName(spec);
        xml.writeStartElement(QStringLiteral("presentation"));
        xml.writeAttribute(QStringLiteral("id"), name);
        const QString element = spec.type == SettingType::Integer ? QStringLiteral("decimalTextBox")
            : spec.type == SettingType::Choice                    ? QStringLiteral("dropdownList")
                                                                  : QStringLiteral("textBox");
        xml.writeStartElement(element);
        xml.writeAttribute(QStringLiteral("refId"), name);
        if (spec.type == SettingType::Integer) {
            xml.writeAttribute(QStringLiteral("defaultValue"), QString::fromUtf8(spec.defaultValue));
            xml.writeCharacters(spec.name());
        } else if (spec.type == SettingType::Choice) {
            xml.writeCharacters(spec.name());
        } else {
            xml.writeTextElement(QStringLiteral("label"), spec.name());
            xml.writeTextElement(QStringLiteral("defaultValue"), QString::fromUtf8(spec.defaultValue));
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement(); // presentationTable
    xml.writeEndElement(); // resources
    xml.writeEndElement();
    xml.writeEndDocument();
    return text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n');
}

QList<const SettingSpec*> SettingsDocuments::installerSettings()
{
    QList<const SettingSpec*> list;
    for (const SettingSpec& spec : SettingsSchema::all()) {
        // This till's own settings. Not the store's, which live in its database (set once with loyaltytill-admin
        // settings, or locked by policy); nor where the Square token is kept, which on Windows is always the user's
        // Credential Manager (a systemd credential is Linux's).
        if (spec.scope == SettingScope::Till && spec.name() != QLatin1String("square.token_store"))
            list << &spec;
    }
    return list;
}

QString SettingsDocuments::installerProperty(const SettingSpec& spec)
{
    return spec.name().toUpper().replace(QLatin1Char('.'), QLatin1Char('_'));
}

// Written in the part of WiX 3 that both WiX and Debian's wixl compile (tests/windows builds it with wixl): no
// SetProperty, no ComponentGroup; a hidden feature of its own holds the components.
QString SettingsDocuments::wixInclude()
{
    const QString key = QString::fromLatin1(RegistryLayer::PresetsKey);
    // Each component's GUID comes from the registry value it writes, so that it stays the same in every build.
    const QUuid componentNamespace(QStringLiteral("97460C10-9D64-44B2-AC9C-5B250BEA313A"));
    const QList<const SettingSpec*> settings = installerSettings();
    QString text;
    QXmlStreamWriter xml(&text);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeComment(
        QStringLiteral(" Generated from the settings schema (loyaltytill-admin config, template wix): do not "
                       "edit.\n     Each property given to msiexec is written as a REG_SZ value named by "
                       "its setting under\n     HKLM\\%1; an upgrade keeps the values there, "
                       "uninstalling removes them.\n     Never a secret: Windows Installer's logs record "
                       "every property. ")
            .arg(key));
    xml.writeStartElement(QStringLiteral("Include"));
    xml.writeAttribute(QStringLiteral("xmlns"), QStringLiteral("http://schemas.microsoft.com/wix/2006/wi"));
    const auto registryAttributes = [&](const SettingSpec& spec) {
        xml.writeAttribute(QStringLiteral("Root"), QStringLiteral("HKLM"));
        xml.writeAttribute(QStringLiteral("Key"), key);
        xml.writeAttribute(QStringLiteral("Name"), spec.name());
    };
    for (const SettingSpec* spec : settings) {
        const QString property = installerProperty(*spec);
        xml.writeComment(QStringLiteral(" %1: %2 ").arg(spec->name(), SettingsSchema::typeName(*spec)));
        xml.writeEmptyElement(QStringLiteral("Property"));
        xml.writeAttribute(QStringLiteral("Id"), property);
        xml.writeAttribute(QStringLiteral("Secure"), QStringLiteral("yes"));
        // What an earlier install wrote: given back to the property when the command line does not give it.
        xml.writeStartElement(QStringLiteral("Property"));
        xml.writeAttribute(QStringLiteral("Id"), property + QStringLiteral("_PREVIOUS"));
        xml.writeEmptyElement(QStringLiteral("RegistrySearch"));
        xml.writeAttribute(QStringLiteral("Id"), QStringLiteral("Previous_") + property);
        registryAttributes(*spec);
        xml.writeAttribute(QStringLiteral("Type"), QStringLiteral("raw"));
        xml.writeAttribute(QStringLiteral("Win64"), QStringLiteral("yes"));
        xml.writeEndElement();
        xml.writeEmptyElement(QStringLiteral("CustomAction"));
        xml.writeAttribute(QStringLiteral("Id"), QStringLiteral("Keep_") + property);
        xml.writeAttribute(QStringLiteral("Property"), property);
        xml.writeAttribute(QStringLiteral("Value"), QStringLiteral("[%1_PREVIOUS]").arg(property));
    }
    // After the registry search and before costing decides the components: each after the one before, since wixl
    // scatters actions that all follow AppSearch.
    for (const QString& sequence : {QStringLiteral("InstallUISequence"), QStringLiteral("InstallExecuteSequence")}) {
        xml.writeStartElement(sequence);
        QString previous = QStringLiteral("AppSearch");
        for (const SettingSpec* spec : settings) {
            const QString property = installerProperty(*spec);
            xml.writeStartElement(QStringLiteral("Custom"));
            xml.writeAttribute(QStringLiteral("Action"), QStringLiteral("Keep_") + property);
            xml.writeAttribute(QStringLiteral("After"), previous);
            xml.writeCharacters(QStringLiteral("%1_PREVIOUS AND NOT %1").arg(property));
            xml.writeEndElement();
            previous = QStringLiteral("Keep_") + property;
        }
        xml.writeEndElement();
    }
    xml.writeStartElement(QStringLiteral("DirectoryRef"));
    xml.writeAttribute(QStringLiteral("Id"), QStringLiteral("TARGETDIR"));
    for (const SettingSpec* spec : settings) {
        const QString property = installerProperty(*spec);
        const QString value = QStringLiteral("HKLM\\%1\\%2").arg(key, spec->name());
        xml.writeStartElement(QStringLiteral("Component"));
        xml.writeAttribute(QStringLiteral("Id"), QStringLiteral("Preset_") + property);
        xml.writeAttribute(QStringLiteral("Guid"),
                           QUuid::createUuidV5(componentNamespace, value).toString(QUuid::WithoutBraces).toUpper());
        xml.writeAttribute(QStringLiteral("Win64"), QStringLiteral("yes"));
        xml.writeTextElement(QStringLiteral("Condition"), property); // only when given
        xml.writeEmptyElement(QStringLiteral("RegistryValue"));
        registryAttributes(*spec);
        xml.writeAttribute(QStringLiteral("Type"), QStringLiteral("string"));
        xml.writeAttribute(QStringLiteral("Value"), QStringLiteral("[%1]").arg(property));
        xml.writeAttribute(QStringLiteral("KeyPath"), QStringLiteral("yes"));
        xml.writeEndElement();
    }
    xml.writeEndElement(); // DirectoryRef
    xml.writeStartElement(QStringLiteral("Feature"));
    xml.writeAttribute(QStringLiteral("Id"), QStringLiteral("LoyaltyTillPresets"));
    xml.writeAttribute(QStringLiteral("Title"), QStringLiteral("IT's presets"));
    xml.writeAttribute(QStringLiteral("Level"), QStringLiteral("1"));
    xml.writeAttribute(QStringLiteral("Display"), QStringLiteral("hidden"));
    xml.writeAttribute(QStringLiteral("Absent"), QStringLiteral("disallow"));
    for (const SettingSpec* spec : settings) {
        xml.writeEmptyElement(QStringLiteral("ComponentRef"));
        xml.writeAttribute(QStringLiteral("Id"), QStringLiteral("Preset_") + installerProperty(*spec));
    }
    xml.writeEndElement(); // Feature
    xml.writeEndElement(); // Include
    xml.writeEndDocument();
    return text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n');
}

} // namespace lt
