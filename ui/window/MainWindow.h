#pragma once
// The classroom window: scenario list, ladder, state machine, narration and
// playback, with the panes (packet layers, code, event log, lesson views) in
// docks (PaneDocks). It only composes: the session (real sockets, a replay, or
// the user's own programs from "Run my programs…") lives in SessionController,
// the cursor in PlaybackController, and every view is a function of
// (timeline, cursor) pushed to it from here.

#include "Timeline.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QPushButton;
class QSplitter;

namespace socklab {

class ErrorBanner;
class ExportActions;
class LadderView;
class LessonViewsPane;
class StateMachineView;
class ViewStyle;
class LanguageSwitcher;
class NarrationBar;
class NewScenarioDialog;
class PaneDocks;
class PlaybackBar;
class PlaybackController;
class RecordingSources;
class RunProgramsDialog;
class ScenarioListPane;
class ScenarioMenu;
class SessionController;
class ViewFocus;

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openScenario(const QString& id);
    // A saved session (File ▸ Open session, or a double-clicked .socklab.json); false if unreadable.
    bool openSessionPath(const QString& path);
    void setPresenter(bool on);
    bool isPresenter() const { return m_presenter; }
    bool setLanguage(const QString& lang); // "en" or "zh_CN"
    // A recording of the user's own programs (Run my programs…, Attach…), live
    // as it grows: it replaces the scenario in every view.
    void showProgramsTimeline(const socklab::Timeline& tl);
    void openRunPrograms(); // File ▸ Run my programs…
    // File ▸ New scenario from my programs…: the dialog, opened (null, with a
    // line in the banner, when the recording has no Python programs to save).
    NewScenarioDialog* newScenarioFromPrograms();
    QAction* newScenarioAction() const { return m_newScenarioAct; }
    // A scenario the user chose (list, Playback ▸ Scenario): asks before it
    // throws away an unsaved recording of their own programs.
    void chooseScenario(const QString& id);

    SessionController* session() const { return m_session; }
    PlaybackController* playback() const { return m_playback; }
    NarrationBar* narration() const { return m_narration; }
    PlaybackBar* playbackBar() const { return m_bar; }
    ScenarioListPane* scenarioList() const { return m_scenarios; }
    ScenarioMenu* scenarioMenu() const { return m_scenarioMenu; }
    ErrorBanner* errorBanner() const { return m_banner; }
    QLabel* captureLabel() const { return m_captureLabel; }
    QList<QDockWidget*> secondaryDocks() const;
    QDockWidget* lessonDock() const;
    LessonViewsPane* lessonViews() const;
    LadderView* ladder() const { return m_ladder; }
    StateMachineView* stateMachine() const { return m_states; }
    ExportActions* exports() const { return m_exports; }
    ViewFocus* viewFocus() const { return m_focus; }
    RecordingSources* recordingSources() const { return m_sources; }
    QAction* runProgramsAction() const;
    RunProgramsDialog* programsDialog() const; // null until first opened
    ViewStyle viewStyle() const;

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* createLeftColumn();
    void createMenus();
    void retranslate();
    void onTimelineChanged();
    void onCursorChanged(int cursor);
    void onBusyChanged(bool busy);
    QString endOfRecordingText() const;
    void selectPacket(int eventIndex);
    void updateStatus();
    void openSessionFile();
    void beforeOpening();
    void onOpenFinished(bool opened);
    void saveSessionFile();
    void exportPcapFile();
    void applyStyle();
    void showDone(const QString& message); // in the status bar, for kDoneMessageMs
    void fitPresenterSplit();
    void restoreSettings();

    SessionController* m_session;
    PlaybackController* m_playback;
    LanguageSwitcher* m_language;
    ScenarioListPane* m_scenarios;
    ErrorBanner* m_banner;
    NarrationBar* m_narration;
    PlaybackBar* m_bar;
    LadderView* m_ladder;
    StateMachineView* m_states;
    PaneDocks* m_panes;
    ViewFocus* m_focus;
    ExportActions* m_exports = nullptr;
    RecordingSources* m_sources;
    ScenarioMenu* m_scenarioMenu = nullptr;
    QWidget* m_left = nullptr; // scenario list and the Run my programs button
    QPushButton* m_programsButton = nullptr;
    QLabel* m_captureLabel;
    QLabel* m_stepLabel;

    QMenu *m_fileMenu = nullptr, *m_viewMenu = nullptr, *m_playMenu = nullptr, *m_helpMenu = nullptr,
          *m_langMenu = nullptr;
    QAction *m_openAct = nullptr, *m_saveAct = nullptr, *m_pcapAct = nullptr, *m_quitAct = nullptr;
    QAction* m_newScenarioAct = nullptr;
    QAction *m_presenterAct = nullptr, *m_enAct = nullptr, *m_zhAct = nullptr;
    QAction *m_glossaryAct = nullptr, *m_aboutAct = nullptr;

    static constexpr int kDoneMessageMs = 20000;
    int m_fittedActors = 0;  // the ladder's columns when the presenter's splitter was last fitted
    QString m_shownScenario; // the scenario id of the timeline the views show
    bool m_presenter = false;
    bool m_followBeforeOpening = true;
    bool m_followPrograms = true; // false once the user leaves a run of their programs for a scenario
    Qt::WindowStates m_statesBeforePresenter;
    QByteArray m_dockStateBeforePresenter;
    QByteArray m_splitBeforePresenter;
    QByteArray m_geometryBeforePresenter;
    QSplitter* m_split = nullptr;
};

} // namespace socklab
