#pragma once

#include <QString>

namespace lt {

// How personal data is shown to someone who does not need all of it (a cashier, a terminal over a shoulder, a
// report): enough to tell two members apart and to check with the member, never the whole of it.
class PersonalDataMask
{
public:
    // "•••• 0142": the last four digits, as the member panel and the slip show them.
    static QString phone(const QString& e164);
    // "a•••@example.com": the first character of the local part and the domain.
    static QString email(const QString& address);
};

} // namespace lt
