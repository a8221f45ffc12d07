# "Run my programs…": console panes for the user's own programs in the lab.
target_sources(socklab_ui PRIVATE
    ProgramConsole.cpp ProgramConsole.h
    ProgramSession.cpp ProgramSession.h
    RunProgramsDialog.cpp RunProgramsDialog.h
)
# "Attach to a running program…" (programs already on the host's loopback).
target_sources(socklab_ui PRIVATE AttachDialog.cpp AttachDialog.h)
