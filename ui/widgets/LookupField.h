#pragma once

#include "ui/input/KeystrokeClassifier.h"

#include <QElapsedTimer>
#include <QLineEdit>

namespace lt::ui {

// The till's one input line: holds the focus while the till is idle, and on Enter says whether a scanner or a
// person entered the text.
class LookupField : public QLineEdit
{
    Q_OBJECT
public:
    explicit LookupField(QWidget* parent = nullptr);

signals:
    void submitted(const QString& text, bool scanned);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    // When the key was pressed, in milliseconds.
    qint64 keyTime(const QKeyEvent* event) const;

    KeystrokeClassifier m_classifier;
    QElapsedTimer m_clock;
};

} // namespace lt::ui
