# What `cmake --install` puts in place besides bin/untm (tools/untm):
# - the unit libraries and their headers under include/untm/<unit>/, with
#   untmConfig.cmake (targets untm::untm and untm::<unit>) and untm.pc, so that
#   another project builds against the library with find_package or pkg-config;
# - man pages and bash/zsh completion, made from the program's own --help
#   (tools/untm/install/generate.py), so that they cannot drift from it.
include(CMakePackageConfigHelpers)

set(UNTM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/untm)
set(untm_unit_targets "")
foreach(unit IN LISTS UNTM_INSTALLED_UNITS)
  list(APPEND untm_unit_targets untm_${unit})
endforeach()
install(TARGETS untm_unit_base untm_lib ${untm_unit_targets} EXPORT untmTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development)
install(EXPORT untmTargets NAMESPACE untm:: DESTINATION ${UNTM_CMAKE_DIR} COMPONENT development)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/untmConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/untmConfig.cmake INSTALL_DESTINATION ${UNTM_CMAKE_DIR})
# 0.x: a minor release may change the library's interface.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/untmConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/untmConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/untmConfigVersion.cmake
  DESTINATION ${UNTM_CMAKE_DIR} COMPONENT development)

# untm.pc: static libraries, so their outside libraries are Requires (not
# .private) and the units are listed users first, as a static link needs.
# The prefix is found from the .pc file's own place, so that an install under
# any --prefix works.
set(UNTM_PC_LIBS "")
set(units_reversed ${UNTM_INSTALLED_UNITS})
list(REVERSE units_reversed)  # layers.txt lists each unit after the ones it uses
foreach(unit IN LISTS units_reversed)
  string(APPEND UNTM_PC_LIBS " -luntm_${unit}")
endforeach()
file(RELATIVE_PATH UNTM_PC_PREFIX_FROM_PCFILEDIR
  /untm_prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /untm_prefix)
configure_file(${CMAKE_CURRENT_LIST_DIR}/untm.pc.in ${CMAKE_CURRENT_BINARY_DIR}/untm.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/untm.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
  COMPONENT development)

# Man pages and completion, generated from `untm --help` after untm is built:
# one page per command that the program lists, the exit status from
# exit_codes.h (so a new command or code cannot be left out). Which pages
# there are is known only then, so the stamp stands for them all.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(pages_dir ${CMAKE_CURRENT_BINARY_DIR}/share)
set(pages ${pages_dir}/pages.stamp ${pages_dir}/completion/untm.bash ${pages_dir}/completion/_untm)
add_custom_command(OUTPUT ${pages}
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/untm/install/generate.py
    $<TARGET_FILE:untm> ${CMAKE_SOURCE_DIR}/tools/untm/exit_codes.h ${pages_dir} ${PROJECT_VERSION}
  COMMAND ${CMAKE_COMMAND} -E touch ${pages_dir}/pages.stamp
  DEPENDS untm ${CMAKE_SOURCE_DIR}/tools/untm/install/generate.py ${CMAKE_SOURCE_DIR}/tools/untm/exit_codes.h
  COMMENT "man pages and shell completion from untm --help")
add_custom_target(untm_pages ALL DEPENDS ${pages})
install(DIRECTORY ${pages_dir}/man/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime)
install(FILES ${pages_dir}/completion/untm.bash RENAME untm
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT runtime)
install(FILES ${pages_dir}/completion/_untm
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions COMPONENT runtime)
