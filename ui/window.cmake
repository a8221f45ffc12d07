# Main window, playback, panes, presenter mode, translations.
target_sources(socklab_ui PRIVATE
    ActorPalette.cpp ActorPalette.h
    ErrorBanner.cpp ErrorBanner.h
    ExportActions.cpp ExportActions.h
    HelpDialogs.cpp HelpDialogs.h
    LanguageSwitcher.cpp LanguageSwitcher.h
    LessonViewsPane.cpp LessonViewsPane.h
    MainWindow.cpp MainWindow.h
    NarrationBar.cpp NarrationBar.h
    PaneDocks.cpp PaneDocks.h
    PlaybackBar.cpp PlaybackBar.h
    PlaybackController.cpp PlaybackController.h
    RecordingSources.cpp RecordingSources.h
    ScenarioListPane.cpp ScenarioListPane.h
    SessionController.cpp SessionController.h
    SessionWorker.cpp SessionWorker.h
    ViewFocus.cpp ViewFocus.h
    WindowLauncher.cpp WindowLauncher.h
)
# Panes: event log, packet layers, code (owner: panes).
target_sources(socklab_ui PRIVATE
    CodePane.cpp CodePane.h
    CodePosition.cpp CodePosition.h
    EventLogFilterModel.cpp EventLogFilterModel.h
    EventLogModel.cpp EventLogModel.h
    EventLogPane.cpp EventLogPane.h
    HexDump.cpp HexDump.h
    MonospaceFont.cpp MonospaceFont.h
    OsiModelWidget.cpp OsiModelWidget.h
    PacketLayersPane.cpp PacketLayersPane.h
    PythonHighlighter.cpp PythonHighlighter.h
)

# The Chinese catalogue, compiled into the binary as :/i18n/socklab_zh_CN.qm
# (app/main.cpp and the View ▸ Language menu load it from there; tests too).
# The .ts is updated over ALL sources (core/ ui/ app/), not only this target's:
#   lupdate core ui app -ts resources/translations/socklab_zh_CN.ts
set(SOCKLAB_TS_FILE ${PROJECT_SOURCE_DIR}/resources/translations/socklab_zh_CN.ts)
qt_add_lrelease(socklab_ui TS_FILES ${SOCKLAB_TS_FILE} QM_FILES_OUTPUT_VARIABLE socklab_qm_files)
qt_add_resources(socklab_ui socklab_i18n PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR} FILES ${socklab_qm_files})
