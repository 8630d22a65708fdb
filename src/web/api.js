// api.js — the JavaScript side of Proxinum's page (passed to emcc with --pre-js): it binds the
// canvas, shows loading and fatal messages in the page, and defines window.proxinum, the API
// that embedding sites and the end-to-end tests use. Every other piece of JS glue is an EM_JS
// call in src/web/main.cpp that lands in one of the Module.px* functions below.
//
//   await new Promise(r => { const t = setInterval(() => proxinum.ready && (clearInterval(t), r()), 50); });
//   proxinum.version            // "0.1.0"
//   proxinum.setLens('audit')   // 'diagnostic' | 'audit' | 'territoire' | 'carte' → true/false
//   proxinum.setLang('en')      // 'fr' | 'en' → true/false; await proxinum.languageLoaded() for its texts
//   proxinum.lens, proxinum.lang  // current lens and language
//   proxinum.map.flyTo(0.545, 46.817, 10)        // centre the map (lon, lat, zoom)
//   proxinum.map.pick(x, y)     // commune at CSS pixel (x, y) of the canvas → {insee, name, …} | null
//   proxinum.map.project(lon, lat) → {x, y};  proxinum.map.view() → {lon, lat, zoom}
//   proxinum.stats()           // CPU time per frame: {frames, median_ms, p95_ms, max_ms}
//   proxinum.loadWorkspace(text) → {ok, errors};  proxinum.getWorkspace() → JSON text
//   proxinum.report()          // the diagnostic, the same JSON as `proxinum score WORKSPACE.json`
//   proxinum.importFile('prestataires.csv', bytes) → {ok, errors: [every bad row], format, providers}
//   await proxinum.auditHar('site.har', fileOrBytes) → {ok, errors, audit}  (streamed, with progress)
//   proxinum.audit()           // the last web audit, the same JSON as `proxinum audit FILE.har`
//   proxinum.cancelAudit()     // stops the HAR being read (its promise resolves {ok: false, cancelled: true})
//   proxinum.setAuditOptions({dom: 812, green: false, ours: ['api.mairie.fr']})  // audits again
//   await proxinum.territory.load()  // the grid's words, fetched after the first picture
//   proxinum.territory.score()   // the self-assessment shown: the JSON of `proxinum territory score` (--compare)
//   proxinum.territory.footprint()  // the equipment footprint: the JSON of `proxinum footprint`
//   proxinum.territory.summary()    // the anonymous summary (text), as `proxinum summary`
//   await proxinum.territory.importSummaries([File | {name, bytes|text}, …]) → {accepted, refused: [{file, message}], aggregate}
//   proxinum.territory.observatory('json' | 'csv' | 'geojson')  // the indicators, as `proxinum aggregate`
//   await proxinum.reportDocument('html' | 'csv' | 'json' | 'geojson')  // the report as the CLI's
//                               // `proxinum report ESPACE.json --format …` gives it (text)
//   proxinum.map.showTerritory('79191')  // a commune (INSEE) or an EPCI (SIREN): centred → {ok, kind, code, name}
//   proxinum.setDisplay({theme: 'sombre', textSize: 1.5})  // 'clair' | 'sombre' | 'contraste', 1 to 2 → true/false
//   proxinum.workspaces.list() / create('Mairie 2027') / open(id) / rename(name) / remove(id)
//   proxinum.storage()          // autosave: {saved, savedAt, restored, message, alert, aside: [keys]}
//
// Nothing here makes a request: the page's own .js/.wasm are its only downloads.
Module['canvas'] = document.getElementById('canvas');
Module['print'] = function (text) { console.log(text); };
Module['printErr'] = function (text) { console.warn(text); };

(function () {
  var status = document.getElementById('status');
  // For the integrating developer, in both languages: the catalog is not loaded before `ready`.
  var NOT_READY = 'proxinum : pas encore prêt (attendre proxinum.ready) / not ready yet (await proxinum.ready)';
  var api = {
    ready: false,
    version: null,
    lens: null,
    lang: null,
    setLens: function (code) { return call('px_set_lens', code); },
    setLang: function (code) { return call('px_set_lang', code); },
    // Resolves once the texts of the current language are there (English is loaded when chosen).
    languageLoaded: function () { return api.lang === 'en' ? loadEnglish() : Promise.resolve(); },
    // The diagnostic's workspace ("proxinum-workspace" JSON, docs/formats.md), all or nothing.
    // `name` (optional) names the file in error messages.
    loadWorkspace: function (text, name) {
      if (!api.ready) throw new Error(NOT_READY);
      var t = typeof text === 'string' ? text : JSON.stringify(text);
      return JSON.parse(Module.ccall('px_load_workspace', 'string', ['string', 'string'], [t, String(name || '')]));
    },
    getWorkspace: function () {
      if (!api.ready) throw new Error(NOT_READY);
      return Module.ccall('px_get_workspace', 'string', [], []);
    },
    report: function () {
      if (!api.ready) throw new Error(NOT_READY);
      return JSON.parse(Module.ccall('px_report', 'string', [], []));
    },
    // A catalog file (JSON, CSV or GeoJSON) as bytes (Uint8Array, ArrayBuffer) or text.
    importFile: function (name, bytes) {
      if (!api.ready) throw new Error(NOT_READY);
      var data = typeof bytes === 'string' ? new TextEncoder().encode(bytes)
        : bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
      var ptr = Module._malloc(Math.max(1, data.length));
      try {
        HEAPU8.set(data, ptr);
        return JSON.parse(Module.ccall('px_import_file', 'string', ['string', 'number', 'number'],
          [String(name), ptr, data.length]));
      } finally {
        Module._free(ptr);
      }
    },
    // CPU time of the app's last frames (up to 600): {frames, median_ms, p95_ms, max_ms}.
    // The web audit of a HAR file (File, Blob, Uint8Array, ArrayBuffer or text): streamed in
    // chunks, the page drawing its progress bar in between, so a 100 MB file never freezes it. Resolves to {ok, errors, audit} (a refused file leaves the last audit).
    auditHar: function (name, data) { return auditHar(name, data); },
    cancelAudit: function () { Module.ccall('px_har_cancel', null, [], []); },
    audit: function () {
      if (!api.ready) throw new Error(NOT_READY);
      return JSON.parse(Module.ccall('px_audit_report', 'string', [], []));
    },
    setAuditOptions: function (options) {
      if (!api.ready) throw new Error(NOT_READY);
      return JSON.parse(Module.ccall('px_audit_options', 'string', ['string'], [JSON.stringify(options || {})]));
    },
    stats: function () { return JSON.parse(ccallNumbers('px_frame_stats', 'string', [])); },
    // The printable report (html), every point of the score (csv), the results (json) or the map's
    // flows (geojson), made here: resolves to the text once the words it needs are loaded.
    reportDocument: function (format) {
      var kind = REPORT_KINDS.indexOf(format);
      if (kind < 2) return Promise.reject(new Error('proxinum: format inconnu (html, csv, json, geojson)'));
      return reportText(kind);
    },
    // The theme ('clair' | 'sombre' | 'contraste') and the text size (1 to 2 = 100 % to 200 %),
    // remembered in this browser; proxinum.display holds the current ones.
    display: { theme: 'clair', textSize: 1 },
    setDisplay: function (d) {
      if (!api.ready) throw new Error(NOT_READY);
      var theme = (d && d.theme) || api.display.theme, size = (d && d.textSize) || api.display.textSize;
      if (Module.ccall('px_set_display', 'number', ['string', 'number'], [String(theme), Number(size)]) !== 1) return false;
      Module.pxDisplay(theme, size);
      return true;
    },
    // The named workspaces of this browser: list(), create(name) → id | null, open(id), rename(name),
    // remove(id) (not the open one, nor the first).
    workspaces: {
      list: function () { return workspaces.list(); },
      create: function (name) { return workspaces.create(name); },
      open: function (id) { return workspaces.open(id); },
      rename: function (name) { return workspaces.rename(name); },
      remove: function (id) { return workspaces.remove(id); },
    },
    // Autosave's state: {saved, savedAt, restored, message, alert, aside: [keys set aside]}.
    storage: function () {
      return { saved: store.saved, savedAt: store.savedAt && store.savedAt.toISOString(), restored: store.restored,
               message: store.message, alert: store.alert, aside: store.aside.slice() };
    },
    territory: {
      // Resolves once the grid's words are loaded (they come just after the first picture).
      load: function () { return loadTerritory(); },
      score: function () { return JSON.parse(territoryCall('px_territory_score')); },
      footprint: function () { return JSON.parse(readyCall('px_footprint')); },
      summary: function () { return readyCall('px_summary'); },
      importSummaries: function (files) { return importSummaries(files); },
      observatory: function (format) {
        var f = format === 'csv' || format === 'geojson' ? format : 'json';
        if (!api.ready) throw new Error(NOT_READY);
        var out = Module.ccall('px_observatory', 'string', ['string'], [f]);
        // TextDecoder drops a leading BOM: put it back, spreadsheets need it to read UTF-8.
        return out === 'null' ? null : f === 'csv' ? (out.charAt(0) === '\uFEFF' ? out : '\uFEFF' + out) : JSON.parse(out);
      }
    },
    map: {
      // Centre the map on (lon, lat) at a zoom level (0 = whole world in 256 CSS px; France ≈ 5).
      flyTo: function (lon, lat, zoom) { return ccallNumbers('px_map_fly_to', 'number', [lon, lat, zoom]) === 1; },
      // A commune (INSEE code: selected and centred) or an EPCI (SIREN: fitted in view).
      showTerritory: function (code) {
        if (!api.ready) throw new Error(NOT_READY);
        return JSON.parse(Module.ccall('px_show_territory', 'string', ['string', 'number'], [String(code), 0]));
      },
      // {lon, lat, zoom} of the map's centre.
      view: function () { return JSON.parse(ccallNumbers('px_map_view', 'string', [])); },
      // Where (lon, lat) is on the canvas, in CSS pixels from its top-left corner: {x, y}.
      project: function (lon, lat) { return JSON.parse(ccallNumbers('px_map_project', 'string', [lon, lat])); },
      // The commune drawn at (x, y) CSS pixels, as {insee, name, population, lon, lat}, or null.
      pick: function (x, y) { return JSON.parse(ccallNumbers('px_map_pick', 'string', [x, y])); },
      // Markers and flows over the map, replaced all at once or not at all (core/map_overlay.h):
      // setOverlay({markers: [{lon, lat, label}], flows: [{from: [lon, lat], to: [lon, lat],
      // jurisdiction: 'fr'|'eu'|'us'|'other'|'unknown', label}]}) → {ok, errors}.
      // Communes coloured by a value (quantile classes, legend shown):
      // setCommuneValues({'86066': 12.5, …}, {title: 'Part des …', classes: 5}) → {ok, errors,
      // withValue, unknownCodes}; setCommuneValues(null) clears it.
      setCommuneValues: function (values, options) {
        if (!api.ready) throw new Error(NOT_READY);
        var o = options || {};
        var doc = values ? { title: o.title || '', classes: o.classes || 5, values: values } : {};
        return JSON.parse(Module.ccall('px_map_set_values', 'string', ['string'], [JSON.stringify(doc)]));
      },
      setOverlay: function (overlay) {
        if (!api.ready) throw new Error(NOT_READY);
        var text = typeof overlay === 'string' ? overlay : JSON.stringify(overlay);
        return JSON.parse(Module.ccall('px_map_set_overlay', 'string', ['string'], [text]));
      },
    },
  };
  function ccallNumbers(fn, ret, args) {
    if (!api.ready) throw new Error(NOT_READY);
    for (var i = 0; i < args.length; i++) {
      if (typeof args[i] !== 'number' || !isFinite(args[i])) throw new TypeError('proxinum.map: nombre attendu');
    }
    return Module.ccall(fn, ret, args.map(function () { return 'number'; }), args);
  }
  function call(fn, code) {
    if (!api.ready) throw new Error(NOT_READY);
    return Module.ccall(fn, 'number', ['string'], [String(code)]) === 1;
  }
  window.proxinum = api;

  Module.pxStarted = function (version) { api.version = version; };
  // The language chosen is remembered in this browser (French until another one is chosen).
  var LANG_KEY = 'proxinum.langue';
  Module.pxState = function (lens, lang) {
    var changed = lens !== api.lens || lang !== api.lang;
    if (lang === 'en') loadEnglish().catch(function (e) { console.warn('proxinum: ' + e.message); });
    api.lens = lens;
    if (api.ready && !embed && lang !== api.lang) { try { localStorage.setItem(LANG_KEY, lang); } catch (e) {} }
    api.lang = lang;
    document.documentElement.lang = lang;
    if (changed && api.ready) tellHost('proxinum:state');
  };

  var DISPLAY_KEY = 'proxinum.affichage';
  Module.pxDisplay = function (theme, size) {
    api.display = { theme: theme, textSize: Math.round(size * 100) / 100 };
    if (!embed) { try { localStorage.setItem(DISPLAY_KEY, JSON.stringify(api.display)); } catch (e) {} }
  };

  // Embed mode (embed.html, web/integrer.html): the URL chooses the lens, the territory, the
  // language and a catalog from the page's own site; nothing is stored; and, when `origine=`
  // names the host page's origin, a postMessage API for that origin alone.
  var embed = document.documentElement.hasAttribute('data-proxinum-embed');
  var hostOrigin = null;
  function embedParams() {
    var q = new URLSearchParams(location.search), p = {};
    var lens = q.get('lens');
    if (['carte', 'diagnostic', 'audit', 'territoire'].indexOf(lens) >= 0) p.lens = lens;
    var lang = q.get('lang');
    if (lang === 'fr' || lang === 'en') p.lang = lang;
    var t = q.get('territoire');
    if (t && /^([0-9][0-9AB][0-9]{3}|[0-9]{9})$/.test(t)) p.territory = t;
    var c = q.get('catalogue');
    if (c) p.catalog = c;
    var o = q.get('origine');
    if (o) {
      try {
        var u = new URL(o);
        if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin === o.replace(/\/$/, '')) p.origin = u.origin;
      } catch (e) {}
    }
    return p;
  }
  function startEmbed() {
    var p = embedParams();
    if (p.lang) api.setLang(p.lang);
    if (p.lens) api.setLens(p.lens);
    if (p.territory) Module.ccall('px_show_territory', 'string', ['string', 'number'], [p.territory, 1]);
    if (p.catalog) embedCatalog(p.catalog);
    if (p.origin && window.parent !== window) {
      hostOrigin = p.origin;
      window.addEventListener('message', onHostMessage);
      tellHost('proxinum:ready');
    }
  }
  // The catalog must come from the page's own site: any other address is refused before any
  // request is made, and said in the diagnostic's import box.
  function embedCatalog(address) {
    var url = null;
    try { url = new URL(address, location.href); } catch (e) {}
    var name = url ? (url.pathname.split('/').pop() || pageText('catalog_file')) : String(address);
    if (!url || url.origin !== location.origin || !/^https?:$/.test(url.protocol)) {
      Module.ccall('px_import_refused', null, ['number', 'string', 'string'],
                   [1, name, pageText('catalog_other_site', String(address).slice(0, 200))]);
      return;
    }
    fetch(url.href, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(name + ': ' + r.status);
      return r.arrayBuffer();
    }).then(function (b) { api.importFile(name, new Uint8Array(b)); })
      .catch(function (e) { Module.ccall('px_import_refused', null, ['number', 'string', 'string'], [1, name, String(e.message || e)]); });
  }
  function tellHost(type) {
    if (!hostOrigin) return;
    window.parent.postMessage({ type: type, version: api.version, lens: api.lens, lang: api.lang }, hostOrigin);
  }
  function onHostMessage(e) {
    if (e.source !== window.parent || e.origin !== hostOrigin) return;  // only the host page, only its origin
    var m = e.data;
    if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
    if (m.type === 'proxinum:setLens' && typeof m.lens === 'string') api.setLens(m.lens);
    else if (m.type === 'proxinum:setLang' && typeof m.lang === 'string') api.setLang(m.lang);
    else if (m.type === 'proxinum:showTerritory' && typeof m.code === 'string' && /^([0-9][0-9AB][0-9]{3}|[0-9]{9})$/.test(m.code)) {
      Module.ccall('px_show_territory', 'string', ['string', 'number'], [m.code, 0]);
    } else if (m.type === 'proxinum:flyTo' && typeof m.lon === 'number' && typeof m.lat === 'number' && typeof m.zoom === 'number') {
      api.map.flyTo(m.lon, m.lat, m.zoom);
    } else if (m.type === 'proxinum:getState') tellHost('proxinum:state');
  }
  // Autosave: the workspace is kept in this browser's localStorage (never sent anywhere), written
  // 0.8 s after the last change and at once when the page is hidden. Two slots, A and B, and a
  // pointer: the new text goes to the slot not in use and the pointer moves only once it is
  // written, so a crash or a full quota never leaves a half-written workspace — the previous one
  // stays. At start, a stored workspace that cannot be read is set aside under its own key
  // (never deleted), said in the status bar, and the other slot is tried.
  // Several named workspaces: each has its own two slots and pointer under its own prefix; the
  // first one keeps the original keys (proxinum.espace.a|b|actif). proxinum.espaces lists them
  // ([{id, name}]) and proxinum.espace.courant says which one is open.
  var INDEX = 'proxinum.espaces', CURRENT = 'proxinum.espace.courant';
  var current = '';
  function prefix(id) { return 'proxinum.espace.' + (id ? id + '.' : ''); }
  var KEY = prefix(''), ACTIVE = KEY + 'actif';
  function setCurrent(id) { current = id; KEY = prefix(id); ACTIVE = KEY + 'actif'; }
  var store = { saved: false, savedAt: null, restored: false, message: '', alert: false, aside: [] };
  var saveTimer = null, restoring = false;
  function storageStatus(message, alert) {
    store.message = message;
    store.alert = !!alert;
    Module.ccall('px_storage_status', null, ['string', 'number'], [message, alert ? 1 : 0]);
  }
  // A text of the page, from the message catalog (px_page_text), in the interface's language.
  function pageText(name, a, b) {
    return Module.ccall('px_page_text', 'string', ['string', 'string', 'string'], [name, a || '', b || '']);
  }
  function hhmm(d) { return ('0' + d.getHours()).slice(-2) + ':' + ('0' + d.getMinutes()).slice(-2); }
  function save() {
    if (saveTimer) { clearTimeout(saveTimer); saveTimer = null; }
    var text = Module.ccall('px_get_workspace', 'string', [], []);
    try {
      var next = localStorage.getItem(ACTIVE) === 'a' ? 'b' : 'a';
      localStorage.setItem(KEY + next, text);
      localStorage.setItem(ACTIVE, next);  // only now: the new text is complete
      store.saved = true;
      store.savedAt = new Date();
      storageStatus(pageText('saved_at', hhmm(store.savedAt)), false);
    } catch (e) {
      storageStatus(pageText('not_saved'), true);
    }
  }
  Module.pxChanged = function () {
    if (restoring || embed) return;  // embed.html stores nothing (web/integrer.html)
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 800);
  };
  function flush() { if (saveTimer) save(); }
  function workspaceList() {
    var list = null;
    try { list = JSON.parse(localStorage.getItem(INDEX)); } catch (e) {}
    if (!Array.isArray(list)) list = [];
    list = list.filter(function (w) { return w && typeof w.id === 'string' && /^(|e[0-9a-f]{8})$/.test(w.id) && typeof w.name === 'string'; });
    if (!list.some(function (w) { return w.id === ''; })) list.unshift({ id: '', name: pageText('my_workspace') });
    return list;
  }
  function writeList(list) {
    try { localStorage.setItem(INDEX, JSON.stringify(list)); return true; } catch (e) { return false; }
  }
  function publishWorkspaces() {
    Module.ccall('px_workspaces', null, ['string'], [JSON.stringify({ list: workspaceList(), current: current })]);
  }
  function cleanName(name) { return String(name || '').replace(/[\u0000-\u001f]/g, ' ').trim().slice(0, 80); }
  // Opens another named workspace: the open one is saved first, then the other one is read from its
  // own slots exactly as at start-up (an unreadable one is set aside and reported).
  function switchWorkspace(id) {
    if (embed || id === current || !workspaceList().some(function (w) { return w.id === id; })) return false;
    flush();
    setCurrent(id);
    try { localStorage.setItem(CURRENT, id); } catch (e) {}
    restoring = true;
    try { Module.ccall('px_new_workspace', null, [], []); } finally { restoring = false; }
    store.restored = false;
    store.aside = [];
    restore();
    publishWorkspaces();
    return true;
  }
  var workspaces = {
    // [{id, name, current}]: the workspaces kept in this browser.
    list: function () {
      return workspaceList().map(function (w) { return { id: w.id, name: w.name, current: w.id === current }; });
    },
    // A new, empty workspace named `name` (1 to 80 characters, not already used), opened at once.
    create: function (name) {
      var n = cleanName(name), list = workspaceList();
      if (embed || !n || list.some(function (w) { return w.name.toLowerCase() === n.toLowerCase(); })) return null;
      var id = 'e' + Array.prototype.map.call(crypto.getRandomValues(new Uint8Array(4)), function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
      list.push({ id: id, name: n });
      if (!writeList(list)) return null;
      switchWorkspace(id);
      save();
      return id;
    },
    open: function (id) { return switchWorkspace(String(id)); },
    rename: function (name) {
      var n = cleanName(name), list = workspaceList();
      if (embed || !n || list.some(function (w) { return w.id !== current && w.name.toLowerCase() === n.toLowerCase(); })) return false;
      list.forEach(function (w) { if (w.id === current) w.name = n; });
      var ok = writeList(list);
      publishWorkspaces();
      return ok;
    },
    // Deletes a workspace that is not the open one, nor the first (its slots and its name).
    remove: function (id) {
      var list = workspaceList();
      if (embed || !id || id === current || !list.some(function (w) { return w.id === id; })) return false;
      try { ['a', 'b', 'actif'].forEach(function (k) { localStorage.removeItem(prefix(id) + k); }); } catch (e) { return false; }
      var ok = writeList(list.filter(function (w) { return w.id !== id; }));
      publishWorkspaces();
      return ok;
    },
  };
  Module.pxWorkspaceOp = function (op, arg) {
    var list = workspaceList();
    if (op === 'open' && list[Number(arg)]) workspaces.open(list[Number(arg)].id);
    else if (op === 'create') workspaces.create(arg);
    else if (op === 'rename') workspaces.rename(arg);
    else if (op === 'remove' && list[Number(arg)]) workspaces.remove(list[Number(arg)].id);
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') flush(); });
  function restore() {
    var active, text;
    try { active = localStorage.getItem(ACTIVE); } catch (e) { return; }  // storage blocked: nothing to restore
    if (active !== 'a' && active !== 'b') return;
    var order = [active, active === 'a' ? 'b' : 'a'];
    restoring = true;
    try {
      for (var i = 0; i < order.length; i++) {
        text = localStorage.getItem(KEY + order[i]);
        if (text === null) continue;
        var r = api.loadWorkspace(text, pageText('saved_workspace'));
        if (r.ok) {
          store.restored = true;
          if (store.aside.length === 0) {
            storageStatus(pageText('restored'), false);
          }
          localStorage.setItem(ACTIVE, order[i]);
          return;
        }
        // Unreadable: keep it aside, whole, and say so; never drop it.
        var aside = KEY + 'ecarte.' + new Date().toISOString();
        try { localStorage.setItem(aside, text); localStorage.removeItem(KEY + order[i]); store.aside.push(aside); } catch (e) {}
        storageStatus(pageText('unreadable', r.errors[0].message, aside), true);
      }
    } finally {
      restoring = false;
    }
  }

  // The first picture is drawn. When the page starts in English (remembered, or embed.html's
  // lang=en), its texts are loaded first, so that nothing (a restored workspace's status, an
  // import refused) is worded in French; then the page is ready.
  Module.pxReady = function () {
    var lang = null;
    if (embed) lang = embedParams().lang || null;
    else { try { lang = localStorage.getItem(LANG_KEY); } catch (e) {} }
    if (lang === 'en') {
      loadEnglish().catch(function (e) { console.warn('proxinum: ' + e.message); }).then(function () { start(lang); });
    } else {
      start(lang);
    }
  };
  function start(lang) {
    api.ready = true;
    if (embed) {
      startEmbed();
    } else {
      var display = null;
      try { display = JSON.parse(localStorage.getItem(DISPLAY_KEY)); } catch (e) {}
      if ((lang === 'fr' || lang === 'en') && lang !== api.lang) api.setLang(lang);
      if (display && typeof display === 'object') api.setDisplay(display);
      var open = null;
      try { open = localStorage.getItem(CURRENT); } catch (e) {}
      if (open && workspaceList().some(function (w) { return w.id === open; })) setCurrent(open);
      restore();
      publishWorkspaces();
    }
    if (window.performance && performance.mark) performance.mark('proxinum-ready');  // tests/bench
    if (status) status.hidden = true;
    window.dispatchEvent(new CustomEvent('proxinum-ready', { detail: { version: api.version } }));
    loadTerritory().catch(function (e) { console.warn('proxinum: ' + e.message); });
  }
  Module.pxFatal = function (reason) {
    if (!status) return;
    status.hidden = false;
    status.setAttribute('role', 'alert');
    status.textContent = reason === 'webgl2'
      ? 'Proxinum a besoin de WebGL2, que ce navigateur ne fournit pas (ou qui est désactivé). ' +
        'Essayez une version récente de Firefox, Chrome, Edge ou Safari. / ' +
        'Proxinum needs WebGL2, which this browser does not provide (or has disabled).'
      : 'Proxinum n’a pas pu démarrer (' + reason + '). / Proxinum could not start.';
  };
  Module['onAbort'] = function (what) { Module.pxFatal('abort: ' + what); };

  // The web audit's data (Public Suffix List, entities, hints: core/audit/audit_data.h) is not
  // part of the first load: it is fetched from the page's own folder (audit.bin) the first time
  // a HAR is read, or inflated from proxinum.html, which carries it gzip-compressed in base64.
  // Bytes the page carries (proxinum.html: gzip-compressed in base64 in <script id>) or fetches
  // from its own folder, handed to the wasm side by `fn` (which answers "" or an error).
  function loadBlob(id, file, fn, init) {
    var embedded = document.getElementById(id);
    var bytes;
    if (embedded) {
      var text = atob(embedded.textContent.trim());
      var gz = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) gz[i] = text.charCodeAt(i);
      bytes = new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
    } else {
      bytes = fetch(file, init).then(function (r) {
        if (!r.ok) throw new Error(file + ': ' + r.status);
        return r.arrayBuffer();
      });
    }
    return bytes.then(function (buf) {
      var data = new Uint8Array(buf);
      var ptr = Module._malloc(Math.max(1, data.length));
      try {
        HEAPU8.set(data, ptr);
        var err = Module.ccall(fn, 'string', ['number', 'number'], [ptr, data.length]);
        if (err) throw new Error(err);
      } finally {
        Module._free(ptr);
      }
    });
  }
  // The English texts (messages-en.bin, 7 KB gzip) are not part of the first load: the wasm holds
  // the French ones, and these are fetched (or inflated from proxinum.html) once English is chosen;
  // until they arrive the interface stays in French.
  var english = null;
  function loadEnglish() {
    if (english) return english;
    // Revalidated, not taken from a stale cache: texts of another release would be refused.
    english = loadBlob('px-messages-en', 'messages-en.bin', 'px_messages_en', { cache: 'no-cache' });
    english.catch(function () { english = null; });  // a later try may succeed
    return english;
  }
  var auditData = null;
  function loadAuditData() {
    if (auditData) return auditData;
    auditData = loadBlob('px-audit', 'audit.bin', 'px_audit_data');
    auditData.catch(function () { auditData = null; });  // a later try may succeed
    return auditData;
  }
  // The territory grid's words (territoire.json, 24 KB gzip) are not part of the first load
  // either: they are loaded just after the first picture (Module.pxReady).
  var territoryTexts = null, territoryLoaded = false;
  function loadTerritory() {
    if (territoryTexts) return territoryTexts;
    territoryTexts = loadBlob('px-territory', 'territoire.json', 'px_territory_words')
      .then(function () { territoryLoaded = true; });
    territoryTexts.catch(function () { territoryTexts = null; });
    return territoryTexts;
  }
  function territoryCall(fn) {
    if (!territoryLoaded) throw new Error('proxinum: grille du territoire pas encore chargée (await proxinum.territory.load())');
    return readyCall(fn);
  }

  // A HAR is read from the file in pieces of 32 MiB and handed to the wasm reader in chunks of
  // 4 MiB; the page gets a turn (a frame, the progress bar, "Annuler") whenever 100 ms of work
  // have passed, so a 100 MB file never freezes it and is never held whole in memory.
  var PIECE = 32 << 20, CHUNK = 4 << 20, SLICE_MS = 100;
  var auditing = false;
  function auditHar(name, data) {
    if (!api.ready) throw new Error(NOT_READY);
    var blob = data instanceof Blob ? data
      : new Blob([typeof data === 'string' ? new TextEncoder().encode(data) : data]);
    if (auditing) {
      return Promise.resolve({ ok: false, errors: [{ message: pageText('har_busy') }] });
    }
    auditing = true;
    function finish() { return JSON.parse(Module.ccall('px_har_finish', 'string', [], [])); }
    var yieldAt = 0;
    function turn() {  // a task boundary: the browser draws a frame if one is due
      return new Promise(function (r) { setTimeout(r, 0); }).then(function () { yieldAt = performance.now() + SLICE_MS; });
    }
    return loadAuditData().then(function () {
      if (Module.ccall('px_har_begin', 'number', ['string', 'number'], [String(name), blob.size]) !== 1) return finish();
      var ptr = Module._malloc(CHUNK);
      var offset = 0;
      yieldAt = performance.now() + SLICE_MS;
      function done(r) { Module._free(ptr); return r; }
      function piece() {
        if (offset >= blob.size) return done(finish());
        return blob.slice(offset, offset + PIECE).arrayBuffer().then(function (buf) {
          var bytes = new Uint8Array(buf);
          var at = 0;
          function chunks() {
            while (at < bytes.length) {
              var part = bytes.subarray(at, Math.min(at + CHUNK, bytes.length));
              HEAPU8.set(part, ptr);  // HEAPU8 is re-bound by Emscripten when the memory grows
              var rc = Module.ccall('px_har_feed', 'number', ['number', 'number'], [ptr, part.length]);
              at += part.length;
              if (rc === -1) return done({ ok: false, cancelled: true, errors: [] });
              if (rc !== 1) return done(finish());
              if (performance.now() >= yieldAt) return turn().then(chunks);
            }
            offset += bytes.length;
            return piece();
          }
          return chunks();
        });
      }
      return piece();
    }).then(function (r) { auditing = false; return r; }, function (e) {
      auditing = false;
      return { ok: false, errors: [{ message: String(e && e.message || e) }] };
    });
  }

  function readyCall(fn) {
    if (!api.ready) throw new Error(NOT_READY);
    return Module.ccall(fn, 'string', [], []);
  }

  // Anonymous summaries into the observatory: each file whole or not at all, the others counted.
  // Accepts File/Blob objects or {name, bytes | text}. Resolves to {accepted, refused, aggregate}.
  function importSummaries(files) {
    if (!api.ready) return Promise.reject(new Error(NOT_READY));
    var list = Array.prototype.slice.call(files || []);
    var accepted = 0, refused = [];
    var reads = list.map(function (f) {
      if (f instanceof Blob) return f.arrayBuffer().then(function (b) { return { name: f.name || pageText('summary_file'), bytes: new Uint8Array(b) }; });
      var bytes = typeof f.text === 'string' ? new TextEncoder().encode(f.text)
        : f.bytes instanceof ArrayBuffer ? new Uint8Array(f.bytes) : f.bytes;
      return Promise.resolve({ name: String(f.name || pageText('summary_file')), bytes: bytes || new Uint8Array(0) });
    });
    return Promise.all(reads).then(function (items) {
      items.forEach(function (it) {
        var ptr = Module._malloc(Math.max(1, it.bytes.length));
        try {
          HEAPU8.set(it.bytes, ptr);
          var r = JSON.parse(Module.ccall('px_summary_add', 'string', ['string', 'number', 'number'], [it.name, ptr, it.bytes.length]));
          if (r.ok) accepted++;
          else refused.push({ file: it.name, message: r.errors[0].message });
        } finally {
          Module._free(ptr);
        }
      });
      var agg = Module.ccall('px_summaries_done', 'string', ['number', 'number'], [accepted, refused.length]);
      return { accepted: accepted, refused: refused, aggregate: agg === 'null' ? null : JSON.parse(agg) };
    });
  }
  // A workspace file (proxinum-workspace JSON), opened from the menu or dropped: all or nothing.
  function openWorkspace(name, bytes) {
    var text = new TextDecoder().decode(bytes);
    var r = api.loadWorkspace(text, name);
    if (!r.ok) Module.ccall('px_import_refused', null, ['number', 'string', 'string'], [0, name, r.errors[0].message]);
    return r;
  }
  // The browser's file picker; `then` receives the chosen files (read here, never sent anywhere).
  function pickFiles(accept, multiple, then) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.addEventListener('change', function () { if (input.files.length) then(input.files); });
    input.click();
  }
  Module.pxOpenWorkspace = function () {
    pickFiles('.json,application/json', false, function (files) {
      var f = files[0];
      f.arrayBuffer().then(function (b) { openWorkspace(f.name, new Uint8Array(b)); });
    });
  };
  Module.pxOpenSummaries = function () { pickFiles('.json,application/json', true, importSummaries); };
  // A file made by the app (a summary, the observatory's indicators), saved by the browser.
  Module.pxDownload = function (name, mime, text) {
    if (/^text\/csv/.test(mime) && text.charAt(0) !== '\uFEFF') text = '\uFEFF' + text;  // see observatory()
    var url = URL.createObjectURL(new Blob([text], { type: mime }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  };

  // The workspace menu's report (ui::ReportExport numbers): printed from a hidden frame, or saved.
  var REPORT_KINDS = ['', 'print', 'html', 'csv', 'json', 'geojson'];
  var REPORT_FILES = [null, null, ['rapport-proxinum', 'html', 'text/html;charset=utf-8'],
    ['rapport-proxinum', 'csv', 'text/csv;charset=utf-8'], ['resultats-proxinum', 'json', 'application/json'],
    ['carte-proxinum', 'geojson', 'application/geo+json']];
  function reportText(kind) {
    if (!api.ready) return Promise.reject(new Error(NOT_READY));
    var words = Module.ccall('px_report_needs_words', 'number', [], []) ? loadTerritory() : Promise.resolve();
    return Promise.all([words, api.languageLoaded()]).then(function () {
      var text = Module.ccall('px_report_document', 'string', ['number'], [kind]);
      return kind === 3 && text.charAt(0) !== '\uFEFF' ? '\uFEFF' + text : text;  // see observatory()
    });
  }
  function isoDay() {
    var d = new Date();
    return d.getFullYear() + '-' + ('0' + (d.getMonth() + 1)).slice(-2) + '-' + ('0' + d.getDate()).slice(-2);
  }
  Module.pxReport = function (kind) {
    reportText(kind).then(function (text) {
      if (kind !== 1) {
        var f = REPORT_FILES[kind];
        Module.pxDownload(f[0] + '-' + isoDay() + '.' + f[1], f[2], text);
        return;
      }
      var old = document.getElementById('px-print');
      if (old) old.remove();
      var frame = document.createElement('iframe');
      frame.id = 'px-print';
      frame.title = pageText('print_frame');
      frame.setAttribute('aria-hidden', 'true');
      frame.style.cssText = 'position:fixed;width:0;height:0;border:0;visibility:hidden';
      frame.addEventListener('load', function () { frame.contentWindow.focus(); frame.contentWindow.print(); });
      frame.srcdoc = text;
      document.body.appendChild(frame);
    });
  };
  // The accessible mirror (#px-mirror, an ARIA live region outside the canvas): the blocks whose
  // text changed are replaced, the others kept, so that a screen reader reads only what changed.
  // The HTML comes from core/report_doc.cpp, where every user string is escaped.
  Module.pxMirror = function (html) {
    var mirror = document.getElementById('px-mirror');
    if (!mirror) return;
    var t = document.createElement('template');
    t.innerHTML = html;
    var next = Array.prototype.slice.call(t.content.childNodes);
    for (var i = 0; i < next.length; i++) {
      var cur = mirror.childNodes[i];
      if (!cur) mirror.appendChild(next[i]);
      else if (!cur.isEqualNode(next[i])) mirror.replaceChild(next[i], cur);
    }
    while (mirror.childNodes.length > next.length) mirror.removeChild(mirror.lastChild);
  };

  // Files: the app's "Importer un catalogue…" and "Ouvrir un fichier HAR…" buttons open the file
  // picker, and a file dropped on the canvas goes the same way (.har to the web audit, anonymous
  // summaries — small JSON files whose format says so — to the observatory, a workspace file to
  // the workspace, anything else to the catalog import). Files are read here, in the page: they never leave the computer.
  // The outcome shows in the app's panel.
  function importFiles(files) {
    var summaries = [];
    var pending = [];
    for (var i = 0; i < files.length; i++) {
      (function (f) {
        if (/\.har$/i.test(f.name)) { auditHar(f.name, f); return; }
        pending.push(f.arrayBuffer().then(function (b) {
          var bytes = new Uint8Array(b);
          var head = new TextDecoder().decode(bytes.subarray(0, 4096));
          if (bytes.length <= 16384 && /"format"\s*:\s*"proxinum-summary"/.test(head)) summaries.push({ name: f.name, bytes: bytes });
          else if (/"format"\s*:\s*"proxinum-workspace"/.test(head)) openWorkspace(f.name, bytes);
          else api.importFile(f.name, bytes);
        }));
      })(files[i]);
    }
    Promise.all(pending).then(function () { if (summaries.length) importSummaries(summaries); });
  }
  Module.pxOpenHar = function () {
    pickFiles('.har,application/json', false, function (files) { auditHar(files[0].name, files[0]); });
  };
  Module.pxOpenCatalog = function () {
    pickFiles('.csv,.json,.geojson,text/csv,application/json,application/geo+json', true, importFiles);
  };
  document.addEventListener('dragover', function (e) {
    if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, 'Files') >= 0) e.preventDefault();
  });
  document.addEventListener('drop', function (e) {
    if (!api.ready || !e.dataTransfer || !e.dataTransfer.files.length) return;
    e.preventDefault();
    importFiles(e.dataTransfer.files);
  });

  // Touch: Emscripten's GLFW cannot read touches, so they are caught here first (document,
  // capture phase) and never reach it. One finger → ImGui's mouse (_px_touch_mouse); two
  // fingers → pinch zoom around their midpoint (_px_touch_pinch).
  var pinch = null;
  function local(t) {
    var rect = Module['canvas'].getBoundingClientRect();
    return { x: t.clientX - rect.left, y: t.clientY - rect.top };
  }
  function onTouch(e) {
    if (!api.ready || e.target !== Module['canvas']) return;
    e.preventDefault();
    e.stopPropagation();
    var ts = e.touches;
    if (ts.length >= 2) {
      var a = local(ts[0]), b = local(ts[1]);
      var d = Math.hypot(b.x - a.x, b.y - a.y), cx = (a.x + b.x) / 2, cy = (a.y + b.y) / 2;
      if (pinch && pinch.d > 0 && d > 0) Module._px_touch_pinch(cx, cy, d / pinch.d);
      if (!pinch) Module._px_touch_mouse(2, cx, cy);  // a second finger ends the one-finger drag
      pinch = { d: d };
      return;
    }
    if (pinch) {  // back to one finger (or none) after a pinch: start over
      pinch = null;
      if (ts.length === 1) { var q = local(ts[0]); Module._px_touch_mouse(1, q.x, q.y); }
      return;
    }
    var t = e.type === 'touchend' || e.type === 'touchcancel' ? e.changedTouches[0] : ts[0];
    if (!t) return;
    var p = local(t);
    Module._px_touch_mouse(e.type === 'touchstart' ? 0 : e.type === 'touchmove' ? 1 : 2, p.x, p.y);
  }
  ['touchstart', 'touchmove', 'touchend', 'touchcancel'].forEach(function (type) {
    document.addEventListener(type, onTouch, { capture: true, passive: false });
  });
})();
