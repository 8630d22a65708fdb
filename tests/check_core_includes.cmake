# check_core_includes.cmake — src/core is pure C++: it must build natively for the CLI and the
# tests, so it never includes ImGui, OpenGL/GLES, GLFW or Emscripten headers.
# usage: cmake -DDIR=src/core -P check_core_includes.cmake
file(GLOB_RECURSE files "${DIR}/*.h" "${DIR}/*.cpp")
set(bad "")
foreach(f ${files})
    file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](imgui|imgui_[a-z_]+\\.h|GL/|GLES|GLES2/|GLES3/|GLFW/|emscripten|SDL)")
    foreach(l ${lines})
        string(APPEND bad "${f}: ${l}\n")
    endforeach()
endforeach()
list(LENGTH files n)
if(n EQUAL 0)
    message(FATAL_ERROR "no source found in ${DIR}")
endif()
if(bad)
    message(FATAL_ERROR "src/core must not include UI, GL or Emscripten headers:\n${bad}")
endif()
message(STATUS "${n} files of src/core checked")
