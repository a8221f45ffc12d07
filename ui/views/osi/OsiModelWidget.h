#pragma once
// The lesson's two pictures side by side: the OSI seven-layer model and the
// TCP/IP five-layer model, with the layers a packet carries highlighted.

#include <QSet>
#include <QWidget>

namespace socklab {

class OsiModelWidget final : public QWidget
{
    Q_OBJECT

public:
    // OSI numbering: 1 physical … 7 application.
    enum class Layer { Physical = 1, Link, Network, Transport, Session, Presentation, Application };

    explicit OsiModelWidget(QWidget* parent = nullptr);

    // The layers whose headers the packet carries. Application also lights
    // session and presentation: TCP/IP's application layer spans all three.
    void setCarriedLayers(const QSet<Layer>& layers);
    QSet<Layer> carriedLayers() const { return m_layers; }
    bool isHighlighted(Layer osiLayer) const;
    // Shown under the pictures (e.g. "loopback: no physical layer").
    void setNote(const QString& note);
    QString note() const { return m_note; }

    static QString layerName(Layer l); // translated

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QSet<Layer> m_layers;
    QString m_note;
};

} // namespace socklab
