#include "tests/wallet/WalletTestKeys.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <zip.h>

namespace lt::test {

QString CommandRun::describe(const QStringList& arguments) const
{
    return QStringLiteral("%1\nexit %2\nstdout: %3\nstderr: %4")
        .arg(arguments.join(QLatin1Char(' ')))
        .arg(exitCode)
        .arg(QString::fromUtf8(out.left(4000)), QString::fromUtf8(err.left(4000)));
}

CommandRun runProgram(const QString& program, const QStringList& arguments, const QByteArray& input,
                      const QString& workingDirectory)
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    CommandRun run;
    if (!process.waitForStarted(10'000)) {
        run.err = process.errorString().toUtf8();
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

CommandRun runOpenSsl(const QStringList& arguments, const QByteArray& input, const QString& workingDirectory)
{
    return runProgram(QStringLiteral("openssl"), arguments, input, workingDirectory);
}

QMap<QString, QByteArray> unzip(const QByteArray& archive)
{
    QMap<QString, QByteArray> files;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source =
        zip_source_buffer_create(archive.constData(), static_cast<zip_uint64_t>(archive.size()), 0, &error);
    zip_t* zip = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
    zip_error_fini(&error);
    if (!zip) {
        if (source)
            zip_source_free(source);
        return files;
    }
    const zip_int64_t count = zip_get_num_entries(zip, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        const auto index = static_cast<zip_uint64_t>(i);
        if (zip_stat_index(zip, index, 0, &stat) != 0)
            continue;
        QByteArray content(static_cast<qsizetype>(stat.size), Qt::Uninitialized);
        if (zip_file_t* file = zip_fopen_index(zip, index, 0)) {
            if (zip_fread(file, content.data(), stat.size) == static_cast<zip_int64_t>(stat.size))
                files.insert(QString::fromUtf8(stat.name), content);
            zip_fclose(file);
        }
    }
    zip_close(zip); // frees the source
    return files;
}

WalletTestKeys::WalletTestKeys()
{
    const QString passSubject =
        QStringLiteral("/UID=%1/CN=Pass Type ID: %1/OU=%2/O=Test Store/C=US").arg(PassTypeId, TeamId);
    const auto newKey = [this](const QString& name) {
        return openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"), QStringLiteral("-out"),
                        path(name)});
    };
    const auto newCa = [this](const QString& name, const QString& subject) {
        return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                        QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                        path(name + QStringLiteral(".key")), QStringLiteral("-out"),
                        path(name + QStringLiteral(".pem")), QStringLiteral("-days"), QStringLiteral("3650"),
                        QStringLiteral("-subj"), subject, QStringLiteral("-addext"),
                        QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                        QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
    };
    // A certificate for `key` with `subject`, issued by `ca` (ca.pem unless named), valid for `days` (negative:
    // expired).
    const auto issue = [this](const QString& key, const QString& subject, const QString& out, int days,
                              const QString& ca = QStringLiteral("ca")) {
        const QString request = path(out + QStringLiteral(".csr"));
        return openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"), path(key),
                        QStringLiteral("-subj"), subject, QStringLiteral("-out"), request})
            && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), request,
                        QStringLiteral("-CA"), path(ca + QStringLiteral(".pem")), QStringLiteral("-CAkey"),
                        path(ca + QStringLiteral(".key")), QStringLiteral("-set_serial"),
                        QString::number(1000 + days + 10 * out.size()), QStringLiteral("-days"), QString::number(days),
                        QStringLiteral("-out"), path(out)});
    };
    const QString p12 = QStringLiteral("pass:") + QString::fromLatin1(P12Password);
    const QString wwdrSubject = QStringLiteral("/CN=Test WWDR Intermediate/O=LoyaltyTill tests");
    [[maybe_unused]] const bool made = newCa(QStringLiteral("ca"), wwdrSubject)
        && newCa(QStringLiteral("otherca"), QStringLiteral("/CN=Another CA/O=LoyaltyTill tests"))
        && newCa(QStringLiteral("forgedca"), wwdrSubject)
        && openssl({QStringLiteral("x509"), QStringLiteral("-in"), path(QStringLiteral("ca.pem")),
                    QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                    path(QStringLiteral("ca.der"))})
        && newKey(QStringLiteral("pass.key")) && newKey(QStringLiteral("other.key"))
        && newKey(QStringLiteral("google.key"))
        && issue(QStringLiteral("pass.key"), passSubject, QStringLiteral("pass.pem"), 365)
        && issue(QStringLiteral("pass.key"), passSubject, QStringLiteral("expired.pem"), -1)
        && issue(QStringLiteral("pass.key"), passSubject, QStringLiteral("forged.pem"), 365, QStringLiteral("forgedca"))
        && issue(QStringLiteral("other.key"), QStringLiteral("/CN=Not a pass/O=Test Store"),
                 QStringLiteral("plain.pem"), 365)
        && openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-in"),
                    path(QStringLiteral("pass.pem")), QStringLiteral("-inkey"), path(QStringLiteral("pass.key")),
                    QStringLiteral("-passout"), p12, QStringLiteral("-out"), path(QStringLiteral("pass.p12"))})
        && openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-legacy"),
                    QStringLiteral("-in"), path(QStringLiteral("pass.pem")), QStringLiteral("-inkey"),
                    path(QStringLiteral("pass.key")), QStringLiteral("-passout"), p12, QStringLiteral("-out"),
                    path(QStringLiteral("pass-legacy.p12"))})
        && openssl({QStringLiteral("pkey"), QStringLiteral("-in"), path(QStringLiteral("pass.key")),
                    QStringLiteral("-aes256"), QStringLiteral("-passout"),
                    QStringLiteral("pass:") + QString::fromLatin1(KeyPassword), QStringLiteral("-out"),
                    path(QStringLiteral("encrypted.key"))})
        && openssl({QStringLiteral("pkey"), QStringLiteral("-in"), path(QStringLiteral("google.key")),
                    QStringLiteral("-pubout"), QStringLiteral("-out"), path(QStringLiteral("google.pub"))})
        && openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-out"),
                    path(QStringLiteral("ec.key"))})
        && writeServiceAccount(QStringLiteral("google.json"), QStringLiteral("google.key"))
        && writeServiceAccount(QStringLiteral("ec.json"), QStringLiteral("ec.key"));
}

bool WalletTestKeys::openssl(const QStringList& arguments)
{
    const CommandRun run = runOpenSsl(arguments);
    if (run.exitCode != 0)
        m_problem = run.describe(arguments);
    return run.exitCode == 0;
}

bool WalletTestKeys::writeServiceAccount(const QString& name, const QString& keyFile)
{
    // The fields of a key file the Google Cloud console downloads.
    const QJsonObject account {
        {QStringLiteral("type"), QStringLiteral("service_account")},
        {QStringLiteral("project_id"), QStringLiteral("loyaltytill-test")},
        {QStringLiteral("private_key_id"), QStringLiteral("0123456789abcdef0123456789abcdef01234567")},
        {QStringLiteral("private_key"), QString::fromLatin1(read(keyFile))},
        {QStringLiteral("client_email"), ServiceAccount},
        {QStringLiteral("client_id"), QStringLiteral("100000000000000000001")},
        {QStringLiteral("auth_uri"), QStringLiteral("https://accounts.google.com/o/oauth2/auth")},
        {QStringLiteral("token_uri"), QStringLiteral("https://oauth2.googleapis.com/token")},
    };
    QFile file(path(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(account).toJson()) < 0) {
        m_problem = QStringLiteral("cannot write ") + file.fileName();
        return false;
    }
    return true;
}

QByteArray WalletTestKeys::read(const QString& name) const
{
    QFile file(path(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

WalletKeys WalletTestKeys::keys() const
{
    WalletKeys keys;
    keys.googleServiceAccount = read(QStringLiteral("google.json"));
    keys.appleCertificate = read(QStringLiteral("pass.pem"));
    keys.applePrivateKey = read(QStringLiteral("pass.key"));
    keys.appleWwdr = read(QStringLiteral("ca.pem"));
    return keys;
}

} // namespace lt::test
