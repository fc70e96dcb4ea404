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
// A Square token is about 64 characters; anything far bigger is not one.
constexpr qint64 MaxTokenBytes = 16 * 1024;
constexpr int ToolTimeoutMs = 60'000;

QString name()
{
    return QString::fromLatin1(SystemdCredential::Name);
}

QString unitOption()
{
    return QString::fromLatin1(SystemdCredential::UnitOption);
}
} // namespace

QString SystemdCredential::defaultSealedFile()
{
    return SystemConfig::folder() + QStringLiteral("/credentials/") + name() + QStringLiteral(".cred");
}

SystemdCredential::SystemdCredential()
    : SystemdCredential(Options {defaultSealedFile()})
{
}

SystemdCredential::SystemdCredential(Options options)
    : m_options(std::move(options))
{
}

// These messages reach IT in the admin command line and the till's sync status: translated like the rest of sync.
Result<QString> SystemdCredential::read() const
{
    // The admin tool run by root acts as the store's owner (ProcessIdentity): the credential is root's to read.
    const ProcessIdentity::AsRoot root;
    const QString folder = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (folder.isEmpty())
        return Error::notFound(
            tr("This till keeps its Square token in an encrypted systemd credential (square.token_store = "
               "systemd-credential), and it was not started by a service that loads one: the unit needs "
               "%1, as loyaltytill-kiosk.service has.")
                .arg(unitOption()));
    QFile file(QDir(folder).filePath(name()));
    if (!file.exists())
        return Error::notFound(
            tr("This service was given no credential %1: its unit needs %2, and that file must exist "
               "(as root: loyaltytill-admin square connect --token-stdin writes it).")
                .arg(name(), unitOption()));
    if (!file.open(QIODevice::ReadOnly))
        return Error::storage(tr("The credential %1 cannot be read: %2.").arg(file.fileName(), file.errorString()));
    const QByteArray bytes = file.read(MaxTokenBytes + 1);
    if (bytes.size() > MaxTokenBytes)
        return Error::invalid(tr("The credential %1 is not a Square token: it is too long.").arg(name()));
    const QString token = QString::fromUtf8(bytes).trimmed();
    if (token.isEmpty())
        return Error::notFound(
            tr("The credential %1 is empty: write the token again, as root, with loyaltytill-admin square "
               "connect --token-stdin.")
                .arg(name()));
    return token;
}

Result<void> SystemdCredential::requireRoot(const QString& what) const
{
#ifdef Q_OS_UNIX
    if (::geteuid() == 0 || ProcessIdentity::startedAsRoot())
        return {};
    return Error::refused(tr("%1 needs root: the sealed Square token %2 is root's alone. Run the command "
                             "again as root (sudo).")
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
    LT_TRY(requireRoot(tr("Keeping the Square token in a systemd credential")));
    const ProcessIdentity::AsRoot root;
    const QFileInfo sealed(m_options.sealedFile);
    const QString folder = sealed.absolutePath();
    if (!QDir().mkpath(folder)
        || !QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return Error::storage(tr("The folder %1 cannot be made (mode 0700).").arg(folder));
    // Sealed under a temporary name and renamed: the file a service loads is always a whole credential.
    const QString partial = sealed.absoluteFilePath() + QStringLiteral(".new");
    QFile::remove(partial);
    QStringList arguments {QStringLiteral("encrypt"), QStringLiteral("--name=") + name()};
    if (!m_options.withKey.isEmpty())
        arguments << QStringLiteral("--with-key=") + m_options.withKey;
    arguments << QStringLiteral("-") << partial; // the token on standard input, never among the arguments
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
        return Error::storage(tr("%1 could not seal the Square token: %2")
                                  .arg(m_options.tool, QString::fromLocal8Bit(tool.readAllStandardError()).trimmed()));
    }
    if (!QFile::setPermissions(partial, QFile::ReadOwner | QFile::WriteOwner)
        || std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(sealed.absoluteFilePath()).constData())
            != 0) {
        QFile::remove(partial);
        return Error::storage(tr("The sealed token cannot be written to %1.").arg(m_options.sealedFile));
    }
    return {};
}

Result<void> SystemdCredential::remove() const
{
    // Root first: to anyone else the sealed file is invisible, and "nothing to delete" would be a false comfort.
    LT_TRY(requireRoot(tr("Removing the Square token's systemd credential")));
    const ProcessIdentity::AsRoot root;
    if (!QFileInfo::exists(m_options.sealedFile))
        return {};
    if (!QFile::remove(m_options.sealedFile))
        return Error::storage(tr("The sealed token %1 cannot be deleted.").arg(m_options.sealedFile));
    return {};
}

} // namespace lt
