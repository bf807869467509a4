//! `plan-data import`: JSON in the export schema for a plan, exit 2 with a
//! one-line reason for what is not one.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cztp-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plan-data"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(b) = stdin {
        child.stdin.take().unwrap().write_all(b).unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_task_split_prints_json_with_its_report() {
    let p = temp("split.txt", "一、交通\n1．建设城际铁路。\n省发展改革委、省交通运输厅\n2．打通断头路。\n牵头单位：省交通运输厅\n".as_bytes());
    let (code, out, err) = run(&["import", p.to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], "changzhutan-plans/1");
    assert_eq!(v["tasks"].as_array().unwrap().len(), 2);
    assert_eq!(v["tasks"][0]["id"], "imp1-1");
    assert_eq!(v["tasks"][0]["lead"][0], "prov-drc");
    assert_eq!(v["import"]["report"]["counts"]["tasks"], 2);
    assert_eq!(v["import"]["report"]["kind"], "tasks");
    // The same from stdin, forced rule.
    let (code, out, _) = run(
        &[
            "import",
            "-",
            "--role-rule",
            "first_leads",
            "--code",
            "imp9",
        ],
        Some("1．建设城际铁路。\n省发展改革委、省交通运输厅\n".as_bytes()),
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["tasks"][0]["id"], "imp9-1");
    assert_eq!(v["tasks"][0]["support"][0], "prov-transport");
    assert_eq!(v["import"]["report"]["forced"], true);
}

#[test]
fn nothing_read_exits_2_with_one_line() {
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("binary.bin", &b"\x7fELF\x02\x01\x01\0\0\0\0\0"[..]),
        ("prose.txt", "今天天气很好，我们去公园散步。".as_bytes()),
    ] {
        let p = temp(name, bytes);
        let (code, out, err) = run(&["import", p.to_str().unwrap()], None);
        assert_eq!(code, 2, "{name}");
        assert!(out.is_empty(), "{name}");
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: {err}");
        assert!(err.starts_with("plan-data: "), "{err}");
    }
    let (code, _, err) = run(&["import", "/no/such/file"], None);
    assert_eq!(code, 2);
    assert_eq!(err.trim_end().lines().count(), 1);
}
