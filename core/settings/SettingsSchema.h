#pragma once

#include "core/common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace lt {

// Where a setting's own value is kept, between the system's presets and IT's locks.
enum class SettingScope {
    Store, // in the store's database: every till on the store agrees; a manager changes it, audited
    Till, // this till's own, in the user's settings file: changed at the till or by IT
};

enum class SettingType {
    Text, // one line of readable text
    Integer, // a whole number between minimum and maximum
    Choice, // one of choices
    Region, // an ISO 3166 region code that libphonenumber knows
    List, // comma-separated ids without spaces
    Path, // an absolute path, or empty
    Time, // a local time of day, HH:MM
    Printer, // a printer URI (PrinterUri), or empty
};

// One setting as IT reads it in the README, the example configuration and the Windows policy template, all of which
// are generated from the table in SettingsSchema.cpp.
struct SettingSpec
{
    const char* key;
    SettingScope scope;
    SettingType type;
    const char* defaultValue;
    const char* meaning;
    const char* changedBy; // who may change it besides IT's presets and locks
    qint64 minimum = 0;
    qint64 maximum = 0;
    const char* choices = ""; // '|'-separated, for SettingType::Choice
    int maxLength = 2000; // for text

    QString name() const { return QString::fromLatin1(key); }
    QStringList choiceList() const;
};

class SettingsSchema
{
public:
    static const QList<SettingSpec>& all();
    static const SettingSpec* find(const QString& key);
    // The value as stored, or why it cannot be; `key` names the setting in the message.
    static Result<QString> check(const SettingSpec& spec, const QString& value);
    static QString typeName(const SettingSpec& spec); // "whole number 0–365", "keep | restore", ...
    static QString scopeName(SettingScope scope);
};

} // namespace lt
