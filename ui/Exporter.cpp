#include "Exporter.h"

#include "Captions.h"
#include "LadderRenderer.h"
#include "ScenarioCatalog.h"
#include "StateMachineRenderer.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QMap>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace socklab {

namespace {

QMap<QString, Exporter::RenderFn>& registry()
{
    static QMap<QString, Exporter::RenderFn> views{
        {QStringLiteral("ladder"),
         [](QPainter& p, const QRectF& r, const Timeline& tl, int cursor, const ViewStyle& s) {
             // Zoom stays 1 so every label stays readable; the page scrolls to show the cursor.
             LadderRenderer lr;
             lr.setStyle(s);
             lr.setTimeline(tl);
             LadderLayout& L = lr.layout();
             LadderViewport vp;
             const int row = lr.cursorRow(cursor);
             const qreal bottom = row >= 0 ? L.rowTop(row) + L.rowHeightPx(row) + s.rowHeight * 0.5 : 0;
             vp.top = qMax<qreal>(0, bottom - r.height());
             lr.paint(p, r, cursor, vp);
         }},
        {QStringLiteral("states"), &StateMachineRenderer::paint},
    };
    return views;
}

} // namespace

void Exporter::registerView(const QString& name, RenderFn fn) { registry().insert(name, std::move(fn)); }
QStringList Exporter::views() { return registry().keys(); }
bool Exporter::hasView(const QString& name) { return registry().contains(name); }

int Exporter::cursorAfterStep(const Timeline& tl, int step)
{
    if (step < 0 || step >= tl.steps.size()) return tl.size() - 1;
    const int next = tl.indexOfStep(tl.steps[step].index + 1);
    return next < 0 ? tl.size() - 1 : next - 1;
}

QString Exporter::title(const Timeline& tl)
{
    return QCoreApplication::translate("Scenario", ScenarioCatalog::title(tl.scenarioId));
}

void Exporter::render(QPainter& p, const QRectF& target, const QString& view, const Timeline& tl, int cursor) const
{
    const RenderFn fn = registry().value(view);
    QRectF area = target;
    const QString caption = m_captions ? captionForCursor(tl, cursor) : QString();
    p.fillRect(target, m_style.background);
    if (!caption.isEmpty()) {
        // The caption strip: wrapped narration under the view.
        const QFontMetricsF fm(m_style.captionFont);
        const qreal pad = 14 * m_style.scale;
        const QRectF textBox(target.left() + pad, 0, target.width() - 2 * pad, 0);
        const QRectF need = fm.boundingRect(textBox.adjusted(0, 0, 0, 10000), Qt::TextWordWrap, caption);
        const qreal h = qMin(need.height() + 2 * pad, target.height() * 0.4);
        area.setBottom(target.bottom() - h);
        const QRectF strip(target.left(), target.bottom() - h, target.width(), h);
        p.fillRect(strip, m_style.panel);
        p.setPen(m_style.foreground);
        p.setFont(m_style.captionFont);
        p.drawText(strip.adjusted(pad, pad, -pad, -pad), Qt::TextWordWrap | Qt::AlignVCenter, caption);
    }
    if (fn) {
        p.save();
        p.setClipRect(area);
        fn(p, area, tl, cursor, m_style);
        p.restore();
    }
}

QImage Exporter::image(const QString& view, const Timeline& tl, int cursor, const QSize& size) const
{
    QImage img(size, QImage::Format_ARGB32_Premultiplied);
    img.fill(m_style.background);
    QPainter p(&img);
    render(p, QRectF(QPointF(0, 0), QSizeF(size)), view, tl, cursor);
    return img;
}

bool Exporter::exportFile(const QString& path, const QString& view, const Timeline& tl, int cursor,
                          const QSize& size, QString* error) const
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("png")) {
        if (image(view, tl, cursor, size).save(path, "PNG")) return true;
        if (error) *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    if (ext == QLatin1String("svg")) return exportSvg(path, view, tl, cursor, size, error);
    if (ext == QLatin1String("pdf")) return exportPdf(path, view, tl, cursor, error);
    if (error) *error = QStringLiteral("unknown file type \".%1\" (png, svg or pdf)").arg(ext);
    return false;
}

bool Exporter::exportSvg(const QString& path, const QString& view, const Timeline& tl, int cursor,
                         const QSize& size, QString* error) const
{
    if (!QFileInfo(QFileInfo(path).absolutePath()).isWritable()) {
        if (error) *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(title(tl));
    svg.setDescription(QStringLiteral("socklab"));
    QPainter p;
    if (!p.begin(&svg)) {
        if (error) *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    render(p, QRectF(QPointF(0, 0), QSizeF(size)), view, tl, cursor);
    return p.end();
}

namespace {

bool beginPdf(QPdfWriter& pdf, QPainter& p, const QString& path, QString* error)
{
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(10, 10, 10, 10)));
    pdf.setResolution(96); // fonts in points and layout in pixels keep their screen proportions
    pdf.setCreator(QStringLiteral("socklab"));
    if (!p.begin(&pdf)) {
        if (error) *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace

bool Exporter::exportPdf(const QString& path, const QString& view, const Timeline& tl, int cursor,
                         QString* error) const
{
    QPdfWriter pdf(path);
    pdf.setTitle(title(tl));
    QPainter p;
    if (!beginPdf(pdf, p, path, error)) return false;
    render(p, QRectF(QPointF(0, 0), QSizeF(pdf.width(), pdf.height())), view, tl, cursor);
    return p.end();
}

bool Exporter::exportNotesPdf(const QString& path, const QString& view, const Timeline& tl, QString* error) const
{
    QPdfWriter pdf(path);
    pdf.setTitle(title(tl));
    QPainter p;
    if (!beginPdf(pdf, p, path, error)) return false;
    const QRectF page(0, 0, pdf.width(), pdf.height());
    const QFontMetricsF tm(m_style.titleFont);
    const int n = int(tl.steps.size());
    for (int k = 0; k < n; ++k) {
        if (k > 0) pdf.newPage();
        p.fillRect(page, m_style.background);
        const QRectF head(page.left(), page.top(), page.width(), tm.height() * 1.6);
        p.setPen(m_style.foreground);
        p.setFont(m_style.titleFont);
        p.drawText(head, Qt::AlignLeft | Qt::AlignVCenter, title(tl));
        p.setFont(m_style.captionFont);
        p.setPen(m_style.muted);
        p.drawText(head, Qt::AlignRight | Qt::AlignVCenter,
                   QCoreApplication::translate("Exporter", "step %1 / %2").arg(k + 1).arg(n));
        render(p, page.adjusted(0, head.height(), 0, 0), view, tl, cursorAfterStep(tl, k));
    }
    return p.end();
}

void Exporter::copyToClipboard(const QString& view, const Timeline& tl, int cursor, const QSize& size) const
{
    if (QClipboard* c = QGuiApplication::clipboard()) c->setImage(image(view, tl, cursor, size));
}

} // namespace socklab
