// Runs first, from the head, before the app:
// - it shows the page of the route the site was opened on as the build
//   rendered it (pre/<lang>/<path>.html), while the app loads; the app
//   replaces it when it runs. Routes with filters or other parameters have
//   no such page; the offline file has none (it carries its own static
//   content);
// - it picks the build of the app the route needs, for boot.js
//   (window.cztLite), and preloads it once the page's own request is out: a
//   chart route (the targets, a target's embed) gets the light build
//   (app_lite), any other route the whole app.
(function () {
  'use strict';
  var root = document.documentElement;
  var raw = location.hash.replace(/^#/, '');
  var q = raw.indexOf('?');
  var path = q < 0 ? raw : raw.slice(0, q);
  var params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  // The theme a link asks for, before anything is painted (the app keeps
  // it in step after).
  var theme = params.get('theme');
  if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
  if (root.getAttribute('data-build') === 'offline') return;

  var lite = /^\/*(embed\/+)?targets(\/|$)/.test(path);
  window.cztLite = lite;
  showAhead();
  preload(lite ? 'app_lite' : 'app');

  function preload(name) {
    var js = document.createElement('link');
    js.rel = 'modulepreload';
    js.href = name + '.js';
    document.head.appendChild(js);
    var wasm = document.createElement('link');
    wasm.rel = 'preload';
    wasm.as = 'fetch';
    wasm.type = 'application/wasm';
    wasm.crossOrigin = 'anonymous';
    wasm.href = name + '_bg.wasm';
    document.head.appendChild(wasm);
  }

  function showAhead() {
    var lang = params.get('lang') === 'en' ? 'en' : 'zh';
    params.delete('lang');
    params.delete('theme');
    if (Array.from(params.keys()).length) return;
    var clean;
    try {
      clean = decodeURIComponent(path).replace(/^\/+|\/+$/g, '');
    } catch (e) {
      return;
    }
    // The routes rendered ahead are listed in the page (no request goes out
    // for one that has none).
    var meta = document.querySelector('meta[name="cztplans-ahead"]');
    var names = meta ? meta.getAttribute('content').split(' ') : [];
    var name = clean || 'index';
    if (names.indexOf(name) < 0) return;
    // The app waits for this (boot.js, at most a moment) so that the page is
    // on screen before the app's start-up takes the main thread.
    window.cztAhead = fetch('pre/' + lang + '/' + name + '.html', { priority: 'high' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        // Not once the app runs (it replaced #app); still when it failed to load.
        if (!html || root.getAttribute('data-app') === 'ready') return;
        var slot = document.createElement('div');
        slot.setAttribute('data-prerendered', '');
        slot.innerHTML = html;
        var app = document.getElementById('app');
        if (!app) return;
        app.appendChild(slot);
        var loading = document.getElementById('loading');
        if (loading) loading.hidden = true;
        root.lang = lang === 'en' ? 'en' : 'zh-CN';
        // Resolve once it has been painted.
        return new Promise(function (done) {
          requestAnimationFrame(function () { setTimeout(done, 0); });
        });
      })
      .catch(function () {});
  }
})();
