// The first screen, before the app's WebAssembly runs (index.html has the static header and a
// loading line). This classic script, loaded from our own origin (no inline script under the
// Content-Security-Policy), puts that screen in the reader's language and, if the app cannot
// start, says why: no WebAssembly in this browser, or the app's files failed to load or run.
// The app removes the whole #boot screen when it mounts (src/browser/page.rs).
(function () {
  'use strict';
  var TEXT = {
    'en': {
      app: 'Report Explorer',
      loading: 'Loading Report Explorer…',
      noWasm: 'Report Explorer cannot start in this browser: it needs WebAssembly, which this browser does not offer or has turned off. Please open this page in a current version of Chrome, Edge, Firefox or Safari.',
      failed: 'Report Explorer could not start: its program did not load or did not run (the connection may have dropped, or something blocked the file). Reload the page to try again.'
    },
    'zh-Hans': {
      app: '报告浏览器',
      loading: '正在加载报告浏览器…',
      noWasm: '报告浏览器无法在此浏览器中启动：它需要 WebAssembly，而此浏览器不支持或已将其关闭。请用新版 Chrome、Edge、Firefox 或 Safari 打开本页。',
      failed: '报告浏览器未能启动：程序没有加载成功或无法运行（可能是网络中断，或文件被拦截）。请重新加载页面再试。'
    },
    'zh-Hant': {
      app: '報告瀏覽器',
      loading: '正在載入報告瀏覽器…',
      noWasm: '報告瀏覽器無法在此瀏覽器中啟動：它需要 WebAssembly，而此瀏覽器不支援或已將其關閉。請用新版 Chrome、Edge、Firefox 或 Safari 開啟本頁。',
      failed: '報告瀏覽器未能啟動：程式沒有載入成功或無法執行（可能是網路中斷，或檔案被攔截）。請重新載入頁面再試。'
    }
  };

  // The same order as the app: the link's language, the kept one, then the browser's.
  function locale(tag) {
    var t = String(tag || '').toLowerCase();
    if (t === 'en' || t.indexOf('en-') === 0) return 'en';
    if (t.indexOf('zh-hant') === 0 || t === 'zh-tw' || t === 'zh-hk' || t === 'zh-mo') return 'zh-Hant';
    if (t === 'zh' || t.indexOf('zh-') === 0) return 'zh-Hans';
    return null;
  }
  function pick() {
    var m = /[?&]l=([^&#]*)/.exec(location.search);
    var fromLink = m && locale(decodeURIComponent(m[1]));
    if (fromLink) return fromLink;
    try {
      var kept = locale(localStorage.getItem('report-explorer.lang'));
      if (kept) return kept;
    } catch (e) { /* storage refused: not kept */ }
    var langs = (navigator.languages || []).concat([navigator.language]);
    for (var i = 0; i < langs.length; i++) {
      var l = locale(langs[i]);
      if (l) return l;
    }
    return 'en';
  }

  var lang = pick();
  var text = TEXT[lang];
  var root = document.documentElement;
  root.lang = lang;
  root.classList.add('js');
  // The link's parameters, keys and values decoded as the app decodes them
  // (src/domain/share.rs: %XX, + as a space); one that does not decode is null (the app skips it).
  function linkParams(search) {
    var out = [];
    var params = search.replace(/^\?/, '').split('&');
    for (var i = 0; i < params.length; i++) {
      if (!params[i]) continue;
      var eq = params[i].indexOf('=');
      try {
        out.push({
          key: decodeURIComponent((eq < 0 ? params[i] : params[i].slice(0, eq)).replace(/\+/g, ' ')),
          value: eq < 0 ? '' : decodeURIComponent(params[i].slice(eq + 1).replace(/\+/g, ' '))
        });
      } catch (e) { out.push(null); }
    }
    return out;
  }
  // A link that names a report opens it: the library's first screen is not shown.
  function opensReport(search) {
    var params = linkParams(search);
    for (var i = 0; i < params.length; i++) {
      if (params[i] && params[i].key === 'r' && params[i].value) return true;
    }
    return false;
  }
  if (opensReport(location.search)) root.classList.add('opens-report');

  // A link that opens a report as published (its id, maybe its language, the overview or the
  // Monte Carlo's settings named; no scenario and no other view) shows the report's first screen
  // drawn at build time (scripts/first-screens.mjs), in the reader's language and the app's
  // layout for this width, while the program downloads. The app mounts behind it and takes the
  // page over once it has drawn the report itself (src/ui/first_screen.rs). No screen (a report
  // added without one, the single file opened from disk): the loading line, as before.
  function publishedReport(search) {
    var link = { id: null, mc: {} };
    var params = linkParams(search);
    for (var i = 0; i < params.length; i++) {
      var p = params[i];
      if (!p) return null;
      if (p.key === 'r' && p.value && link.id === null) link.id = p.value;
      else if (p.key === 'l' || (p.key === 'v' && p.value === 'overview')) continue;
      // The Monte Carlo's settings (the app's own links carry them): not on the overview, but
      // the screen's links must carry the same (checked once it is here).
      else if (/^[snwt]$/.test(p.key) && /^\d+(\.\d+)?$/.test(p.value)) link.mc[p.key] = p.value;
      else return null;
    }
    return link.id === null ? null : link;
  }
  // The screens the build drew, as `id:hash` (the report file's content hash each was drawn
  // from, scripts/postbuild.mjs): a screen left on a host from an older file is not shown.
  function drawnHash(id) {
    var meta = document.querySelector('meta[name="report-explorer:first-screens"]');
    var pairs = meta ? meta.getAttribute('content').split(' ') : [];
    for (var i = 0; i < pairs.length; i++) {
      var colon = pairs[i].lastIndexOf(':');
      if (colon > 0 && pairs[i].slice(0, colon) === id) return pairs[i].slice(colon + 1);
    }
    return null;
  }
  // Until the first screen has painted (or is known not to come), the program waits (the
  // module loader, scripts/split-assets.mjs, listens for 'report-explorer:first-screen'): its
  // download would hold the screen's small file back on a slow link. The loading line waits
  // too, unseen in its place, so the screen going in above it moves nothing already painted.
  // At most 3 s: then the loading line shows, the program starts, and a late screen stays out.
  function settleFirstScreen() {
    if (!root.classList.contains('first-screen-pending')) return;
    root.classList.remove('first-screen-pending');
    dispatchEvent(new Event('report-explorer:first-screen'));
  }
  // The screen's links (its tabs) carry the link's Monte Carlo settings, or it is not shown.
  function sameSettings(article, mc) {
    var tab = article.querySelector('a[role="tab"][href^="?"]');
    var parts = tab ? tab.getAttribute('href').slice(1).split('&') : [];
    var own = {};
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (eq > 0) own[parts[i].slice(0, eq)] = parts[i].slice(eq + 1);
    }
    for (var key in mc) if (own[key] !== mc[key]) return false;
    return true;
  }
  function showFirstScreen(link, hash, html) {
    var boot = document.getElementById('boot');
    var main = boot && boot.querySelector('main');
    // Not once the app has mounted (it removes #boot), cannot start, or after 3 s.
    if (!main || problem || started || !root.classList.contains('first-screen-pending')) return settleFirstScreen();
    var article = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild;
    if (!article || article.tagName !== 'ARTICLE' || article.getAttribute('data-first-report') !== link.id
      || article.getAttribute('data-first-hash') !== hash || !sameSettings(article, link.mc)
      || article.querySelector('script, iframe, object, embed, meta, link, base, form, style')) return settleFirstScreen();
    main.insertBefore(document.importNode(article, true), main.firstChild);
    root.classList.add('first-screen');
    // Painted: the message posted from the next frame's callback runs after that frame. A
    // hidden tab paints nothing: at once.
    if (document.visibilityState !== 'visible' || typeof requestAnimationFrame !== 'function') return settleFirstScreen();
    requestAnimationFrame(function () { setTimeout(settleFirstScreen, 0); });
  }
  var firstLink = /^https?:$/.test(location.protocol) ? publishedReport(location.search) : null;
  var firstHash = firstLink && drawnHash(firstLink.id);
  if (firstHash && typeof fetch === 'function' && typeof DOMParser === 'function') {
    root.classList.add('first-screen-pending');
    setTimeout(settleFirstScreen, 3000);
    var layout = (window.innerWidth || document.documentElement.clientWidth) < 640 ? 'narrow' : 'wide';
    fetch('reports/first/' + encodeURIComponent(firstLink.id) + '.' + lang + '.' + layout + '.html')
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return settleFirstScreen();
        // As soon as the page is parsed: 'interactive' comes before the deferred program's
        // scripts run (DOMContentLoaded waits for them).
        if (document.readyState === 'loading') {
          document.addEventListener('readystatechange', function once() {
            document.removeEventListener('readystatechange', once);
            showFirstScreen(firstLink, firstHash, html);
          });
        } else {
          showFirstScreen(firstLink, firstHash, html);
        }
      })
      .catch(settleFirstScreen); // none: the loading line, and the program starts
  }

  // The kept theme and type size too, as the app will apply them (src/browser/prefs.rs): no
  // flash of the other theme, no jump in the header's height.
  try {
    var theme = localStorage.getItem('report-explorer.theme');
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
    if (localStorage.getItem('report-explorer.large-type') === '1') root.setAttribute('data-type', 'large');
  } catch (e) { /* storage refused: the defaults */ }

  var problem = null;
  var started = false;
  function render() {
    var brand = document.getElementById('boot-brand');
    var status = document.getElementById('boot-status');
    if (!brand || !status) return;
    brand.textContent = text.app;
    if (problem) {
      // The app will not come: what the library's first screen describes is not there.
      root.classList.add('cannot-start');
      status.textContent = text[problem];
      status.className = 'notice error boot-failed';
      status.setAttribute('role', 'alert');
      status.setAttribute('data-problem', problem);
    } else {
      status.textContent = text.loading;
    }
  }
  function fail(kind) {
    // After the program has started, only while a first screen stands in front of the app
    // (hidden behind it, it would never show): that screen gives way to the reason.
    if (problem || (started && !root.classList.contains('first-screen'))) return;
    problem = kind;
    settleFirstScreen();
    render();
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', render);
  } else {
    render();
  }

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail('noWasm');
    return;
  }
  // A Chinese interface's texts are a chunk of the program that the app fetches as it starts
  // (English is in the main module). The build names that chunk's files here
  // (scripts/split-assets.mjs), so they download as the page loads instead of after the program; the
  // app's own fetch takes the preloaded answer, and says what went wrong if there is none.
  var texts = document.querySelector('meta[name="report-explorer:texts-' + lang + '"]');
  var files = texts ? texts.getAttribute('content').split(' ') : [];
  function preload(href, type, integrity) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    if (type) link.type = type;
    if (integrity) link.integrity = integrity;
    link.href = href;
    document.head.appendChild(link);
  }
  for (var f = 0; f < files.length; f++) {
    if (files[f]) preload(files[f]);
  }

  // The program: a link that opens a report draws its first screen with it, so it downloads
  // at once, beside the page's files. A library visit's first screen is in the page, and so is
  // a report's drawn at build time; there the module loader asks for the program once that
  // screen has painted (scripts/split-assets.mjs).
  var program = document.querySelector('meta[name="report-explorer:program"]');
  if (program && opensReport(location.search) && !root.classList.contains('first-screen-pending')) {
    preload(program.getAttribute('content'), 'application/wasm', program.getAttribute('data-integrity'));
  }

  addEventListener('TrunkApplicationStarted', function () { started = true; });
  // Before the app has started: its script or WebAssembly failing to load (a resource error
  // on a <script> or preload <link>), or failing to run (an uncaught error or rejection). A
  // data file preloaded for the app (the catalogue) is not the program: the app itself says
  // what went wrong with it.
  function isProgram(link) {
    return /preload/i.test(link.rel) && (link.as !== 'fetch' || link.type === 'application/wasm');
  }
  // After the start, only the program stopping (a panic is a WebAssembly trap) counts, and only
  // while a first screen stands in front of the app (see fail).
  function trap(x) {
    return typeof WebAssembly === 'object' && typeof WebAssembly.RuntimeError === 'function' && x instanceof WebAssembly.RuntimeError;
  }
  addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && t.tagName) {
      if (t.tagName === 'SCRIPT' || (t.tagName === 'LINK' && isProgram(t))) fail('failed');
      return;
    }
    if (!started || trap(e.error)) fail('failed');
  }, true);
  addEventListener('unhandledrejection', function (e) { if (!started || trap(e.reason)) fail('failed'); });
})();
