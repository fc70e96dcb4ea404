#pragma once

#include "core/wallet/WalletKeys.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace lt::test {

// The result of a command the tests run (openssl, loyaltytill-admin).
struct CommandRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString describe(const QStringList& arguments) const;
};

// Runs a program to its end with `input` on its stdin, in `workingDirectory` when given.
CommandRun runProgram(const QString& program, const QStringList& arguments, const QByteArray& input = {},
                      const QString& workingDirectory = {});
CommandRun runOpenSsl(const QStringList& arguments, const QByteArray& input = {}, const QString& workingDirectory = {});

// Every file of a zip archive by name, read with libzip; empty when it is not an archive.
QMap<QString, QByteArray> unzip(const QByteArray& archive);

// Certificates and keys made with the openssl command for one test run, in a temporary folder:
//   ca.key ca.pem ca.der   a CA standing in for Apple's WWDR intermediate (PEM and DER)
//   pass.key pass.pem      a pass type certificate the CA issued (UID = PassTypeId, OU = TeamId), a year long
//   expired.pem            the same subject and key, expired yesterday
//   plain.pem              a certificate the CA issued without a pass type identifier
//   other.key              an RSA key that belongs to no certificate
//   otherca.pem            another CA, which issued nothing here
//   forgedca.key forgedca.pem  a CA with ca.pem's very name but a key of its own
//   forged.pem             pass.pem's subject and key, issued by forgedca: its issuer's name is ca.pem's, its
//                          signature is not (and it carries no authority key identifier, so only the signature tells)
//   pass.p12 pass-legacy.p12  pass.pem and pass.key in PKCS#12 (AES; and RC2/3DES as older Keychain exports), password
//                          P12Password
//   encrypted.key          pass.key encrypted with KeyPassword
//   google.key google.pub google.json  an RSA key, its public half, and a service account's JSON key file with it
//   ec.json                a service account file whose key is not RSA
class WalletTestKeys
{
public:
    static inline const QString PassTypeId = QStringLiteral("pass.com.example.loyalty");
    static inline const QString TeamId = QStringLiteral("ABCDE12345");
    static inline const QString ServiceAccount = QStringLiteral("wallet@loyaltytill-test.iam.gserviceaccount.com");
    static inline const QString IssuerId = QStringLiteral("3388000000022222222");
    static inline const QByteArray P12Password = "p12-s3cret";
    static inline const QByteArray KeyPassword = "key-s3cret";

    WalletTestKeys();

    // Empty when every file was made; otherwise what the openssl command said.
    const QString& problem() const { return m_problem; }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QByteArray read(const QString& name) const;
    // pass.pem, pass.key, ca.pem and google.json, as the keychain keeps them.
    WalletKeys keys() const;

private:
    bool openssl(const QStringList& arguments);
    bool writeServiceAccount(const QString& name, const QString& keyFile);

    QTemporaryDir m_dir;
    QString m_problem;
};

} // namespace lt::test
