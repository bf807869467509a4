// 长株潭规划图解 embed helper for host pages.
//
//   <iframe src="https://<site>/#/embed/targets/gdp" data-cztplans
//           title="…" width="100%" height="520" frameborder="0"></iframe>
//   <script src="https://<site>/embed.js" defer></script>
//
// Resizes each <iframe data-cztplans> to the height its page reports. It
// accepts a message only from that iframe's window and origin, and only of
// the shape {type: "cztplans:height", height: number} with 50 ≤ height ≤ 20000;
// it asks each frame for its height ({type: "cztplans:ask"}) when it starts. It sets the height
// attribute (not a style), so a host CSP without 'unsafe-inline' is fine.
(function () {
  'use strict';
  var TYPE = 'cztplans:height';
  var MIN = 50;
  var MAX = 20000;
  function originOf(frame) {
    try {
      return new URL(frame.getAttribute('src'), document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }
  // A frame may have reported its height before this script ran (a
  // deferred script, a cached frame): ask each one, now and when it loads.
  function ask(f) {
    var origin = originOf(f);
    if (!origin || origin === 'null' || !f.contentWindow) return;
    try {
      f.contentWindow.postMessage({ type: 'cztplans:ask' }, origin);
    } catch (e) { /* not loaded yet: it reports by itself */ }
  }
  var all = document.querySelectorAll('iframe[data-cztplans]');
  for (var j = 0; j < all.length; j++) {
    ask(all[j]);
    all[j].addEventListener('load', function (ev) { ask(ev.target); });
  }
  window.addEventListener('message', function (ev) {
    var d = ev.data;
    if (!d || typeof d !== 'object' || d.type !== TYPE) return;
    // Only a finite number in a sane range: no strings, arrays or objects.
    var h = d.height;
    if (typeof h !== 'number' || !isFinite(h) || h < MIN || h > MAX) return;
    var frames = document.querySelectorAll('iframe[data-cztplans]');
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow === ev.source && ev.origin === originOf(f)) {
        f.setAttribute('height', String(Math.ceil(h)));
        f.setAttribute('data-cztplans-sized', 'true');
      }
    }
  });
})();
