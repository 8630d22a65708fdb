# single_html.cmake — makes proxinum.html, the one-file build that opens from file://: the HTML
# shell with proxinum.js as text, proxinum.wasm gzip-compressed and base64-encoded, and
# src/web/single_loader.js to start them (it explains the layout).
# usage: cmake -DSHELL=web/index.html -DJS=dist/proxinum.js -DWASM=dist/proxinum.wasm
#              -DLOADER=src/web/single_loader.js -DAUDIT=assets/audit.bin -DTERRITORY=assets/territory.json
#              -DENGLISH=assets/messages-en.bin -DOUT=dist/proxinum.html
#              -P single_html.cmake
# The web audit's data (AUDIT) rides along the same way, in <script id="px-audit">: src/web/api.js
# inflates it the first time a HAR is read; so do the territory grid's words (TERRITORY), in
# <script id="px-territory">, inflated after the first picture, and the English texts (ENGLISH), in
# <script id="px-messages-en">, inflated when English is chosen.
# gzip and base64 come from Debian's essential packages (gzip, coreutils). The result fetches nothing.
find_program(PX_GZIP gzip REQUIRED)
find_program(PX_BASE64 base64 REQUIRED)
# gzip -9 then base64 of FILE, into VAR.
function(gzip_base64 file var)
    execute_process(COMMAND "${PX_GZIP}" -9 -n -c "${file}" OUTPUT_FILE "${OUT}.gz" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "gzip failed on ${file}")
    endif()
    execute_process(COMMAND "${PX_BASE64}" -w 0 "${OUT}.gz" OUTPUT_VARIABLE b64 RESULT_VARIABLE rc)
    file(REMOVE "${OUT}.gz")
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "base64 failed on ${file}")
    endif()
    set(${var} "${b64}" PARENT_SCOPE)
endfunction()
gzip_base64("${WASM}" wasm64)
gzip_base64("${AUDIT}" audit64)
gzip_base64("${TERRITORY}" territory64)
gzip_base64("${ENGLISH}" english64)
file(READ "${SHELL}" html)
file(READ "${JS}" js)
file(READ "${LOADER}" loader)
set(tag "<script src=\"proxinum.js\"></script>")
string(FIND "${html}" "${tag}" at)
if(at EQUAL -1)
    message(FATAL_ERROR "${SHELL}: no ${tag} to replace")
endif()
# The base64 of the SHA-256 of TEXT, into VAR: the 'sha256-…' source of a Content-Security-Policy.
function(sha256_base64 text var)
    string(SHA256 hex "${text}")
    set(alphabet "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    set(out "")
    foreach(at RANGE 0 60 6)  # 32 bytes: ten groups of 3 bytes, then 2 bytes and one '='
        string(SUBSTRING "${hex}" ${at} 6 chunk)
        string(LENGTH "${chunk}" n)
        if(n EQUAL 4)
            set(chunk "${chunk}00")
        endif()
        math(EXPR v "0x${chunk}")
        foreach(shift 18 12 6 0)
            math(EXPR i "(${v} >> ${shift}) & 63")
            string(SUBSTRING "${alphabet}" ${i} 1 c)
            string(APPEND out "${c}")
        endforeach()
        if(n EQUAL 4)
            string(SUBSTRING "${out}" 0 43 out)
            string(APPEND out "=")
        endif()
    endforeach()
    set(${var} "${out}" PARENT_SCOPE)
endfunction()
# The single file carries everything inline and fetches nothing: its Content-Security-Policy allows
# exactly its two scripts, by their SHA-256 (the loader, and proxinum.js that the loader inserts),
# so that no other inline script nor any event-handler attribute can run, and forbids every
# connection (index.html's allows only its own folder).
set(csp_served "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'\">")
string(FIND "${html}" "${csp_served}" csp_at)
if(csp_at EQUAL -1)
    message(FATAL_ERROR "${SHELL}: its Content-Security-Policy is not the one this script replaces")
endif()
# A literal "</script" inside a script would end the element early.
string(REPLACE "</script" "<\\/script" js "${js}")
string(REPLACE "</script" "<\\/script" loader "${loader}")
sha256_base64("\n${loader}\n" loader_hash)  # the text between the tags, as the browser hashes it
sha256_base64("\n${js}\n" js_hash)          # #px-js's text, which the loader runs
set(csp_single "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-${loader_hash}' 'sha256-${js_hash}' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'\">")
string(REPLACE "${csp_served}" "${csp_single}" html "${html}")
string(REPLACE "${tag}"
       "<script id=\"px-wasm\" type=\"application/octet-stream\">${wasm64}</script>\n<script id=\"px-audit\" type=\"application/octet-stream\">${audit64}</script>\n<script id=\"px-territory\" type=\"application/octet-stream\">${territory64}</script>\n<script id=\"px-messages-en\" type=\"application/octet-stream\">${english64}</script>\n<script id=\"px-js\" type=\"text/plain\">\n${js}\n</script>\n<script>\n${loader}\n</script>"
       html "${html}")
file(WRITE "${OUT}.tmp" "${html}")
file(RENAME "${OUT}.tmp" "${OUT}")
