# Main window, playback, panes, presenter mode, translations.
target_sources(socklab_ui PRIVATE
    ActorPalette.cpp ActorPalette.h
    WindowLauncher.cpp WindowLauncher.h
)
