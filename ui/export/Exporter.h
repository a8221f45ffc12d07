#pragma once
// Renders a view of a timeline at a cursor to PNG (exact size), SVG, PDF, or a
// "lecture notes" PDF with one page per step (the view up to the step, its
// title and caption). The views are a constant table: ladder, states,
// buffers, stream, backlog, tseq.

#include "Timeline.h"
#include "ViewStyle.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

class QPainter;

namespace socklab {

class Exporter
{
public:
    static QStringList views(); // the names --view takes
    static bool hasView(const QString& name);

    explicit Exporter(ViewStyle style = {}) : m_style(std::move(style)) {}
    void setCaptions(bool on) { m_captions = on; } // the step's caption under the view

    // The last event of step n (index into tl.steps), i.e. the cursor after it ran.
    static int cursorAfterStep(const Timeline& tl, int step);
    // The steps (indices into tl.steps) that get a page in the notes: not the setup
    // calls that send nothing (socket, bind, listen); those are on the overview page.
    static QList<int> teachingSteps(const Timeline& tl);

    // Paints the view plus (optionally) the caption strip into target.
    void render(QPainter& p, const QRectF& target, const QString& view, const Timeline& tl, int cursor) const;
    QImage image(const QString& view, const Timeline& tl, int cursor, const QSize& size) const;
    // By the file's extension (.png, .svg, .pdf). False with *error on failure.
    bool exportFile(const QString& path, const QString& view, const Timeline& tl, int cursor, const QSize& size,
                    QString* error) const;
    bool exportNotesPdf(const QString& path, const QString& view, const Timeline& tl, QString* error) const;
    void copyToClipboard(const QString& view, const Timeline& tl, int cursor, const QSize& size) const;

    static QString title(const Timeline& tl);

private:
    bool exportSvg(const QString& path, const QString& view, const Timeline& tl, int cursor, const QSize& size,
                   QString* error) const;
    bool exportPdf(const QString& path, const QString& view, const Timeline& tl, int cursor, QString* error) const;
    ViewStyle m_style;
    bool m_captions = true;
};

} // namespace socklab
