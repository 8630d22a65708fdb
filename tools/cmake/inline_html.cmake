# inline_html.cmake — makes proxinum.html: the HTML shell with the single-file script inlined.
# usage: cmake -DSHELL=web/index.html -DSCRIPT=single/proxinum.js -DOUT=dist/proxinum.html -P inline_html.cmake
# The shell must hold exactly one `<script src="proxinum.js"></script>`; the result fetches nothing.
file(READ "${SHELL}" html)
file(READ "${SCRIPT}" js)
set(tag "<script src=\"proxinum.js\"></script>")
string(FIND "${html}" "${tag}" at)
if(at EQUAL -1)
    message(FATAL_ERROR "${SHELL}: no ${tag} to replace")
endif()
# A literal "</script" inside the script would end the element early.
string(REPLACE "</script" "<\\/script" js "${js}")
string(REPLACE "${tag}" "<script>\n${js}\n</script>" html "${html}")
file(WRITE "${OUT}.tmp" "${html}")
file(RENAME "${OUT}.tmp" "${OUT}")
