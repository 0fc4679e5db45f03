# `cpack -G DEB` in the build folder (scripts/test-deb.sh): two Debian packages,
# one per install component, as Debian splits a library:
#   untm      the program, man pages and completion (component runtime); its
#             Depends come from dpkg-shlibdeps on the installed program, so
#             they name the shared libraries (ICU, poppler, libzip, zstd, ...)
#             of the machine that built it;
#   untm-dev  headers, static libraries, untmConfig.cmake and untm.pc
#             (component development); static libraries leave their outside
#             libraries to the user's link, so it depends on the -dev packages
#             that untmConfig.cmake.in's find_dependency and pkg_check_modules
#             calls look for.
set(CPACK_PACKAGE_NAME untm)
set(CPACK_PACKAGE_VENDOR "untm")
set(CPACK_PACKAGE_CONTACT "untm maintainers <untm@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Chinese-English sentence aligner for UN documents (TMX, bundles)")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime development)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME untm)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION text)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME untm-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
  "libfmt-dev, libpugixml-dev, libicu-dev, libzstd-dev, libzip-dev, libpoppler-cpp-dev, pkgconf | pkg-config")
set(CPACK_COMPONENT_DEVELOPMENT_DESCRIPTION
  "untm's library for C++ projects: headers, static libraries, CMake package (find_package(untm)) and pkg-config file")
include(CPack)
