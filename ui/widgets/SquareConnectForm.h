#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

namespace lt {
class CredentialStore;
class Database;
} // namespace lt

namespace lt::ui {

class StatusLabel;

// The first-start step that connects the store to Square: the environment, the location and the access token,
// typed once (masked, never kept in the form after it was used). Square is asked before anything is kept
// (SquarePairing); "Later" leaves the store on this till until IT connects it.
class SquareConnectForm : public QWidget
{
    Q_OBJECT
public:
    SquareConnectForm(Database& db, QNetworkAccessManager& network, CredentialStore& credentials,
                      QWidget* parent = nullptr);
    void focusFirst();

signals:
    void connected(const QString& locationId);
    void skipped();

private:
    void submit();

    Database& m_db;
    QNetworkAccessManager& m_network;
    CredentialStore& m_credentials;
    QComboBox* m_environment;
    QLineEdit* m_location;
    QLineEdit* m_token;
    QPushButton* m_connect;
    QPushButton* m_later;
    StatusLabel* m_error;
};

} // namespace lt::ui
