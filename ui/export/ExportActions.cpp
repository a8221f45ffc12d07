#include "ExportActions.h"

#include "Exporter.h"
#include "PlaybackController.h"
#include "SessionController.h"

#include <QAction>
#include <QFileDialog>
#include <QMenu>

namespace socklab {

namespace {
const QSize kExportSize(1600, 1000); // sharp on a slide and on paper
}

ExportActions::ExportActions(SessionController* session, PlaybackController* playback,
                             std::function<Exporter()> exporter, std::function<QString()> view, QWidget* window)
    : QObject(window), m_session(session), m_playback(playback), m_exporter(std::move(exporter)),
      m_viewName(std::move(view)), m_window(window),
      m_view(new QAction(this)), m_notes(new QAction(this)), m_copy(new QAction(this))
{
    m_copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_view, &QAction::triggered, this, &ExportActions::chooseViewFile);
    connect(m_notes, &QAction::triggered, this, &ExportActions::chooseNotesFile);
    connect(m_copy, &QAction::triggered, this, &ExportActions::copyImage);
    retranslate();
}

void ExportActions::addTo(QMenu* menu) { menu->addActions({m_view, m_notes, m_copy}); }

void ExportActions::retranslate()
{
    m_view->setText(tr("Export view as PNG/SVG/PDF…"));
    m_notes->setText(tr("Export lecture notes PDF…"));
    m_copy->setText(tr("Copy image"));
}

QString ExportActions::currentView() const
{
    const QString name = m_viewName ? m_viewName() : QString();
    return Exporter::hasView(name) ? name : QStringLiteral("ladder");
}

bool ExportActions::exportView(const QString& path)
{
    QString error;
    if (m_exporter().exportFile(path, currentView(), m_session->timeline(), m_playback->cursor(),
                                kExportSize, &error)) {
        emit succeeded(tr("Exported the view as %1").arg(path));
        return true;
    }
    emit errorOccurred(tr("Could not export the view: %1").arg(error));
    return false;
}

bool ExportActions::exportNotes(const QString& path)
{
    QString error;
    if (m_exporter().exportNotesPdf(path, currentView(), m_session->timeline(), &error)) {
        emit succeeded(tr("Wrote the lecture notes as %1").arg(path));
        return true;
    }
    emit errorOccurred(tr("Could not export the lecture notes: %1").arg(error));
    return false;
}

void ExportActions::chooseViewFile()
{
    const QString base =
        QStringLiteral("%1-%2-%3").arg(m_session->scenarioId(), currentView()).arg(m_playback->cursor() + 1);
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export view"), base + QStringLiteral(".png"),
                                                      tr("Images (*.png *.svg *.pdf)"));
    if (!path.isEmpty()) exportView(path);
}

void ExportActions::chooseNotesFile()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export lecture notes"),
                                                      m_session->scenarioId() + QLatin1Char('-') + currentView() + QStringLiteral("-notes.pdf"),
                                                      tr("PDF documents (*.pdf)"));
    if (!path.isEmpty()) exportNotes(path);
}

void ExportActions::copyImage()
{
    m_exporter().copyToClipboard(currentView(), m_session->timeline(), m_playback->cursor(), kExportSize);
    emit succeeded(tr("Copied the view to the clipboard: paste it into your slides or notes"));
}

} // namespace socklab
