#pragma once
// File ▸ Export: the view the user is looking at (ladder, states, stream, …)
// as PNG/SVG/PDF, lecture notes (one PDF page per step with its caption), and
// Copy image. Renders through Exporter, the same code as `socklab export`, at
// the cursor the window shows.

#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace socklab {

class Exporter;
class PlaybackController;
class SessionController;

class ExportActions final : public QObject
{
    Q_OBJECT

public:
    // `exporter` gives the exporter of the moment (presenter or not, light or dark),
    // `view` the Exporter name of the view the user is looking at.
    ExportActions(SessionController* session, PlaybackController* playback, std::function<Exporter()> exporter,
                  std::function<QString()> view, QWidget* window);

    void addTo(QMenu* menu);
    void retranslate();
    bool exportView(const QString& path);  // by extension: .png .svg .pdf
    bool exportNotes(const QString& path); // lecture notes PDF
    QString currentView() const;           // falls back to "ladder" for a view the exporter lacks

signals:
    void errorOccurred(const QString& message);
    void succeeded(const QString& message); // what was written where, or copied

private:
    void chooseViewFile();
    void chooseNotesFile();
    void copyImage();

    SessionController* m_session;
    PlaybackController* m_playback;
    std::function<Exporter()> m_exporter;
    std::function<QString()> m_viewName;
    QWidget* m_window;
    QAction* m_view;
    QAction* m_notes;
    QAction* m_copy;
};

} // namespace socklab
