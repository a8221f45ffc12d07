#pragma once
// A strip above the views that says what went wrong (no capture permission,
// a port in use, a malformed session file) without blocking the window.

#include <QFrame>

class QLabel;
class QToolButton;

namespace socklab {

class ErrorBanner final : public QFrame
{
    Q_OBJECT

public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    void showMessage(const QString& message);
    QString message() const;
    void setTypeScale(qreal k); // presenter mode: the views' type scale (ViewStyle::scale)
    void retranslate();

private:
    QLabel* m_text;
    QToolButton* m_close;
};

} // namespace socklab
