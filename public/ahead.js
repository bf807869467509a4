// Runs first, from the head, before anything is painted:
// - a hash route (an old link: /#/targets/gdp?lang=en, index.html#/map,
//   an embed's #/embed/…) lands on its real page (/en/targets/gdp/); a
//   page kept only in the visitor's browser (an import's, imp1 …) stays a
//   hash route, which the app reads;
// - the theme a link asks for (?theme=dark|light) is shown at once and
//   kept for the visit (sessionStorage), as the app's switch does.
// The offline file has only hash routes: it keeps them.
(function () {
  'use strict';
  var root = document.documentElement;
  var offline = root.getAttribute('data-build') === 'offline';
  var hash = location.hash;
  // An import's code in a route (site::is_local; a test checks they agree).
  var LOCAL = /^\/*(?:embed\/+)?(?:targets|agencies|tasks|source)\/+imp[0-9]+(?:-[^\/?]*)?\/*(?:\?|$)/;
  // A route after the hash (#/map, #targets/gdp), not an anchor on the page
  // (#group-1, #statement-…).
  var ROUTE = /^#(?:\/|(?:targets|map|agencies|tasks|source|data|import|embed|renames)(?:[\/?]|$))/;
  if (!offline && ROUTE.test(hash)) {
    var h = hash.slice(1);
    if (!LOCAL.test(h)) {
      var q = h.indexOf('?');
      var path = (q < 0 ? h : h.slice(0, q)).replace(/^\/+|\/+$/g, '');
      var params = new URLSearchParams(q < 0 ? '' : h.slice(q + 1));
      var en = params.get('lang') === 'en';
      params.delete('lang');
      var rest = params.toString();
      var target = (en ? 'en/' : '') + (path ? path + '/' : '') + (rest ? '?' + rest : '');
      location.replace(new URL(target || './', document.baseURI).href);
      return;
    }
  }
  var search = new URLSearchParams(offline ? (hash.split('?')[1] || '') : location.search);
  // ?lang=en on a Chinese page: the English page.
  if (!offline && search.get('lang') === 'en' && root.lang !== 'en') {
    var here = (root.getAttribute('data-route') || '').replace(/^en\//, '');
    search.delete('lang');
    var s = search.toString();
    location.replace(new URL('en/' + here + (s ? '?' + s : ''), document.baseURI).href);
    return;
  }
  var KEY = 'cztplans:theme';
  var theme = search.get('theme');
  try {
    if (theme === 'dark' || theme === 'light') sessionStorage.setItem(KEY, theme);
    else theme = sessionStorage.getItem(KEY);
  } catch (e) { /* a page that keeps nothing */ }
  if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
})();
