// single_loader.js — starts the one-file build, proxinum.html (tools/cmake/single_html.cmake puts
// it there). The page carries proxinum.wasm gzip-compressed and base64-encoded in
// <script id="px-wasm" type="application/octet-stream"> and proxinum.js as text in
// <script id="px-js" type="text/plain">: nothing is fetched, so it opens from file://. The wasm is
// inflated with the browser's own DecompressionStream and handed to Emscripten as
// Module.wasmBinary before proxinum.js runs. Compressed first, the file is ≈ 15 % smaller than
// Emscripten's -sSINGLE_FILE (base64 of the raw wasm, which gzip cannot shrink back).
(function () {
  var status = document.getElementById('status');
  if (typeof DecompressionStream !== 'function') {
    if (status) status.textContent = 'Ce navigateur est trop ancien pour Proxinum (il lui faut DecompressionStream). ' +
      'Essayez une version récente de Firefox, Chrome, Edge ou Safari. / This browser is too old for Proxinum.';
    return;
  }
  var text = atob(document.getElementById('px-wasm').textContent.trim());
  var bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  var inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  new Response(inflated).arrayBuffer().then(function (wasm) {
    window.Module = { wasmBinary: wasm };
    var script = document.createElement('script');
    script.textContent = document.getElementById('px-js').textContent;
    document.body.appendChild(script);
  }, function (e) {
    if (status) status.textContent = 'Proxinum n’a pas pu démarrer (' + e + '). / Proxinum could not start.';
  });
})();
