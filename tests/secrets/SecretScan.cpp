#include "tests/secrets/SecretScan.h"

#include <QDirIterator>
#include <QFile>
#include <QUrl>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace secrettest {

namespace {

QByteArray utf16(const QString& text)
{
    return QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
}

// The part of base64(prefix + text + suffix) that depends on the text alone, for each of the three alignments.
QList<QByteArray> base64Cores(const QByteArray& text, QByteArray::Base64Options options)
{
    QList<QByteArray> cores;
    for (int offset = 0; offset < 3; ++offset) {
        const QByteArray padded = QByteArray(offset, 'x') + text + QByteArray(3, 'y');
        const QByteArray encoded = padded.toBase64(options);
        // Characters 4 * ceil(offset / 3) onwards start inside the text; the last whole group inside it ends the core.
        const qsizetype first = offset == 0 ? 0 : 4;
        const qsizetype last = (offset + text.size()) / 3 * 4;
        cores << encoded.mid(first, last - first);
    }
    return cores;
}

} // namespace

QList<Canary> tokenForms(const QString& token)
{
    const QByteArray raw = token.toUtf8();
    QList<Canary> forms {{u"token"_s, raw},
                         {u"token, UTF-16"_s, utf16(token)},
                         {u"token, hex"_s, raw.toHex()},
                         {u"token, HEX"_s, raw.toHex().toUpper()},
                         {u"token, percent-encoded"_s, QUrl::toPercentEncoding(token)}};
    for (const QByteArray& core : base64Cores(raw, QByteArray::Base64Encoding))
        forms << Canary {u"token, base64"_s, core};
    for (const QByteArray& core : base64Cores(raw, QByteArray::Base64UrlEncoding))
        forms << Canary {u"token, base64url"_s, core};
    return forms;
}

QList<Canary> phoneForms(const QString& e164)
{
    const QString digits = e164.mid(2); // +1 NPA NXX XXXX
    const QString area = digits.left(3), exchange = digits.mid(3, 3), line = digits.mid(6);
    const QStringList written {e164,
                               u"1"_s + digits,
                               digits,
                               area + u'-' + exchange + u'-' + line,
                               area + u' ' + exchange + u' ' + line,
                               area + u'.' + exchange + u'.' + line,
                               u"("_s + area + u") "_s + exchange + u'-' + line,
                               u"("_s + area + u")"_s + exchange + u'-' + line,
                               u"+1 "_s + area + u' ' + exchange + u' ' + line,
                               u"+1 "_s + area + u'-' + exchange + u'-' + line,
                               u"+1-"_s + area + u'-' + exchange + u'-' + line,
                               exchange + u'-' + line,
                               exchange + line};
    QList<Canary> forms;
    for (const QString& form : written)
        forms << Canary {u"phone "_s + form, form.toUtf8()};
    forms << Canary {u"phone "_s + e164 + u", UTF-16"_s, utf16(e164)}
          << Canary {u"phone "_s + digits + u", UTF-16"_s, utf16(digits)};
    return forms;
}

QStringList found(const QByteArray& data, const QList<Canary>& canaries)
{
    QStringList labels;
    for (const Canary& canary : canaries) {
        if (data.contains(canary.bytes))
            labels << canary.label;
    }
    return labels;
}

QList<Entry> walk(const QString& root)
{
    QList<Entry> entries;
    const auto add = [&entries](const QString& path) {
        struct stat info = {};
        if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
            return;
        entries << Entry {path, S_ISDIR(info.st_mode), unsigned(info.st_mode) & 07777u, info.st_uid, info.st_gid};
    };
    add(root);
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        add(it.next());
    return entries;
}

} // namespace secrettest
