# Ladder, state machine, renderers, exports.
target_sources(socklab_ui PRIVATE
    ExportVerb.cpp ExportVerb.h
)
