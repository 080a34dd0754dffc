# The Debian package: `cpack -G DEB` in the build folder turns the install rules into
# wordrace_<version>-<release>_<arch>.deb, so that lab machines are set up with
# `apt install ./wordrace_*.deb` like any other package. Included last from the root
# CMakeLists.txt: CPack packs the components that exist by then.

set(CPACK_PACKAGE_NAME wordrace)
set(CPACK_PACKAGE_VENDOR "The WordRace developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL https://github.com/wordrace/wordrace)
# The Description field: the summary line, then the extended text. CPack indents it but does not
# wrap it, and lintian wants lines under 80 columns, so the lines are cut here.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "see what threads and processes cost, counting words three ways")
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "WordRace is a desktop lab that makes parallelism visible. It counts words"
    "sequentially, on a thread pool and on worker processes, and shows what each"
    "way costs: wall time against CPU time, and a per-worker timeline of who"
    "counted which chunk when."
    ""
    "It reproduces the experiments of a Python lesson on threads and processes"
    "(I/O-bound and CPU-bound work, an emulated GIL, Pool.map's overheads) and"
    "explains their results with measurements: in the app, in a presentation"
    "mode and a lesson walkthrough for a classroom, or headless with"
    "wordrace-cli, which writes JSON, CSV, Markdown and Chrome traces. Optional"
    "modes run the lesson's own code in CPython and spread the counting over"
    "MPI ranks on several machines.")
set(CPACK_GENERATOR DEB)

# A package installs into /usr, where Debian's files live; `cmake --install` keeps its own prefix
# (/usr/local by default).
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# The normal build is RelWithDebInfo: its debug info is most of each binary's size, and lintian
# calls an unstripped binary an error. Stripping happens in CPack's staging copy only.
set(CPACK_STRIP_FILES ON)

# The Debian revision makes this a non-native package: lintian then expects the packaging history
# as changelog.Debian.gz (installed below), and a rebuild of the same upstream version can bump it.
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# A placeholder until the project has a real contact; configure with
# -DWORDRACE_PACKAGE_MAINTAINER="Name <address>" to sign a package with yours.
set(WORDRACE_PACKAGE_MAINTAINER "The WordRace developers <wordrace@example.org>"
    CACHE STRING "Maintainer field of the Debian package and its changelog entry")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${WORDRACE_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Dependencies from the binaries themselves (dpkg-shlibdeps, from dpkg-dev): the Qt 6 libraries,
# Open MPI's where the MPI worker is built, and their minimum versions, as a Debian build would.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What shlibdeps cannot see: the CPython modes run wordrace-harness.py in python3, and the cluster
# mode starts mpirun. Both modes are opt-in, so recommended rather than required; lintian accepts a
# recommended interpreter for the harness's #!/usr/bin/env python3.
set(recommends python3)
if(WORDRACE_HAVE_MPI)
    list(APPEND recommends openmpi-bin)
endif()
list(JOIN recommends ", " CPACK_DEBIAN_PACKAGE_RECOMMENDS)
# lintian's remaining notes are information, not warnings: hardening-no-fortify-functions and
# hardening-no-bindnow (the project's own flags, not dpkg-buildflags': -z now could lengthen every
# worker's start, which the processes mode measures) and binary-has-unneeded-section .comment
# (CMake's strip keeps it; a few bytes).

# Control files 0644 and maintainer scripts 0755 whatever the umask, as lintian checks.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# What only a Debian package carries, in a component of its own that plain `cmake --install`
# leaves out: the copyright file and changelog.Debian.gz every package must have, and the lintian
# overrides, which explain the warnings this layout cannot avoid.
set(WORDRACE_DEB_VERSION ${CPACK_PACKAGE_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE})
set(debian_dir ${PROJECT_BINARY_DIR}/packaging/debian)
configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/changelog.in ${debian_dir}/changelog.Debian @ONLY)
find_program(WORDRACE_GZIP gzip REQUIRED)
# gzip -9n, as for the man pages: no name or time stamp in the archive.
add_custom_command(OUTPUT ${debian_dir}/changelog.Debian.gz
    COMMAND ${WORDRACE_GZIP} -9nkf ${debian_dir}/changelog.Debian
    DEPENDS ${debian_dir}/changelog.Debian
    COMMENT "Compressing changelog.Debian"
    VERBATIM)
add_custom_target(wordrace_debian_changelog ALL DEPENDS ${debian_dir}/changelog.Debian.gz)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright ${debian_dir}/changelog.Debian.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${CPACK_PACKAGE_NAME}
        COMPONENT debian EXCLUDE_FROM_ALL)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME ${CPACK_PACKAGE_NAME}
        COMPONENT debian EXCLUDE_FROM_ALL)

# One package made of every component, the debian one included: CPack installs each listed
# component into the same tree. Taken from the project, so a component added later is packed too.
get_cmake_property(components COMPONENTS)
set(CPACK_COMPONENTS_ALL ${components})
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)

# `cpack --config CPackSourceConfig.cmake`: the sources without build trees or Git's files.
set(CPACK_SOURCE_GENERATOR TXZ)
set(CPACK_SOURCE_IGNORE_FILES "/build/" "/\\\\.git/" "/\\\\.cache/")

include(CPack)
