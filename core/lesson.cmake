# Scenarios for the rest of the lesson. Sources: target_sources(socklab_core PRIVATE ...);
# their Python code files: list(APPEND SOCKLAB_LESSON_CODE_FILES name.py ...) (resources/code/).
set(SOCKLAB_LESSON_CODE_FILES)
