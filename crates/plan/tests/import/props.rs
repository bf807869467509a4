//! Properties: `import` never panics on arbitrary bytes, arbitrary Unicode
//! or mutated seeds, and its work grows linearly with its input.

use plan::import::{import, ImportOptions};
use proptest::prelude::*;

fn any_import(name: &str, bytes: &[u8]) {
    let _ = import(name, bytes, &ImportOptions::default());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000), ext in "(txt|csv|html|docx|xlsx|)") {
        any_import(&format!("x.{ext}"), &bytes);
    }

    #[test]
    fn arbitrary_unicode(s in "\\PC{0,600}") {
        any_import("x.txt", s.as_bytes());
    }

    #[test]
    fn arbitrary_unicode_as_html(s in "\\PC{0,600}") {
        any_import("x.html", s.as_bytes());
    }

    /// Markup with references and wide characters: any byte window over it
    /// (an entity's, a tag's) may end inside a character.
    #[test]
    fn markup_like_unicode(s in "(&|;|#|x|<|>|<p>|</td>|<br>|amp|nbsp|[a-z0-9]|中|文|，|\n){0,200}") {
        any_import("x.html", s.as_bytes());
        any_import("x.txt", format!("<html><body>{s}</body></html>").as_bytes());
    }

    #[test]
    fn plan_like_unicode(s in "([一二三]、|（[一二]）|[0-9１２]{1,2}[．.、﹒]|牵头单位：|配合单位：|省[发财科]厅|、|，|（|）|\n|\t|  |到2025年|达到|[0-9.]{1,4}%|以上|左右|列第一位者为牵头单位|各市州|等){0,80}") {
        any_import("x.txt", s.as_bytes());
    }

    #[test]
    fn mutated_seeds(seed in 0usize..5, cuts in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..20)) {
        let mut bytes = plan::seeds::SEEDS[seed].1.as_bytes().to_vec();
        for (at, b) in cuts {
            let at = at % bytes.len();
            match b % 3 {
                0 => bytes[at] = b,
                1 => { bytes.remove(at); }
                _ => bytes.insert(at, b),
            }
        }
        any_import("x.txt", &bytes);
        any_import("x.csv", &bytes);
    }
}

/// Linear time: importing the seeds 16 times over takes at most a generous
/// multiple of 16 times as long as once (a quadratic pass would take ~256×).
/// Timings are the best of three runs, each of the ×1 runs over a text
/// large enough (×8) that noise does not dominate.
#[test]
fn time_is_linear() {
    for (file, text) in plan::seeds::SEEDS {
        let best = |n: usize| {
            let big = text.repeat(n);
            (0..3)
                .map(|_| {
                    let t = std::time::Instant::now();
                    any_import("x.txt", big.as_bytes());
                    t.elapsed().as_secs_f64()
                })
                .fold(f64::INFINITY, f64::min)
        };
        let small = best(8);
        let large = best(128);
        assert!(
            large < small * 16.0 * 4.0 + 0.05,
            "{file}: ×8 {small:.4}s, ×128 {large:.4}s"
        );
    }
}
