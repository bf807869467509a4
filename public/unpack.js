// The offline file's unpacker (the site does not use it). The file carries
// the app — its JavaScript, its wasm, the seed texts and the rest of the
// dataset — as one LZMA stream written in 7-bit text (see xtask/src/pack.rs),
// so that the single file stays small. This script runs once the static
// content is painted: it decodes the text, unpacks the stream into its parts
// (window.cztPacked: name → bytes) and starts the app's script, which the
// file's Content-Security-Policy allows by its hash.
(function () {
  'use strict';

  // Text → bytes. Each character below U+0080 carries 7 bits; the three
  // values the HTML parser would alter or end the script on (NUL, CR, '<')
  // are written as one two-byte character that also carries the next 7 bits.
  var UNSAFE = [0, 13, 60];
  function text7(text, n) {
    var out = new Uint8Array(n);
    var acc = 0, bits = 0, o = 0;
    function put(v) {
      acc = ((acc << 7) | v) & 0x7fff;
      bits += 7;
      if (bits >= 8) {
        bits -= 8;
        if (o < n) out[o++] = (acc >> bits) & 0xff;
      }
    }
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 0x80) { put(c); continue; }
      var k = c - 0x100, hi = k >> 7, lo = k & 0x7f;
      if (k < 0 || hi > 3 || (hi === 3 && lo > 2)) throw new Error('the packed app is damaged (character ' + i + ')');
      if (hi < 3) { put(UNSAFE[hi]); put(lo); } else put(UNSAFE[lo]);
    }
    if (o !== n) throw new Error('the packed app is cut short (' + o + ' of ' + n + ' bytes)');
    return out;
  }

  // An LZMA stream (the .lzma format: properties, dictionary size, size) →
  // its bytes. After Igor Pavlov's public-domain reference decoder
  // (LzmaSpec.cpp, in the LZMA SDK).
  function lzma(src) {
    var d = src[0];
    if (d >= 225) throw new Error('the packed app is damaged (LZMA properties)');
    var lc = d % 9, lp = ((d / 9) | 0) % 5, pb = (d / 45) | 0;
    var size = src[5] + src[6] * 0x100 + src[7] * 0x10000 + src[8] * 0x1000000 +
      (src[9] + src[10] * 0x100 + src[11] * 0x10000 + src[12] * 0x1000000) * 0x100000000;
    if (size > 0x40000000) throw new Error('the packed app is damaged (size)');
    var out = new Uint8Array(size);
    var ip = 13, op = 0;
    if (src[ip++] !== 0) throw new Error('the packed app is damaged (range coder)');
    var range = 0xffffffff, code = 0;
    for (var i = 0; i < 4; i++) code = code * 256 + src[ip++];

    // Every probability in one array, each model at its offset.
    var IS_MATCH = 0, IS_REP = 192, IS_REP_G0 = 204, IS_REP_G1 = 216, IS_REP_G2 = 228,
      IS_REP0_LONG = 240, POS_SLOT = 432, POS = 688, ALIGN = 803, LEN = 819, REP_LEN = 1333,
      LIT = 1847;
    var p = new Uint16Array(LIT + (0x300 << (lc + lp)));
    p.fill(1024);

    function bit(i) {
      var v = p[i], bound = (range >>> 11) * v;
      var b;
      if (code < bound) { range = bound; p[i] = v + ((2048 - v) >>> 5); b = 0; }
      else { range -= bound; code -= bound; p[i] = v - (v >>> 5); b = 1; }
      if (range < 0x1000000) { range = range * 256; code = code * 256 + src[ip++]; }
      return b;
    }
    function tree(base, n) {
      var m = 1;
      for (var j = 0; j < n; j++) m = (m << 1) + bit(base + m);
      return m - (1 << n);
    }
    function reverse(base, n) {
      var m = 1, s = 0;
      for (var j = 0; j < n; j++) { var b = bit(base + m); m = (m << 1) + b; s |= b << j; }
      return s;
    }
    function direct(n) {
      var r = 0;
      while (n-- > 0) {
        range = range >>> 1;
        var b = code >= range ? 1 : 0;
        if (b) code -= range;
        r = r * 2 + b;
        if (range < 0x1000000) { range = range * 256; code = code * 256 + src[ip++]; }
      }
      return r;
    }
    // A length model: choice, choice 2, low (16 × 8), mid (16 × 8), high (256).
    function length(base, posState) {
      if (bit(base) === 0) return tree(base + 2 + posState * 8, 3);
      if (bit(base + 1) === 0) return 8 + tree(base + 130 + posState * 8, 3);
      return 16 + tree(base + 258, 8);
    }

    var state = 0, rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0;
    var pbMask = (1 << pb) - 1, lpMask = (1 << lp) - 1;
    while (op < size) {
      var posState = op & pbMask;
      if (bit(IS_MATCH + (state << 4) + posState) === 0) {
        var prev = op > 0 ? out[op - 1] : 0;
        var base = LIT + 0x300 * (((op & lpMask) << lc) + (prev >> (8 - lc)));
        var s = 1;
        if (state >= 7) {
          var match = out[op - rep0 - 1];
          while (s < 0x100) {
            var mb = (match >> 7) & 1;
            match <<= 1;
            var b = bit(base + ((1 + mb) << 8) + s);
            s = (s << 1) | b;
            if (mb !== b) break;
          }
        }
        while (s < 0x100) s = (s << 1) | bit(base + s);
        out[op++] = s - 0x100;
        state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
        continue;
      }
      var len;
      if (bit(IS_REP + state) !== 0) {
        if (op === 0) throw new Error('the packed app is damaged (LZMA data)');
        if (bit(IS_REP_G0 + state) === 0) {
          if (bit(IS_REP0_LONG + (state << 4) + posState) === 0) {
            state = state < 7 ? 9 : 11;
            out[op] = out[op - rep0 - 1];
            op++;
            continue;
          }
        } else {
          var dist;
          if (bit(IS_REP_G1 + state) === 0) dist = rep1;
          else {
            if (bit(IS_REP_G2 + state) === 0) dist = rep2;
            else { dist = rep3; rep3 = rep2; }
            rep2 = rep1;
          }
          rep1 = rep0;
          rep0 = dist;
        }
        len = length(REP_LEN, posState);
        state = state < 7 ? 8 : 11;
      } else {
        rep3 = rep2; rep2 = rep1; rep1 = rep0;
        len = length(LEN, posState);
        state = state < 7 ? 7 : 10;
        var slot = tree(POS_SLOT + (len < 3 ? len : 3) * 64, 6);
        if (slot < 4) rep0 = slot;
        else {
          var nd = (slot >> 1) - 1;
          var dd = (2 | (slot & 1)) * Math.pow(2, nd);
          if (slot < 14) dd += reverse(POS + dd - slot, nd);
          else dd += direct(nd - 4) * 16 + reverse(ALIGN, 4);
          rep0 = dd;
        }
        if (rep0 === 0xffffffff) break; // the end marker
        if (rep0 >= op) throw new Error('the packed app is damaged (LZMA distance)');
      }
      len += 2;
      if (len > size - op) throw new Error('the packed app is damaged (LZMA length)');
      var from = op - rep0 - 1;
      while (len-- > 0) out[op++] = out[from++];
    }
    if (op !== size || ip > src.length) throw new Error('the packed app is cut short');
    return out;
  }

  // For the tests (node): the decoders alone.
  if (typeof module === 'object' && module.exports) {
    module.exports = { text7: text7, lzma: lzma };
    return;
  }

  function fail(err) {
    var detail = document.getElementById('fatal-detail');
    if (detail) detail.textContent = String((err && err.stack) || err);
    var f = document.getElementById('fatal');
    if (f) f.hidden = false;
    var loading = document.getElementById('loading');
    if (loading) loading.hidden = true;
    document.documentElement.setAttribute('data-app', 'error');
  }

  function unpack() {
    var el = document.getElementById('pack');
    // "name size name size …": the parts, in order.
    var list = el.getAttribute('data-parts').split(' ');
    var bytes = lzma(text7(el.textContent, Number(el.getAttribute('data-bytes'))));
    var parts = {}, at = 0;
    for (var i = 0; i + 1 < list.length; i += 2) {
      var n = Number(list[i + 1]);
      parts[list[i]] = bytes.subarray(at, at + n);
      at += n;
    }
    if (at !== bytes.length) throw new Error('the packed app is damaged (parts)');
    window.cztPacked = parts;
    el.textContent = ''; // its text is no longer needed
    var script = document.createElement('script');
    script.type = 'module';
    script.textContent = new TextDecoder().decode(parts['boot.js']);
    document.body.appendChild(script);
  }

  // Paint the static content first, then take the main thread.
  requestAnimationFrame(function () {
    setTimeout(function () {
      try { unpack(); } catch (e) { fail(e); }
    }, 0);
  });
})();
