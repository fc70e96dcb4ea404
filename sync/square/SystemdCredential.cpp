#include "sync/square/SystemdCredential.h"

#include "core/common/ProcessIdentity.h"
#include "core/settings/SystemConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace lt {

namespace {
constexpr int ToolTimeoutMs = 60'000;
} // namespace

QString SystemdCredential::defaultFolder()
{
    return SystemConfig::folder() + QStringLiteral("/credentials");
}

QString SystemdCredential::defaultSealedFile()
{
    return defaultFolder() + QLatin1Char('/') + QString::fromLatin1(Name) + QStringLiteral(".cred");
}

QString SystemdCredential::unitOptionFor(const QString& name)
{
    // The unit names the installed folder, whatever LOYALTYTILL_CONFIG_DIR says for this process.
    return QStringLiteral("LoadCredentialEncrypted=%1:/etc/loyaltytill/credentials/%1.cred").arg(name);
}

QString SystemdCredential::serviceFolder()
{
    return qEnvironmentVariable("CREDENTIALS_DIRECTORY");
}

SystemdCredential::SystemdCredential()
    : SystemdCredential(Options {defaultSealedFile()})
{
}

SystemdCredential::SystemdCredential(Options options)
    : m_options(std::move(options))
{
}

bool SystemdCredential::given() const
{
    const ProcessIdentity::AsRoot root;
    const QString folder = serviceFolder();
    return !folder.isEmpty() && QFileInfo::exists(QDir(folder).filePath(m_options.name));
}

// These messages reach IT in the admin command line, the till's sync status and its wallet settings: translated like
// the rest of sync.
Result<QByteArray> SystemdCredential::readBytes() const
{
    // The admin tool run by root acts as the store's owner (ProcessIdentity): the credential is root's to read.
    const ProcessIdentity::AsRoot root;
    const QString folder = serviceFolder();
    const QString& name = m_options.name;
    if (folder.isEmpty())
        return Error::notFound(
            tr("This till keeps its secrets in encrypted systemd credentials (square.token_store = "
               "systemd-credential), and it was not started by a service that loads them: the unit needs "
               "%1, as loyaltytill-kiosk.service has.")
                .arg(unitOption()));
    QFile file(QDir(folder).filePath(name));
    if (!file.exists())
        return Error::notFound(tr("This service was given no credential %1: its unit needs %2, and that file must "
                                  "exist (as root: %3 writes it).")
                                   .arg(name, unitOption(), m_options.sealedBy));
    if (!file.open(QIODevice::ReadOnly))
        return Error::storage(tr("The credential %1 cannot be read: %2.").arg(file.fileName(), file.errorString()));
    const QByteArray bytes = file.read(m_options.maxBytes + 1);
    if (bytes.size() > m_options.maxBytes)
        return Error::invalid(tr("The credential %1 is too long for what it holds: more than %2 bytes.")
                                  .arg(name)
                                  .arg(m_options.maxBytes));
    if (bytes.trimmed().isEmpty())
        return Error::notFound(
            tr("The credential %1 is empty: seal it again, as root, with %2.").arg(name, m_options.sealedBy));
    return bytes;
}

Result<QString> SystemdCredential::read() const
{
    LT_TRY_ASSIGN(const QByteArray bytes, readBytes());
    return QString::fromUtf8(bytes).trimmed();
}

Result<void> SystemdCredential::requireRoot(const QString& what) const
{
#ifdef Q_OS_UNIX
    if (::geteuid() == 0 || ProcessIdentity::startedAsRoot())
        return {};
    return Error::refused(tr("%1 needs root: the sealed credential %2 is root's alone. Run the command again as root "
                             "(sudo).")
                              .arg(what, m_options.sealedFile));
#else
    Q_UNUSED(what)
    return Error::refused(tr("Encrypted systemd credentials exist only on Linux."));
#endif
}

Result<void> SystemdCredential::write(const QString& token) const
{
    const QByteArray secret = token.trimmed().toUtf8();
    if (secret.isEmpty())
        return Error::invalid(tr("The access token is empty."), QStringLiteral("token"));
    return seal(secret);
}

Result<void> SystemdCredential::seal(const QByteArray& secret) const
{
    const QString& name = m_options.name;
    if (secret.trimmed().isEmpty()) // a blank credential reads as none: sealing one would only mislead
        return Error::invalid(tr("There is nothing to seal in the credential %1.").arg(name));
    LT_TRY(requireRoot(tr("Sealing the credential %1").arg(name)));
    const ProcessIdentity::AsRoot root;
    const QFileInfo sealedFile(m_options.sealedFile);
    const QString folder = sealedFile.absolutePath();
    if (!QDir().mkpath(folder)
        || !QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return Error::storage(tr("The folder %1 cannot be made (mode 0700).").arg(folder));
    // Sealed under a temporary name and renamed: the file a service loads is always a whole credential.
    const QString partial = sealedFile.absoluteFilePath() + QStringLiteral(".new");
    QFile::remove(partial);
    QStringList arguments {QStringLiteral("encrypt"), QStringLiteral("--name=") + name};
    if (!m_options.withKey.isEmpty())
        arguments << QStringLiteral("--with-key=") + m_options.withKey;
    arguments << QStringLiteral("-") << partial; // the secret on standard input, never among the arguments
    QProcess tool;
#ifdef Q_OS_UNIX
    tool.setChildProcessModifier([] { ::umask(077); });
#endif
    tool.start(m_options.tool, arguments);
    if (!tool.waitForStarted(ToolTimeoutMs))
        return Error::storage(tr("%1 cannot be run (%2): a systemd credential needs systemd 250 or newer.")
                                  .arg(m_options.tool, tool.errorString()));
    tool.write(secret);
    tool.closeWriteChannel();
    if (!tool.waitForFinished(ToolTimeoutMs) || tool.exitStatus() != QProcess::NormalExit || tool.exitCode() != 0) {
        QFile::remove(partial);
        // The tool's own message (about keys, TPMs, paths) never contains the secret it was given.
        return Error::storage(
            tr("%1 could not seal the credential %2: %3")
                .arg(m_options.tool, name, QString::fromLocal8Bit(tool.readAllStandardError()).trimmed()));
    }
    if (!QFile::setPermissions(partial, QFile::ReadOwner | QFile::WriteOwner)
        || std::rename(QFile::encodeName(partial).constData(),
                       QFile::encodeName(sealedFile.absoluteFilePath()).constData())
            != 0) {
        QFile::remove(partial);
        return Error::storage(tr("The sealed credential cannot be written to %1.").arg(m_options.sealedFile));
    }
    return {};
}

Result<void> SystemdCredential::remove() const
{
    // Root first: to anyone else the sealed file is invisible, and "nothing to delete" would be a false comfort.
    LT_TRY(requireRoot(tr("Removing the credential %1").arg(m_options.name)));
    const ProcessIdentity::AsRoot root;
    if (!QFileInfo::exists(m_options.sealedFile))
        return {};
    if (!QFile::remove(m_options.sealedFile))
        return Error::storage(tr("The sealed credential %1 cannot be deleted.").arg(m_options.sealedFile));
    return {};
}

bool SystemdCredential::sealed() const
{
    const ProcessIdentity::AsRoot root;
    return QFileInfo::exists(m_options.sealedFile);
}

} // namespace lt
