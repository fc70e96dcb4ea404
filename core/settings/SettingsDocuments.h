#pragma once

#include <QString>

namespace lt {

// What IT reads about the settings, generated from SettingsSchema so that it never disagrees with the code: the
// README's table, the commented example configuration the package installs, and the Windows policy template
// (ADMX with its en-US ADML). `loyaltytill-admin config --template KIND` prints each; a test compares them with
// the committed files.
class SettingsDocuments
{
public:
    static QString markdownTable();
    static QString exampleConfig();
    static QString admx();
    static QString adml();
};

} // namespace lt
