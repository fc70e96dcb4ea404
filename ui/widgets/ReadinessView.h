#pragma once

#include "core/services/CheckResult.h"

#include <QWidget>

class QVBoxLayout;

namespace lt::ui {

// What a check-up found, one line per check: ready, needs attention (with the fix) or not ready (with the fix), in
// the tones the palette gives errors and warnings.
class ReadinessView : public QWidget
{
    Q_OBJECT
public:
    explicit ReadinessView(QWidget* parent = nullptr);
    void show(const QList<CheckResult>& results);

private:
    QVBoxLayout* m_lines;
};

} // namespace lt::ui
