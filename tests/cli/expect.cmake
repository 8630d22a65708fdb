# expect.cmake — runs the CLI once and checks its exit code, stdout and stderr (regexes).
# usage: cmake -DEXE=proxinum -DARGS="a;b" -DRC=0 [-DSTDOUT=re] [-DSTDERR=re] [-DENV=VAR=value] -P expect.cmake
# Both streams are also checked for the CLI contract: text only on stdout for success, never a
# stray message on stderr when the exit code is 0. Exit 3 (partial: `aggregate` with some files
# refused) prints both: the result of the accepted files and one line per refused file.
set(cmd "${EXE}" ${ARGS})
if(ENV)
    set(cmd "${CMAKE_COMMAND}" -E env "${ENV}" ${cmd})
endif()
# A clean, predictable language environment unless the test sets one.
unset(ENV{LC_ALL})
unset(ENV{LC_MESSAGES})
unset(ENV{LANG})
execute_process(COMMAND ${cmd} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(report "command: ${cmd}\nexit: ${rc}\nstdout:\n${out}\nstderr:\n${err}")
if(NOT rc EQUAL RC)
    message(FATAL_ERROR "expected exit ${RC}\n${report}")
endif()
if(STDOUT AND NOT out MATCHES "${STDOUT}")
    message(FATAL_ERROR "stdout does not match: ${STDOUT}\n${report}")
endif()
if(RC EQUAL 3 AND (out STREQUAL "" OR err STREQUAL ""))
    message(FATAL_ERROR "exit 3 must print the result on stdout and the refusals on stderr\n${report}")
endif()
if(STDERR AND NOT err MATCHES "${STDERR}")
    message(FATAL_ERROR "stderr does not match: ${STDERR}\n${report}")
endif()
if(RC EQUAL 0 AND NOT err STREQUAL "")
    message(FATAL_ERROR "exit 0 but stderr is not empty\n${report}")
endif()
if(NOT RC EQUAL 0 AND NOT RC EQUAL 3 AND NOT out STREQUAL "")
    message(FATAL_ERROR "exit ${RC} but something was printed on stdout\n${report}")
endif()
