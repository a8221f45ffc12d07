#pragma once
// The classroom window: scenario list, ladder, state machine, narration and
// playback, with the panes (packet layers, code, event log) in docks. It only
// composes: the session (real sockets or a replay) lives in SessionController,
// the cursor in PlaybackController, and every view is a function of
// (timeline, cursor) pushed to it from here.

#include <QMainWindow>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;

namespace socklab {

class CodePane;
class ErrorBanner;
class EventLogPane;
class ExportActions;
class LadderView;
class StateMachineView;
class ViewStyle;
class LanguageSwitcher;
class NarrationBar;
class PacketLayersPane;
class PlaybackBar;
class PlaybackController;
class ScenarioListPane;
class SessionController;

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openScenario(const QString& id);
    void setPresenter(bool on);
    bool isPresenter() const { return m_presenter; }
    bool setLanguage(const QString& lang); // "en" or "zh_CN"

    SessionController* session() const { return m_session; }
    PlaybackController* playback() const { return m_playback; }
    NarrationBar* narration() const { return m_narration; }
    PlaybackBar* playbackBar() const { return m_bar; }
    ScenarioListPane* scenarioList() const { return m_scenarios; }
    ErrorBanner* errorBanner() const { return m_banner; }
    QLabel* captureLabel() const { return m_captureLabel; }
    QList<QDockWidget*> secondaryDocks() const { return m_docks; }
    LadderView* ladder() const { return m_ladder; }
    StateMachineView* stateMachine() const { return m_states; }
    ExportActions* exports() const { return m_exports; }
    ViewStyle viewStyle() const;

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createPanes();
    QDockWidget* addPaneDock(QWidget* pane, const char* objectName);
    void createMenus();
    void retranslate();
    void onTimelineChanged();
    void onCursorChanged(int cursor);
    void onBusyChanged(bool busy);
    void selectPacket(int eventIndex);
    void updateStatus();
    void openSessionFile();
    void saveSessionFile();
    void exportPcapFile();
    void applyStyle();
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
    ExportActions* m_exports = nullptr;
    PacketLayersPane* m_layers = nullptr;
    CodePane* m_code = nullptr;
    EventLogPane* m_log = nullptr;
    QList<QDockWidget*> m_docks;
    QLabel* m_captureLabel;
    QLabel* m_stepLabel;

    QMenu *m_fileMenu = nullptr, *m_viewMenu = nullptr, *m_playMenu = nullptr, *m_helpMenu = nullptr,
          *m_langMenu = nullptr;
    QAction *m_openAct = nullptr, *m_saveAct = nullptr, *m_pcapAct = nullptr, *m_quitAct = nullptr;
    QAction *m_presenterAct = nullptr, *m_enAct = nullptr, *m_zhAct = nullptr;
    QAction *m_glossaryAct = nullptr, *m_aboutAct = nullptr;

    bool m_presenter = false;
    Qt::WindowStates m_statesBeforePresenter;
    QByteArray m_dockStateBeforePresenter;
};

} // namespace socklab
