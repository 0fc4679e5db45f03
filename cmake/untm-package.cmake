# `cpack -G DEB` in the build folder (scripts/test-deb.sh): one Debian package
# with the program, man pages, completion and the development files. Depends
# comes from dpkg-shlibdeps on the installed program, so it names the runtime
# libraries (ICU, poppler, libzip, zstd, ...) of the machine that built it.
set(CPACK_PACKAGE_NAME untm)
set(CPACK_PACKAGE_VENDOR "untm")
set(CPACK_PACKAGE_CONTACT "untm maintainers <untm@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Chinese-English sentence aligner for UN documents (TMX, bundles)")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)
