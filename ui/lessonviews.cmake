# Views for the rest of the lesson: the byte stream (message boundaries), the
# send/receive buffers (flow control) and the listen backlog.
target_sources(socklab_ui PRIVATE
    ByteStreamLayout.cpp ByteStreamLayout.h
    ByteStreamRenderer.cpp ByteStreamRenderer.h
    ByteStreamView.cpp ByteStreamView.h
    BuffersLayout.cpp BuffersLayout.h
    BuffersRenderer.cpp BuffersRenderer.h
    BuffersView.cpp BuffersView.h
    BacklogLayout.cpp BacklogLayout.h
    BacklogRenderer.cpp BacklogRenderer.h
    BacklogView.cpp BacklogView.h
    LessonCaptions.cpp LessonCaptions.h
)
