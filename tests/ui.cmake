# The desktop app's suites; included by tests/CMakeLists.txt when the GUI is built.
wordrace_add_test(tst_timeline LIBS wordrace_ui)
wordrace_add_test(tst_chartexport LIBS wordrace_ui)
wordrace_add_test(tst_mainwindow LIBS wordrace_ui)
wordrace_add_test(tst_chartcli LIBS wordrace_ui)
wordrace_add_test(tst_scaling LIBS wordrace_ui)
wordrace_add_test(tst_sessionui LIBS wordrace_ui)
wordrace_add_test(tst_stallwatchdog LIBS wordrace_ui)
