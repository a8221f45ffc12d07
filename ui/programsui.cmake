# target_sources(socklab_ui PRIVATE ...)
