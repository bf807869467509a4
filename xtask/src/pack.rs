//! How the single offline file carries the app: its parts (the app's
//! script, its wasm, the seed texts, the rest of the dataset) in one LZMA
//! stream, written as 7-bit text. `public/unpack.js` reverses both steps in
//! the browser.
//!
//! Why not gzip and base64 (what the file used before, decoded by the
//! browser's own DecompressionStream): LZMA packs the wasm a quarter smaller
//! than gzip, one stream lets the parts share their repeats (the quotes are
//! in the wasm, the seeds and the dataset), and 7 bits a character cost an
//! eighth where base64 costs a third. The file went from 810 KB to under
//! 500 KB; the price is a decoder in JavaScript (a few KB) and some 70–100 ms
//! of decoding before the app starts.

use lzma_rust2::{LzmaOptions, LzmaWriter};
use std::io::Write;

use crate::Result;

/// The values a character below U+0080 cannot carry inside a `<script>`
/// element: NUL (the parser replaces it), CR (newlines are normalised) and
/// `<` (it could close the element). `unpack.js` has the same list.
pub const UNSAFE: [u8; 3] = [0, 13, b'<'];

/// Bytes → LZMA (the .lzma format, its size in the header, no end marker).
pub fn lzma(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut options = LzmaOptions::with_preset(9);
    options.nice_len = LzmaOptions::NICE_LEN_MAX;
    options.dict_size = options
        .dict_size
        .max(bytes.len().next_power_of_two() as u32);
    // Measured on the pack: lc 4, pb 0 (byte-aligned code and text) is
    // about 1 KB smaller than the defaults (lc 3, pb 2).
    options.lc = 4;
    options.pb = 0;
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let mut w = LzmaWriter::new_use_header(&mut out, &options, Some(bytes.len() as u64))
        .map_err(|e| format!("lzma: {e}"))?;
    w.write_all(bytes).map_err(|e| format!("lzma: {e}"))?;
    w.finish().map_err(|e| format!("lzma: {e}"))?;
    Ok(out)
}

/// Bytes → text of 7-bit groups, most significant bit first: a safe group
/// is its own character; an unsafe one is a two-byte character (U+0100 +
/// 128 × its index + the next group), or, when it is the last group,
/// U+0280 + its index.
pub fn text7(bytes: &[u8]) -> String {
    let groups = (bytes.len() * 8).div_ceil(7);
    let group = |g: usize| -> u8 {
        let bit = g * 7;
        let (i, shift) = (bit / 8, bit % 8);
        let hi = u16::from(bytes[i]) << 8 | u16::from(*bytes.get(i + 1).unwrap_or(&0));
        ((hi << shift) >> 9) as u8 & 0x7f
    };
    let mut out = String::with_capacity(groups + groups / 32);
    let mut g = 0;
    while g < groups {
        let v = group(g);
        g += 1;
        match UNSAFE.iter().position(|&u| u == v) {
            None => out.push(char::from(v)),
            Some(idx) if g < groups => {
                let next = group(g);
                g += 1;
                out.push(char::from_u32(0x100 + 0x80 * idx as u32 + u32::from(next)).unwrap());
            }
            Some(idx) => out.push(char::from_u32(0x280 + idx as u32).unwrap()),
        }
    }
    out
}

/// One named part of the pack.
pub struct Part<'a> {
    pub name: String,
    pub bytes: &'a [u8],
}

/// The element that carries the parts: `data-parts` lists "name size …" in
/// order, `data-bytes` is the size of the LZMA stream.
pub fn element(parts: &[Part]) -> Result<String> {
    let mut all = Vec::new();
    let mut list = Vec::new();
    for p in parts {
        if p.name.contains([' ', '"', '&', '<']) {
            return Err(format!("pack: part name {:?}", p.name));
        }
        all.extend_from_slice(p.bytes);
        list.push(format!("{} {}", p.name, p.bytes.len()));
    }
    let packed = lzma(&all)?;
    Ok(format!(
        "<script type=\"application/octet-stream\" id=\"pack\" data-parts=\"{}\" data-bytes=\"{}\">{}</script>",
        list.join(" "),
        packed.len(),
        text7(&packed)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decoder, as unpack.js has it (the browser tests run the real one
    /// on the real file).
    fn untext7(text: &str, n: usize) -> Vec<u8> {
        let (mut acc, mut bits, mut out) = (0u32, 0u32, Vec::new());
        let mut put = |v: u32, out: &mut Vec<u8>| {
            acc = ((acc << 7) | v) & 0x7fff;
            bits += 7;
            if bits >= 8 {
                bits -= 8;
                if out.len() < n {
                    out.push((acc >> bits) as u8);
                }
            }
        };
        for c in text.chars() {
            let c = c as u32;
            if c < 0x80 {
                put(c, &mut out);
                continue;
            }
            let k = c - 0x100;
            let (hi, lo) = (k >> 7, k & 0x7f);
            if hi < 3 {
                put(u32::from(UNSAFE[hi as usize]), &mut out);
                put(lo, &mut out);
            } else {
                put(u32::from(UNSAFE[lo as usize]), &mut out);
            }
        }
        out
    }

    #[test]
    fn text7_round_trips_and_never_writes_an_unsafe_character() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in (0..300).chain([4096, 65_537]) {
            let bytes: Vec<u8> = (0..len)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    // Runs of the unsafe values, and of zeros, too.
                    match i % 97 {
                        0..=9 => 0,
                        10..=19 => b'<',
                        _ => seed as u8,
                    }
                })
                .collect();
            let text = text7(&bytes);
            assert!(!text.contains(['\0', '\r', '<']), "len {len}");
            assert!(text
                .chars()
                .all(|c| (c as u32) < 0x80 || (0x100..0x283).contains(&(c as u32))));
            assert_eq!(untext7(&text, bytes.len()), bytes, "len {len}");
            // About 8/7 of the bytes.
            assert!(text.len() <= bytes.len() * 8 / 7 + 2, "len {len}");
        }
    }

    #[test]
    fn lzma_writes_its_size_and_packs_repeats() {
        let bytes = b"\xe9\x95\xbf\xe6\xa0\xaa\xe6\xbd\xad ".repeat(1000);
        let packed = lzma(&bytes).unwrap();
        assert_eq!(
            u64::from_le_bytes(packed[5..13].try_into().unwrap()),
            bytes.len() as u64
        );
        assert!(packed.len() < 200, "{}", packed.len());
    }
}
