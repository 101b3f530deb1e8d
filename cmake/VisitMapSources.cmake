# SPDX-License-Identifier: GPL-3.0-or-later
# Source lists are written out by hand in each CMakeLists.txt. This check stops the configure step
# when a header or source under DIR is in none of them, so a new file cannot be left out quietly.
function(visitmap_require_listed dir)
    set(listed ${ARGN})
    file(GLOB_RECURSE on_disk RELATIVE ${dir} CONFIGURE_DEPENDS ${dir}/*.cpp ${dir}/*.h)
    foreach(f IN LISTS on_disk)
        if(NOT f IN_LIST listed)
            file(RELATIVE_PATH shown ${PROJECT_SOURCE_DIR} ${dir}/${f})
            file(RELATIVE_PATH lists ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_LIST_FILE})
            message(FATAL_ERROR "${shown} is in no source list: add it to ${lists}")
        endif()
    endforeach()
endfunction()
