# Ladder, state machine, renderers, exports.
target_sources(socklab_ui PRIVATE
    Captions.cpp Captions.h
    ViewStyle.cpp ViewStyle.h
    LadderLayout.cpp LadderLayout.h
    LadderRenderer.cpp LadderRenderer.h
    ExportVerb.cpp ExportVerb.h
)
