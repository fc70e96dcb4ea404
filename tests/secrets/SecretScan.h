#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// What a full run must not leave behind, in every form a program could write it, and a walk over what it left.
namespace secrettest {

struct Canary
{
    QString label; // what it is and in which form, for the failure message
    QByteArray bytes;
};

// An access token as written raw (UTF-8 and UTF-16), base64 and base64url at each alignment inside a longer text
// ("Bearer TOKEN" encoded whole), hex and percent-encoded.
QList<Canary> tokenForms(const QString& token);
// A North American number given in E.164 (+1 and ten digits) in each way a person or a program writes it: E.164,
// with and without the country code, grouped with spaces, dashes, dots and brackets, the local seven digits, UTF-16.
QList<Canary> phoneForms(const QString& e164);

// The canaries found in data.
QStringList found(const QByteArray& data, const QList<Canary>& canaries);

struct Entry
{
    QString path;
    bool folder = false;
    unsigned mode = 0; // permission bits
    unsigned owner = 0;
    unsigned group = 0;
};
// Every file and folder under root (root included), links not followed; a link is reported as a file.
QList<Entry> walk(const QString& root);

} // namespace secrettest
