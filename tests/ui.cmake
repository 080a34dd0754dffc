# The desktop app's suites; included by tests/CMakeLists.txt when the GUI is built.
wordrace_add_test(tst_timeline LIBS wordrace_ui)
wordrace_add_test(tst_chartexport LIBS wordrace_ui)
wordrace_add_test(tst_readablemarks LIBS wordrace_ui)
wordrace_add_test(tst_mainwindow LIBS wordrace_ui)
wordrace_add_test(tst_chartcli LIBS wordrace_ui)
wordrace_add_test(tst_scaling LIBS wordrace_ui)
wordrace_add_test(tst_sessionui LIBS wordrace_ui)
wordrace_add_test(tst_stallwatchdog LIBS wordrace_ui)

# A day in a classroom (docs/reliability.md): by hand `wordrace-soak` runs 300 experiments; CI runs
# a short one in the normal build and fails when descriptors, threads, children or memory grow.
add_executable(wordrace-soak soak/soak.cpp)
target_link_libraries(wordrace-soak PRIVATE wordrace_ui Qt6::Test)
add_dependencies(wordrace-soak wordrace-worker)
add_test(NAME soak COMMAND wordrace-soak --experiments 40 --every 10 --check)
set_tests_properties(soak PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" LABELS soak)
wordrace_add_test(tst_translation LIBS wordrace_ui)

# A full disk (issue 20): every writer onto a tmpfs that fills keeps the earlier file and says why.
add_test(NAME fulldisk COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/fulldisk.sh $<TARGET_FILE_DIR:wordrace-cli>)
set_tests_properties(fulldisk PROPERTIES SKIP_RETURN_CODE 77 ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
