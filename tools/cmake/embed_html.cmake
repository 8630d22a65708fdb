# embed_html.cmake — makes build/web/dist/embed.html from the app's shell (web/index.html): the same
# page, same Content-Security-Policy, marked data-proxinum-embed so that the app shows its minimal
# chrome and reads its URL parameters (src/web/api.js, web/integrer.html).
# usage: cmake -DSHELL=web/index.html -DOUT=dist/embed.html -P embed_html.cmake
file(READ "${SHELL}" html)
set(root_tag "<html lang=\"fr\">")
string(FIND "${html}" "${root_tag}" at)
if(at EQUAL -1)
    message(FATAL_ERROR "embed_html.cmake: ${SHELL} has no ${root_tag}")
endif()
string(REPLACE "${root_tag}" "<html lang=\"fr\" data-proxinum-embed>" html "${html}")
string(REGEX REPLACE "<title>[^<]*</title>" "<title>Proxinum (intégré) — proximité numérique</title>" html "${html}")
file(WRITE "${OUT}" "${html}")
