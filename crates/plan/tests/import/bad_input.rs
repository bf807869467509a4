//! Bad input gets an error value with a reason, never a panic.

use plan::import::{import, ImportError, ImportOptions, MAX_BYTES};

fn err(name: &str, bytes: &[u8]) -> ImportError {
    import(name, bytes, &ImportOptions::default()).expect_err("refused")
}

#[test]
fn refusals_have_one_line_reasons() {
    assert_eq!(err("a.txt", b""), ImportError::Empty);
    assert_eq!(err("a.txt", b"  \r\n "), ImportError::Empty);
    assert_eq!(
        err("a.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        ImportError::Binary
    );
    assert_eq!(
        err(
            "a.txt",
            "随便写一些与规划无关的文字。\n今天天气很好。".as_bytes()
        ),
        ImportError::NotAPlan
    );
    assert_eq!(
        err(
            "a.html",
            b"<html><script>alert('1. x')</script><p>hello</p></html>"
        ),
        ImportError::NotAPlan
    );
    assert_eq!(
        err("x", &vec![b'a'; MAX_BYTES + 1]),
        ImportError::TooLarge {
            bytes: MAX_BYTES as u64 + 1
        }
    );
    assert!(matches!(
        err("a.pdf", b"%PDF-1.7\n"),
        ImportError::Unsupported(_)
    ));
    // The reason is a code the app words (tests/english.rs): it travels
    // from the importer's worker as a short code and back.
    for e in [
        ImportError::Empty,
        ImportError::TooLarge { bytes: 1 << 25 },
        ImportError::Binary,
        ImportError::NotText,
        ImportError::Unsupported("pdf".into()),
        ImportError::BadOffice("no sheet in the workbook".into()),
        ImportError::NotAPlan,
        ImportError::Cancelled,
    ] {
        let code = e.code();
        assert!(!code.contains('\n'), "{code}");
        assert_eq!(ImportError::from_code(&code), Some(e), "{code}");
    }
    for not_a_code in [
        "",
        "worker gone",
        "too_large",
        "too_large x",
        "empty 1",
        "unsupported",
    ] {
        assert_eq!(ImportError::from_code(not_a_code), None, "{not_a_code}");
    }
}

#[test]
fn script_in_a_plan_is_text() {
    // Markup in pasted text stays text: the tasks are read, the markup is
    // in their quote and never interpreted here.
    let imp = super::run("1．<script>alert(1)</script>建设平台。\n省科技厅\n");
    assert_eq!(imp.tasks.len(), 1);
    assert!(imp.tasks[0].text.contains("<script>"));
    // An HTML page's table is read as rows.
    let imp = import(
        "p.html",
        "<html><body><table><tr><td>序号</td><td>重点任务</td><td>责任单位</td></tr><tr><td>1</td><td>建设平台</td><td>省科技厅</td></tr></table></body></html>".as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(imp.tasks.len(), 1);
    assert_eq!(imp.tasks[0].units[0].agency, "prov-sti");
}

#[test]
fn large_valid_text_is_handled_quickly() {
    // About 20 MB of a task split: read (or refused) in seconds, not minutes.
    let one = plan::seeds::SEEDS[0].1;
    let n = (MAX_BYTES - 1024) / one.len();
    let big = one.repeat(n);
    let t = std::time::Instant::now();
    let r = import("big.txt", big.as_bytes(), &ImportOptions::default());
    assert!(r.is_ok());
    assert!(t.elapsed().as_secs() < 120, "{:?}", t.elapsed());
}
