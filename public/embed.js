// 长株潭规划图解 embed helper for host pages.
//
//   <iframe src="https://<site>/#/embed/targets/gdp" data-cztplans
//           title="…" width="100%" height="520" frameborder="0"></iframe>
//   <script src="https://<site>/embed.js" defer></script>
//
// Resizes each <iframe data-cztplans> to the height its page reports. It
// accepts a message only from that iframe's window and origin, and only of
// the shape {type: "cztplans:height", height: number}. It sets the height
// attribute (not a style), so a host CSP without 'unsafe-inline' is fine.
(function () {
  'use strict';
  var TYPE = 'cztplans:height';
  function originOf(frame) {
    try {
      return new URL(frame.getAttribute('src'), document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }
  window.addEventListener('message', function (ev) {
    var d = ev.data;
    if (!d || typeof d !== 'object' || d.type !== TYPE) return;
    var h = Number(d.height);
    if (!isFinite(h) || h < 50 || h > 20000) return;
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
