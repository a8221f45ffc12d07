# Views for the rest of the lesson: the byte stream (message boundaries).
target_sources(socklab_ui PRIVATE
    ByteStreamLayout.cpp ByteStreamLayout.h
    ByteStreamRenderer.cpp ByteStreamRenderer.h
    ByteStreamView.cpp ByteStreamView.h
)
