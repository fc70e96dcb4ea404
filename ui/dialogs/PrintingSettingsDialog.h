#pragma once

#include "core/domain/Actor.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace lt {
class Clock;
class Database;
} // namespace lt

namespace lt::ui {

// A manager's settings for what the till prints and offers: when slips print and their footer (the store's), this
// till's slip and card printers with the slip's paper and code page (the till's), and whether each wallet pass can
// be offered, with why not. A setting IT locked is shown greyed with the file that locked it. Enter saves every
// change or, when one is refused, none: the refusal is shown next to its field.
class PrintingSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    PrintingSettingsDialog(Database& db, const Clock& clock, Actor manager, QWidget* parent = nullptr);

    // The field of a setting by its key, for tests and for the wallet section's text.
    QWidget* field(const QString& key) const { return m_fields.value(key); }
    QString fieldError(const QString& key) const;
    // Shown under the wallet heading: what is configured and, when not, why (set by the till, which reads the
    // keychain).
    void setWalletStatus(const QString& text);

    void accept() override;

signals:
    // A test slip was asked for, with the printer and paper as typed (not yet saved).
    void testSlipRequested(const QString& printer, int paperWidth, const QString& codePage);

private:
    void addChoice(QFormLayout* form, const QString& key, const QString& label,
                   const QList<QPair<QString, QString>>& choices, bool store);
    void addText(QFormLayout* form, const QString& key, const QString& label, const QString& placeholder, bool store);
    void addRow(QFormLayout* form, const QString& key, const QString& label, QWidget* field);
    QString typed(const QString& key) const;
    QString saved(const QString& key) const;

    Database& m_db;
    const Clock& m_clock;
    const Actor m_manager;
    QHash<QString, QWidget*> m_fields;
    QHash<QString, QLabel*> m_errors;
    QHash<QString, bool> m_store; // key → kept in the store (else this till's)
    QLabel* m_wallet;
    QLabel* m_generalError;
};

} // namespace lt::ui
