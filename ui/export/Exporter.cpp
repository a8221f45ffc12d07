#include "Exporter.h"

#include "MonospaceFont.h"
#include "PdfToUnicodeRepair.h"

#include "BacklogRenderer.h"
#include "BuffersRenderer.h"
#include "ByteStreamRenderer.h"
#include "Captions.h"
#include "LadderRenderer.h"
#include "ScenarioCatalog.h"
#include "ScenarioTitle.h"
#include "StateMachineRenderer.h"
#include "TimeSeqRenderer.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace socklab {

namespace {

void paintLadder(QPainter& p, const QRectF& r, const Timeline& tl, int cursor, const ViewStyle& s)
{
    // Zoom stays 1 so every label stays readable; the page scrolls to show the cursor.
    LadderRenderer lr;
    lr.setStyle(s);
    lr.setTimeline(tl);
    lr.fitToWidth(r.width()); // every lifeline on the page, as in a narrow pane
    LadderLayout& L = lr.layout();
    LadderViewport vp;
    const int row = lr.cursorRow(cursor);
    const qreal bottom = row >= 0 ? L.rowTop(row) + L.rowHeightPx(row) + s.rowHeight * 0.5 : 0;
    vp.top = qMax<qreal>(0, bottom - r.height());
    lr.paint(p, r, cursor, vp);
}

void paintTimeSeqOf(QPainter& p, const QRectF& r, const Timeline& tl, int cursor, const ViewStyle& s)
{
    paintTimeSeq(p, r, tl, cursor, s);
}

using PaintFn = void (*)(QPainter&, const QRectF&, const Timeline&, int, const ViewStyle&);

struct ExportView {
    const char* name; // as --view names it
    PaintFn paint;
};

// Every view an export can show, in the order `socklab export --help` lists them.
constexpr ExportView kViews[] = {
    {"ladder", &paintLadder},     {"states", &StateMachineRenderer::paint}, {"buffers", &paintBuffers},
    {"stream", &paintByteStream}, {"backlog", &paintBacklog},               {"tseq", &paintTimeSeqOf},
};

PaintFn painterOf(const QString& name)
{
    for (const ExportView& v : kViews)
        if (name == QLatin1String(v.name)) return v.paint;
    return nullptr;
}

} // namespace

QStringList Exporter::views()
{
    QStringList names;
    for (const ExportView& v : kViews) names << QLatin1String(v.name);
    return names;
}

bool Exporter::hasView(const QString& name) { return painterOf(name) != nullptr; }

int Exporter::cursorAfterStep(const Timeline& tl, int step)
{
    if (step < 0 || step >= tl.steps.size()) return tl.size() - 1;
    const int next = tl.indexOfStep(tl.steps[step].index + 1);
    return next < 0 ? tl.size() - 1 : next - 1;
}

QString Exporter::title(const Timeline& tl)
{
    return scenarioTitle(tl.scenarioId);
}

void Exporter::render(QPainter& p, const QRectF& target, const QString& view, const Timeline& tl, int cursor) const
{
    const PaintFn fn = painterOf(view);
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
        if (error) *error = QCoreApplication::translate("Exporter", "cannot write %1").arg(path);
        return false;
    }
    if (ext == QLatin1String("svg")) return exportSvg(path, view, tl, cursor, size, error);
    if (ext == QLatin1String("pdf")) return exportPdf(path, view, tl, cursor, error);
    if (error) *error = QCoreApplication::translate("Exporter", "unknown file type \".%1\" (png, svg or pdf)").arg(ext);
    return false;
}

bool Exporter::exportSvg(const QString& path, const QString& view, const Timeline& tl, int cursor,
                         const QSize& size, QString* error) const
{
    if (!QFileInfo(QFileInfo(path).absolutePath()).isWritable()) {
        if (error) *error = QCoreApplication::translate("Exporter", "cannot write %1").arg(path);
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
        if (error) *error = QCoreApplication::translate("Exporter", "cannot write %1").arg(path);
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
        if (error) *error = QCoreApplication::translate("Exporter", "cannot write %1").arg(path);
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
    if (!p.end()) return false;
    PdfToUnicodeRepair::repairFile(path); // copied or searched Chinese text stays Chinese
    return true;
}

QList<int> Exporter::teachingSteps(const Timeline& tl)
{
    // Setup calls that put nothing on the wire (socket, bind, listen, setsockopt)
    // are listed on the overview page, not given a page of their own.
    static const QStringList setup{QStringLiteral("socket"), QStringLiteral("bind"), QStringLiteral("listen"),
                                   QStringLiteral("setsockopt")};
    QList<int> out;
    for (int k = 0; k < tl.steps.size(); ++k) {
        bool wire = false;
        const int from = tl.indexOfStep(tl.steps[k].index);
        const int to = cursorAfterStep(tl, k);
        for (int i = qMax(0, from); i <= to && i < tl.size(); ++i)
            wire = wire || tl.at(i).packet();
        if (wire || !setup.contains(tl.steps[k].call)) out << k;
    }
    return out;
}

namespace {

QString stepHeading(const StepRecord& s)
{
    const QString who = s.actor == QLatin1String("client") ? QCoreApplication::translate("Ladder", "client")
                      : s.actor == QLatin1String("server") ? QCoreApplication::translate("Ladder", "server")
                                                           : s.actor;
    return QStringLiteral("%1 · %2%3()").arg(who, s.socket.isEmpty() ? QString() : s.socket + '.', s.call);
}

// The code line a step ran, as "server  12│ conn, addr = sockfd.accept()".
QString codeLineOf(const Timeline& tl, const StepRecord& s)
{
    const int a = tl.actorIndex(s.actor);
    if (a < 0 || s.codeLine <= 0 || tl.actors[a].codeFile.isEmpty()) return {};
    const QStringList lines = ScenarioCatalog::codeLines(tl, tl.actors[a].codeFile);
    if (s.codeLine > lines.size()) return {};
    return QStringLiteral("%1 %2│ %3").arg(tl.actors[a].codeFile.section('/', -1)).arg(s.codeLine).arg(
        lines[s.codeLine - 1].trimmed());
}

} // namespace

bool Exporter::exportNotesPdf(const QString& path, const QString& view, const Timeline& tl, QString* error) const
{
    QPdfWriter pdf(path);
    pdf.setTitle(title(tl));
    QPainter p;
    if (!beginPdf(pdf, p, path, error)) return false;
    const QRectF page(0, 0, pdf.width(), pdf.height());
    const QFontMetricsF tm(m_style.titleFont);
    const QFont mono = [this] {
        QFont f = monospaceFont();
        f.setPointSizeF(m_style.smallFont.pointSizeF());
        return f;
    }();
    const QList<int> teach = teachingSteps(tl);
    const int n = int(teach.size());
    auto heading = [&](const QString& right) {
        p.fillRect(page, m_style.background);
        const QRectF head(page.left(), page.top(), page.width(), tm.height() * 1.6);
        p.setPen(m_style.foreground);
        p.setFont(m_style.titleFont);
        p.drawText(head, Qt::AlignLeft | Qt::AlignVCenter, title(tl));
        p.setFont(m_style.captionFont);
        p.setPen(m_style.muted);
        p.drawText(head, Qt::AlignRight | Qt::AlignVCenter, right);
        return page.adjusted(0, head.height(), 0, 0);
    };
    auto textBox = [&](const QRectF& r, const QFont& f, const QString& text) {
        p.fillRect(r, m_style.panel);
        p.setPen(m_style.foreground);
        p.setFont(f);
        p.drawText(r.adjusted(8, 6, -8, -6), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    };

    // Overview: the whole ladder, the states at the end, the programs' code and the steps.
    {
        const QRectF body = heading(QCoreApplication::translate("Exporter", "overview · %1 steps").arg(n));
        const QRectF left(body.left(), body.top(), body.width() * 0.55, body.height());
        const QRectF right(left.right() + 10, body.top(), body.right() - left.right() - 10, body.height());
        {
            LadderRenderer lr;
            lr.setStyle(m_style);
            lr.setTimeline(tl);
            const qreal h = lr.layout().contentHeight();
            const qreal k = h > left.height() ? left.height() / h : 1.0;
            p.save();
            p.setClipRect(left);
            p.translate(left.topLeft());
            p.scale(k, k);
            lr.paint(p, QRectF(0, 0, left.width() / k, left.height() / k), tl.size() - 1, {});
            p.restore();
        }
        const QRectF states(right.left(), right.top(), right.width(), right.height() * 0.5);
        StateMachineRenderer::paint(p, states, tl, tl.size() - 1, m_style);
        QStringList list;
        for (int k = 0; k < tl.steps.size(); ++k) {
            const int pg = int(teach.indexOf(k));
            list << (pg >= 0 ? QCoreApplication::translate("Exporter", "%1. %2 (page %3)")
                                     .arg(k + 1).arg(stepHeading(tl.steps[k])).arg(pg + 2)
                               : QStringLiteral("%1. %2").arg(k + 1).arg(stepHeading(tl.steps[k])));
        }
        QStringList code;
        for (const ActorInfo& a : tl.actors) {
            if (a.codeFile.isEmpty()) continue;
            code << QStringLiteral("# %1 — %2").arg(a.name, a.codeFile.section('/', -1));
            code << ScenarioCatalog::codeLines(tl, a.codeFile);
            code << QString();
        }
        const QRectF lower(right.left(), states.bottom() + 6, right.width(), right.bottom() - states.bottom() - 6);
        textBox(QRectF(lower.left(), lower.top(), lower.width() * 0.42, lower.height()), m_style.smallFont,
                list.join('\n'));
        textBox(QRectF(lower.left() + lower.width() * 0.42 + 6, lower.top(), lower.width() * 0.58 - 6, lower.height()),
                mono, code.join('\n'));
    }
    // One page per teaching step: the ladder up to it, the states, its code line and caption.
    for (int i = 0; i < n; ++i) {
        const int k = teach[i];
        const StepRecord& s = tl.steps[k];
        pdf.newPage();
        const QRectF body = heading(QCoreApplication::translate("Exporter", "step %1 / %2").arg(i + 1).arg(n)
                                    + QStringLiteral(" · ") + stepHeading(s));
        const int cursor = cursorAfterStep(tl, k);
        const QRectF left(body.left(), body.top(), body.width() * 0.6, body.height());
        const QRectF right(left.right() + 10, body.top(), body.right() - left.right() - 10, body.height());
        render(p, left, view == QLatin1String("states") ? QStringLiteral("ladder") : view, tl, cursor);
        const QRectF states(right.left(), right.top(), right.width(), right.height() * 0.62);
        StateMachineRenderer::paint(p, states, tl, cursor, m_style);
        QStringList code;
        for (int j = k; j >= 0; --j) { // the setup calls folded into this page, then this step
            if (j < k && teach.contains(j)) break;
            if (const QString line = codeLineOf(tl, tl.steps[j]); !line.isEmpty()) code.prepend(line);
        }
        textBox(QRectF(right.left(), states.bottom() + 6, right.width(), right.bottom() - states.bottom() - 6), mono,
                code.join('\n'));
    }
    if (!p.end()) return false;
    PdfToUnicodeRepair::repairFile(path); // copied or searched Chinese text stays Chinese
    return true;
}

void Exporter::copyToClipboard(const QString& view, const Timeline& tl, int cursor, const QSize& size) const
{
    if (QClipboard* c = QGuiApplication::clipboard()) c->setImage(image(view, tl, cursor, size));
}

} // namespace socklab
