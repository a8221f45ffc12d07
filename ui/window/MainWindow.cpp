#include "MainWindow.h"

#include "CodePane.h"

#include "Captions.h"
#include "ErrorBanner.h"
#include "ExportActions.h"
#include "FolderCatalog.h"
#include "Exporter.h"
#include "HelpDialogs.h"
#include "LadderView.h"
#include "LanguageSwitcher.h"
#include "LessonViewsPane.h"
#include "NarrationBar.h"
#include "NewScenarioDialog.h"
#include "PaneDocks.h"
#include "PlaybackBar.h"
#include "PlaybackController.h"
#include "ProblemText.h"
#include "RecordingSources.h"
#include "ScenarioCatalog.h"
#include "ScenarioTitle.h"
#include "ScenarioListPane.h"
#include "ScenarioMenu.h"
#include "SessionController.h"
#include "StateMachineView.h"
#include "ViewFocus.h"
#include "ViewStyle.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace socklab {

namespace {
constexpr int kStateVersion = 1; // dock layout with the lesson views
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_session(new SessionController(this)), m_playback(new PlaybackController(this)),
      m_language(new LanguageSwitcher(this)), m_scenarios(new ScenarioListPane(this)),
      m_banner(new ErrorBanner(this)), m_narration(new NarrationBar(this)),
      m_bar(new PlaybackBar(m_playback, this)), m_ladder(new LadderView(this)), m_states(new StateMachineView(this)),
      m_panes(new PaneDocks(this)), m_focus(new ViewFocus(this)),
      m_sources(new RecordingSources(this)), m_captureLabel(new QLabel(this)), m_stepLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("socklabMainWindow"));
    {
        // Chinese text in menus, lists and panes in the Simplified Chinese face.
        QFont f = QApplication::font();
        QStringList families = f.families().isEmpty() ? QStringList{f.family()} : f.families();
        for (const QString& fam : ViewStyle::sansFamilies().mid(1))
            if (!families.contains(fam)) families << fam;
        f.setFamilies(families);
        QApplication::setFont(f);
    }
    setDockOptions(AnimatedDocks | AllowTabbedDocks | GroupedDragging);

    auto* centre = new QWidget(this);
    auto* column = new QVBoxLayout(centre);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_banner);
    m_ladder->setMinimumHeight(200);
    column->addWidget(m_ladder, 1);
    column->addWidget(m_narration);
    column->addWidget(m_bar);

    auto* split = m_split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("mainSplitter"));
    split->addWidget(createLeftColumn());
    split->addWidget(centre);
    split->addWidget(m_states);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 0);
    split->setSizes({230, 800, 380});
    setCentralWidget(split);

    connect(m_panes, &PaneDocks::packetSelected, this, &MainWindow::selectPacket);
    m_focus->watch(m_ladder, QStringLiteral("ladder"));
    m_focus->watch(m_states, QStringLiteral("states"));
    m_panes->watchFocus(m_focus);
    connect(m_sources, &RecordingSources::timelineChanged, this, &MainWindow::showProgramsTimeline);
    connect(m_panes->codePane(), &CodePane::breakpointsChanged, m_sources, &RecordingSources::setBreakpoints);
    m_sources->keepInView(m_ladder);
    connect(m_sources, &RecordingSources::finished, this, [this] {
        m_followPrograms = true;
        m_ladder->setWireControls(false);
    });
    connect(m_ladder, &LadderView::wirePacketAction, m_sources, &RecordingSources::actOnHeldPacket);
    createMenus();
    for (QAction* a : m_bar->actions())
        addAction(a); // shortcuts work wherever the focus is in the window
    statusBar()->addWidget(m_stepLabel, 1);
    statusBar()->addPermanentWidget(m_captureLabel);

    connect(m_scenarios, &ScenarioListPane::scenarioChosen, this, &MainWindow::chooseScenario);
    connect(m_session, &SessionController::timelineChanged, this, &MainWindow::onTimelineChanged);
    connect(m_session, &SessionController::sessionChanged, this, [this] {
        m_playback->setCanExtend(m_session->hasNextStep());
        updateStatus();
    });
    connect(m_session, &SessionController::busyChanged, this, &MainWindow::onBusyChanged);
    connect(m_session, &SessionController::errorOccurred, m_banner, &ErrorBanner::showMessage);
    connect(m_session, &SessionController::succeeded, this, &MainWindow::showDone);
    connect(m_session, &SessionController::openFinished, this,
            [this](const QString&, bool opened) { onOpenFinished(opened); });
    // A presenter's window has no status bar, but what was saved where is shown there too:
    // the bar comes up for the message, and goes again with it.
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString& message) {
        if (m_presenter) statusBar()->setVisible(!message.isEmpty());
    });
    connect(m_playback, &PlaybackController::needNextStep, m_session, &SessionController::stepForward);
    connect(m_playback, &PlaybackController::cursorChanged, this, &MainWindow::onCursorChanged);
    connect(m_playback, &PlaybackController::finishedChanged, this,
            [this] { onCursorChanged(m_playback->cursor()); });
    connect(m_bar, &PlaybackBar::resetRequested, m_session, &SessionController::reset);
    connect(m_ladder, &LadderView::packetSelected, this, [this](int eventIndex) {
        selectPacket(eventIndex);
        m_panes->raisePacketLayers();
    });
    applyStyle();

    retranslate();
    restoreSettings();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::createLeftColumn()
{
    m_left = new QWidget(this);
    auto* column = new QVBoxLayout(m_left);
    column->setContentsMargins(0, 0, 0, 6);
    column->addWidget(m_scenarios, 1);
    m_programsButton = new QPushButton(m_left);
    m_programsButton->setIcon(QIcon::fromTheme(QStringLiteral("utilities-terminal")));
    connect(m_programsButton, &QPushButton::clicked, this, &MainWindow::openRunPrograms);
    column->addWidget(m_programsButton);
    return m_left;
}

QList<QDockWidget*> MainWindow::secondaryDocks() const { return m_panes->secondaryDocks(); }
QDockWidget* MainWindow::lessonDock() const { return m_panes->lessonDock(); }
LessonViewsPane* MainWindow::lessonViews() const { return m_panes->lessonViews(); }

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_openAct = m_fileMenu->addAction(QString(), QKeySequence::Open, this, &MainWindow::openSessionFile);
    m_saveAct = m_fileMenu->addAction(QString(), QKeySequence::Save, this, &MainWindow::saveSessionFile);
    m_fileMenu->addSeparator();
    m_pcapAct = m_fileMenu->addAction(QString(), this, &MainWindow::exportPcapFile);
    m_exports = new ExportActions(
        m_session, m_playback, [this] { return Exporter(viewStyle()); }, [this] { return m_focus->current(); },
        this);
    connect(m_exports, &ExportActions::errorOccurred, m_banner, &ErrorBanner::showMessage);
    connect(m_exports, &ExportActions::succeeded, this, &MainWindow::showDone);
    m_exports->addTo(m_fileMenu);
    m_fileMenu->addSeparator();
    m_fileMenu->addActions({m_sources->runProgramsAction(), m_sources->attachAction()});
    m_newScenarioAct = m_fileMenu->addAction(QString(), this, [this] { newScenarioFromPrograms(); });
    m_newScenarioAct->setEnabled(false); // until a recording of your own Python programs is shown
    m_fileMenu->addSeparator();
    m_quitAct = m_fileMenu->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);

    m_playMenu = menuBar()->addMenu(QString());
    m_playMenu->addActions(m_bar->actions());
    // Scenarios from the menu too: presenter mode hides the list.
    m_scenarioMenu = new ScenarioMenu(this);
    m_playMenu->addSeparator();
    m_playMenu->addMenu(m_scenarioMenu->menu());
    addActions(m_scenarioMenu->shortcutActions());
    connect(m_scenarioMenu, &ScenarioMenu::scenarioChosen, this, &MainWindow::chooseScenario);

    m_viewMenu = menuBar()->addMenu(QString());
    m_presenterAct = m_viewMenu->addAction(QString(), QKeySequence(Qt::Key_F5), this,
                                           [this](bool on) { setPresenter(on); });
    m_presenterAct->setCheckable(true);
    m_langMenu = m_viewMenu->addMenu(QString());
    auto* group = new QActionGroup(this);
    m_enAct = m_langMenu->addAction(QStringLiteral("English"), this, [this] { setLanguage(QStringLiteral("en")); });
    m_zhAct = m_langMenu->addAction(QStringLiteral("中文"), this, [this] { setLanguage(QStringLiteral("zh_CN")); });
    for (QAction* a : {m_enAct, m_zhAct}) {
        a->setCheckable(true);
        group->addAction(a);
    }
    m_viewMenu->addSeparator();
    for (QDockWidget* d : m_panes->allDocks())
        m_viewMenu->addAction(d->toggleViewAction());

    m_helpMenu = menuBar()->addMenu(QString());
    m_glossaryAct = m_helpMenu->addAction(QString(), this, [this] { showGlossary(this); });
    m_aboutAct = m_helpMenu->addAction(QString(), this, [this] { showAbout(this); });
}

void MainWindow::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_openAct->setText(tr("&Open session…"));
    m_saveAct->setText(tr("&Save session…"));
    m_pcapAct->setText(tr("Export &pcap…"));
    m_newScenarioAct->setText(tr("&New scenario from my programs…"));
    m_newScenarioAct->setToolTip(tr("Save the programs of this run as a scenario folder of your own, listed after the lessons"));
    m_quitAct->setText(tr("&Quit"));
    m_sources->retranslate();
    m_programsButton->setText(tr("Run my programs…"));
    m_programsButton->setToolTip(tr("Run your own server and client in the lab and watch them here"));
    m_playMenu->setTitle(tr("&Playback"));
    m_scenarioMenu->retranslate();
    m_viewMenu->setTitle(tr("&View"));
    m_presenterAct->setText(tr("&Presenter mode"));
    m_langMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_glossaryAct->setText(tr("&Glossary"));
    m_aboutAct->setText(tr("&About socklab"));
    m_panes->retranslate();
    m_scenarios->retranslate();
    m_narration->retranslate();
    m_bar->retranslate();
    m_banner->retranslate();
    m_exports->retranslate();
    const QString lang = m_language->language();
    m_zhAct->setChecked(lang == QLatin1String("zh_CN"));
    m_enAct->setChecked(lang != QLatin1String("zh_CN"));
    onTimelineChanged(); // captions and panes are made of translated text
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    if (event->type() == QEvent::PaletteChange) applyStyle(); // light <-> dark
    QMainWindow::changeEvent(event);
}

bool MainWindow::setLanguage(const QString& lang)
{
    if (!m_language->setLanguage(lang)) {
        m_banner->showMessage(tr("The Chinese translation could not be loaded."));
        return false;
    }
    QSettings().setValue(QStringLiteral("window/language"), m_language->language());
    return true; // Qt sends LanguageChange to every widget: see changeEvent()
}

void MainWindow::openScenario(const QString& id)
{
    m_playback->pause();
    m_banner->hide();
    if (m_sources->isRecording()) m_followPrograms = false; // until that run ends
    m_scenarios->setCurrent(id);
    m_scenarioMenu->setCurrent(id);
    m_session->openScenario(id);
    QSettings().setValue(QStringLiteral("window/scenario"), id);
}

void MainWindow::showProgramsTimeline(const Timeline& tl)
{
    if (!m_followPrograms) return;
    // Live: a student watching their programs sees each new event as it comes.
    const bool follow = !m_session->isRecording() || m_playback->cursor() >= m_playback->lastIndex();
    if (!m_session->isRecording()) {
        m_playback->pause();
        m_banner->hide();
        m_scenarios->clearCurrent(); // choosing a scenario again must start it
        m_scenarioMenu->setCurrent({});
    }
    m_session->showRecording(tl);
    if (follow) m_playback->setCursor(m_playback->lastIndex());
}

void MainWindow::chooseScenario(const QString& id)
{
    // A recording of the user's own programs exists only here: going to a
    // scenario throws it away, so the user says so first (or saves it).
    const QString shown = m_session->timeline().scenarioId;
    if (m_session->isRecording() && (shown == QLatin1String("lab") || shown == QLatin1String("attach"))) {
        QMessageBox box(QMessageBox::Question, tr("Leave your programs' recording?"),
                        tr("The recording of your programs is not saved. Open the scenario “%1” and discard it?")
                            .arg(QCoreApplication::translate("Scenario", ScenarioCatalog::title(id))),
                        QMessageBox::NoButton, this);
        QPushButton* discard = box.addButton(tr("Discard and open"), QMessageBox::DestructiveRole);
        QPushButton* save = box.addButton(tr("Save it first…"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() == save) saveSessionFile();
        if (box.clickedButton() != discard && box.clickedButton() != save) {
            m_scenarios->clearCurrent(); // the list shows what is on screen: no scenario
            m_scenarioMenu->setCurrent({});
            return;
        }
    }
    openScenario(id);
}

void MainWindow::openRunPrograms() { m_sources->openRunPrograms(); }
QAction* MainWindow::runProgramsAction() const { return m_sources->runProgramsAction(); }
RunProgramsDialog* MainWindow::programsDialog() const { return m_sources->programsDialog(); }

void MainWindow::onTimelineChanged()
{
    const Timeline& tl = m_session->timeline();
    const bool newScenario = tl.scenarioId != m_shownScenario;
    m_shownScenario = tl.scenarioId;
    // The views first: moving the cursor (a step that was waiting for these events)
    // must find them already showing this timeline, or the ladder follows a stale one.
    m_ladder->setWireControls(m_session->isRecording() && m_sources->wireLive()); // buttons on held packets
    m_ladder->setTimeline(tl);
    m_states->setTimeline(tl);
    m_panes->setTimeline(tl);
    m_playback->setTimeline(tl, m_session->hasNextStep());
    if (newScenario) {
        // Export the picture the scenario is about until the user clicks another view.
        const QString lesson = LessonViewsPane::viewForScenario(tl.scenarioId);
        m_focus->setCurrent(lesson.isEmpty() ? QStringLiteral("ladder") : lesson);
    }
    if (m_ladder->renderer().layout().actorCount() != m_fittedActors) fitPresenterSplit();
    m_bar->refresh();
    onCursorChanged(m_playback->cursor());
    if (const quint64 lost = tl.droppedSoFar(); lost > 0)
        m_banner->showMessage(tr("Capture lost %1 packets: the timeline has gaps there, and states derived "
                                 "after them are marked uncertain.").arg(lost));
    if (tl.scenarioId.isEmpty())
        setWindowTitle(QStringLiteral("socklab"));
    else if (m_session->isRecording())
        setWindowTitle(tr("socklab — your programs"));
    else
        setWindowTitle(tr("socklab — %1").arg(scenarioTitle(tl.scenarioId)));
    // Your own programs (Run my programs…, or a saved session of them) can become a scenario.
    m_newScenarioAct->setEnabled(tl.scenarioId == QLatin1String("lab") && !tl.programs.isEmpty());
    updateStatus();
}

NewScenarioDialog* MainWindow::newScenarioFromPrograms()
{
    Problem why;
    const std::optional<ScenarioDraft> draft = ScenarioFolderWriter::draftOf(m_session->timeline(), &why);
    if (!draft) {
        m_banner->showMessage(tr("Cannot make a scenario of this recording: %1").arg(problemText(why)));
        return nullptr;
    }
    auto* dialog = new NewScenarioDialog(*draft, FolderCatalog::teacherRoot(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_scenarios->reload();
        m_scenarioMenu->reload();
        showDone(tr("Saved as the scenario %1 in %2: it is in the list now, and socklab run %1 runs it")
                     .arg(dialog->savedId(), dialog->savedDir()));
    });
    dialog->open();
    return dialog;
}

void MainWindow::onCursorChanged(int cursor)
{
    const Timeline& tl = m_session->timeline();
    const int step = stepAtEvent(tl, cursor);
    QString stepText;
    if (step >= 0 && step < tl.steps.size()) {
        const StepRecord& s = tl.steps.at(step);
        stepText = tr("Step %1 of %2 · %3 %4()")
                       .arg(step + 1)
                       .arg(std::max<int>(m_session->stepCount(), tl.steps.size()))
                       .arg(actorTitle(s.actor), callName(s.call));
    }
    QString caption = narrationAt(tl, cursor, m_playback->atUnitEnd());
    if (caption.isEmpty() && m_session->isRecording())
        caption = tr("Your programs' socket calls are recorded here: Step (→) walks through them one call at a "
                     "time, with what each one caused.");
    m_narration->setCaption(caption, stepText);
    m_narration->setEndNote(m_playback->finished() ? endOfRecordingText() : QString());
    m_ladder->setCursor(cursor);
    m_states->setCursor(cursor);
    m_panes->setCursor(cursor);
}

QString MainWindow::endOfRecordingText() const
{
    if (m_sources->isRecording()) return {}; // the programs still run: more may come
    if (m_session->isLive())
        return tr("■ End: all %1 steps have run. Back (←) replays them; Reset (Ctrl+Shift+R) starts again "
                  "with fresh sockets; or choose another scenario.")
            .arg(m_session->stepCount());
    return tr("■ End of the recording. Back (←) or Home replays it from the start.");
}

void MainWindow::selectPacket(int eventIndex)
{
    // One selection for every view; the event log does not echo it back.
    m_ladder->setSelected(eventIndex);
    m_panes->selectPacket(eventIndex);
}

void MainWindow::onBusyChanged(bool busy)
{
    QString what;
    if (busy && !m_session->openingPath().isEmpty())
        what = tr("Opening %1…").arg(QFileInfo(m_session->openingPath()).fileName());
    else if (busy)
        what = m_session->isLive() ? tr("Running step %1 on real sockets…").arg(m_session->nextStep() + 1)
                                   : tr("Opening the lab…");
    m_bar->setRunning(busy, what);
}

void MainWindow::updateStatus()
{
    const QString mode = m_session->timeline().captureMode;
    m_captureLabel->setText(tr("Capture: %1").arg(SessionController::captureModeText(mode)));
    m_captureLabel->setToolTip(SessionController::captureModeTooltip(mode));
    if (m_session->isRecording())
        m_stepLabel->setText(tr("Your own programs, recorded in the lab: step through, save or export it."));
    else if (m_session->isReplay())
        m_stepLabel->setText(tr("Replaying a saved session: no sockets are opened."));
    else if (m_session->isLive() && m_session->hasNextStep())
        m_stepLabel->setText(tr("%1 of %2 steps run on real sockets. Step past the end to run the next one.")
                                 .arg(m_session->nextStep())
                                 .arg(m_session->stepCount()));
    else if (m_session->isLive())
        m_stepLabel->setText(tr("All %1 steps have run. Step back to replay, or Reset for fresh sockets.")
                                 .arg(m_session->stepCount()));
    else
        m_stepLabel->clear();
}

void MainWindow::setPresenter(bool on)
{
    if (on == m_presenter) return;
    m_presenter = on;
    m_presenterAct->setChecked(on);
    if (on) {
        m_statesBeforePresenter = windowState();
        m_dockStateBeforePresenter = saveState();
        m_splitBeforePresenter = m_split->saveState();
        m_geometryBeforePresenter = saveGeometry();
        m_left->hide();
        showFullScreen();
        // Also where no window manager grants full screen (a bare X server on a projector).
        if (screen()) setGeometry(screen()->geometry());
    } else {
        m_left->show();
        restoreState(m_dockStateBeforePresenter);
        m_split->restoreState(m_splitBeforePresenter);
        setWindowState(m_statesBeforePresenter & ~Qt::WindowFullScreen);
        restoreGeometry(m_geometryBeforePresenter);
    }
    statusBar()->setVisible(!on || !statusBar()->currentMessage().isEmpty());
    QFont statusFont = font();
    statusFont.setPointSizeF(statusFont.pointSizeF() * viewStyle().scale); // the views' type scale
    statusBar()->setFont(statusFont);
    m_banner->setTypeScale(viewStyle().scale);
    m_narration->setPresenter(on);
    m_bar->setPresenter(on);
    m_scenarios->setPresenter(on);
    m_panes->setPresenter(on); // after restoreState: it decides which docks a presenter keeps
    applyStyle();
    fitPresenterSplit();
}

void MainWindow::showDone(const QString& message) { statusBar()->showMessage(message, kDoneMessageMs); }

void MainWindow::fitPresenterSplit()
{
    m_fittedActors = m_ladder->renderer().layout().actorCount();
    if (!m_presenter) return;
    // The ladder keeps the width its columns need in large type; the state diagram
    // gets the rest, at least a third and up to 40%, to be read from the back of a room
    // (its text is sized on screen: it needs the room).
    const int w = m_split->width();
    const int need = int(m_ladder->renderer().layout().minimumWidth()) + 24;
    const int states = std::clamp(w - need, w / 3, w * 40 / 100);
    m_split->setSizes({0, w - states, states});
}

ViewStyle MainWindow::viewStyle() const { return ViewStyle(m_presenter, palette()); }

void MainWindow::applyStyle()
{
    m_ladder->setStyle(viewStyle());
    m_states->setStyle(viewStyle());
    m_panes->setStyle(viewStyle());
}

void MainWindow::openSessionFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open session"), QString(),
                                                      tr("socklab sessions (*.socklab.json *.json)"));
    if (path.isEmpty()) return;
    // Read on the file thread: a million-event session takes seconds, and the window keeps painting.
    beforeOpening();
    m_session->openSessionInBackground(path);
}

bool MainWindow::openSessionPath(const QString& path)
{
    beforeOpening();
    return m_session->openSession(path);
}

void MainWindow::beforeOpening()
{
    m_playback->pause();
    // A run of the user's programs goes on, but the window stops following it.
    m_followBeforeOpening = m_followPrograms;
    if (m_sources->isRecording()) m_followPrograms = false;
}

void MainWindow::onOpenFinished(bool opened)
{
    if (!opened) {
        m_followPrograms = m_followBeforeOpening;
        return;
    }
    m_banner->hide();
    m_followPrograms = !m_sources->isRecording();
    m_scenarios->setCurrent(m_session->scenarioId());
    m_scenarioMenu->setCurrent(m_session->scenarioId());
}

void MainWindow::saveSessionFile()
{
    const QString suggested = m_session->scenarioId() + QStringLiteral(".socklab.json");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save session"), suggested,
                                                      tr("socklab sessions (*.socklab.json *.json)"));
    if (path.isEmpty()) return;
    statusBar()->showMessage(tr("Saving the session as %1…").arg(path));
    m_session->saveSessionInBackground(path);
}

void MainWindow::exportPcapFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export pcap"),
                                                      m_session->scenarioId() + QStringLiteral(".pcap"),
                                                      tr("Packet captures (*.pcap)"));
    if (!path.isEmpty()) m_session->exportPcap(path);
}

void MainWindow::restoreSettings()
{
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray())) {
        const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1366, 768);
        resize(std::min(1500, avail.width() * 92 / 100), std::min(950, avail.height() * 90 / 100));
        move(avail.center() - rect().center());
        if (avail.width() < 1600) setWindowState(Qt::WindowMaximized); // a laptop or a projector: use all of it
    }
    if (!restoreState(s.value(QStringLiteral("window/state")).toByteArray(), kStateVersion)) {
        // The ladder and the narration are the lesson: the panes get about a quarter of the height.
        // Sized once the window has its real geometry (after show and maximize).
        QTimer::singleShot(0, this, [this] {
            const int h = height() * 27 / 100;
            const QList<QDockWidget*> docks = m_panes->allDocks();
            resizeDocks(docks, QList<int>(docks.size(), h), Qt::Vertical);
        });
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_presenter) setPresenter(false);
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState(kStateVersion));
    QMainWindow::closeEvent(event);
}

} // namespace socklab
