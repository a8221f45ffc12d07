# Ladder, state machine, renderers, exports.
target_sources(socklab_ui PRIVATE
    Captions.cpp Captions.h
    ViewStyle.cpp ViewStyle.h
    LadderLayout.cpp LadderLayout.h
    LadderRenderer.cpp LadderRenderer.h
    LadderView.cpp LadderView.h
    StateMachineLayout.cpp StateMachineLayout.h
    StateMachineRenderer.cpp StateMachineRenderer.h
    StateMachineView.cpp StateMachineView.h
    Exporter.cpp Exporter.h
    ExportVerb.cpp ExportVerb.h
)
