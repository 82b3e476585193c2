//! Which text encoding a reader's file is in, and decoding the ones Rust can decode without a
//! table: what Excel writes. "CSV UTF-8" has a byte order mark; "Unicode text" is UTF-16 LE
//! with one; a plain "CSV" is in the system's code page: GB18030/GBK on Chinese Windows,
//! Windows-1252 on Western Windows. GB18030 needs a large table, so the browser's
//! `TextDecoder` decodes it (natively, tests use `encoding_rs`).

/// A text encoding the import understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// GB18030 (a superset of GBK and GB2312): Excel's "CSV" on Chinese Windows.
    Gb18030,
    /// Excel's "CSV" on Western Windows ("Café", "€").
    Windows1252,
}

impl TextEncoding {
    /// The WHATWG label, for `new TextDecoder(label)`.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Gb18030 => "gb18030",
            TextEncoding::Windows1252 => "windows-1252",
        }
    }
}

/// What [`detect_encoding`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    pub encoding: TextEncoding,
    /// The file starts with a byte order mark.
    pub bom: bool,
}

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
const UTF16LE_BOM: &[u8] = &[0xFF, 0xFE];
const UTF16BE_BOM: &[u8] = &[0xFE, 0xFF];

/// How many bytes the zero-byte pattern of BOM-less UTF-16 is judged on.
const UTF16_SAMPLE: usize = 4096;

/// Byte order marks first; then UTF-16 without a BOM by the pattern of zero bytes (a CSV is
/// mostly ASCII: digits, delimiters, line ends, each with a zero high byte); then valid
/// UTF-8; otherwise GB18030 (what Chinese Excel writes), or Windows-1252 when the bytes are not
/// GB18030 or look like Latin text (a high byte between ASCII letters: "Caf\xE9,").
pub fn detect_encoding(bytes: &[u8]) -> Detected {
    let with_bom = |encoding| Detected {
        encoding,
        bom: true,
    };
    let without = |encoding| Detected {
        encoding,
        bom: false,
    };
    if bytes.starts_with(UTF8_BOM) {
        return with_bom(TextEncoding::Utf8);
    }
    if bytes.starts_with(UTF16LE_BOM) {
        return with_bom(TextEncoding::Utf16Le);
    }
    if bytes.starts_with(UTF16BE_BOM) {
        return with_bom(TextEncoding::Utf16Be);
    }
    if let Some(e) = utf16_by_zeros(bytes) {
        return without(e);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return without(TextEncoding::Utf8);
    }
    let shape = gb18030_shape(bytes);
    if !shape.valid || shape.ascii_trail > shape.high_trail {
        without(TextEncoding::Windows1252)
    } else {
        without(TextEncoding::Gb18030)
    }
}

fn utf16_by_zeros(bytes: &[u8]) -> Option<TextEncoding> {
    let sample = &bytes[..bytes.len().min(UTF16_SAMPLE)];
    let pairs = sample.len() / 2;
    if pairs == 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // At least a third of the characters ASCII, and the other half of each pair almost never
    // zero.
    if odd * 3 >= pairs && even * 10 <= odd {
        Some(TextEncoding::Utf16Le)
    } else if even * 3 >= pairs && odd * 10 <= even {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

struct GbShape {
    valid: bool,
    /// Two-byte sequences whose second byte is an ASCII letter (rare in Chinese text, the rule
    /// in Latin text read as GB18030).
    ascii_trail: usize,
    /// Two-byte sequences whose second byte is above 0x7F (every GB2312 character).
    high_trail: usize,
}

fn gb18030_shape(bytes: &[u8]) -> GbShape {
    let mut shape = GbShape {
        valid: true,
        ascii_trail: 0,
        high_trail: 0,
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        if !(0x81..=0xFE).contains(&b) {
            shape.valid = false;
            return shape;
        }
        match bytes.get(i + 1).copied() {
            Some(0x30..=0x39) => {
                let ok = matches!(bytes.get(i + 2), Some(0x81..=0xFE))
                    && matches!(bytes.get(i + 3), Some(0x30..=0x39));
                if !ok {
                    shape.valid = false;
                    return shape;
                }
                i += 4;
            }
            Some(t @ (0x40..=0x7E | 0x80..=0xFE)) => {
                if t.is_ascii_alphabetic() {
                    shape.ascii_trail += 1;
                } else if t >= 0x80 {
                    shape.high_trail += 1;
                }
                i += 2;
            }
            _ => {
                shape.valid = false;
                return shape;
            }
        }
    }
    shape
}

/// Decodes UTF-8, UTF-16 and Windows-1252 (the byte order mark removed; undecodable bytes
/// become U+FFFD, as `TextDecoder` does, and the import then names the cell). `None` for
/// GB18030: the browser's `TextDecoder` decodes it.
pub fn decode(bytes: &[u8], detected: Detected) -> Option<String> {
    let text = match detected.encoding {
        TextEncoding::Utf8 => {
            let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
            String::from_utf8_lossy(body).into_owned()
        }
        TextEncoding::Utf16Le => utf16(bytes.strip_prefix(UTF16LE_BOM).unwrap_or(bytes), true),
        TextEncoding::Utf16Be => utf16(bytes.strip_prefix(UTF16BE_BOM).unwrap_or(bytes), false),
        TextEncoding::Windows1252 => bytes.iter().map(|&b| windows_1252(b)).collect(),
        TextEncoding::Gb18030 => return None,
    };
    Some(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

fn utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|p| {
        if little_endian {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let mut out: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        out.push(char::REPLACEMENT_CHARACTER);
    }
    out
}

/// Windows-1252: Latin-1 except 0x80–0x9F (WHATWG's table; its five holes map to the C1
/// controls, as in `TextDecoder`).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_decide() {
        let d = detect_encoding(b"\xEF\xBB\xBFYear,Value\n");
        assert_eq!(d.encoding, TextEncoding::Utf8);
        assert!(d.bom);
        assert_eq!(decode(b"\xEF\xBB\xBFa", d).as_deref(), Some("a"));
        let d = detect_encoding(b"\xFF\xFEa\0");
        assert_eq!((d.encoding, d.bom), (TextEncoding::Utf16Le, true));
        assert_eq!(decode(b"\xFF\xFEa\0", d).as_deref(), Some("a"));
    }

    #[test]
    fn utf16_without_bom_by_zero_bytes() {
        let le: Vec<u8> = "Year,年\n2001,5\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let be: Vec<u8> = "Year,年\n2001,5\n"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        let d = detect_encoding(&le);
        assert_eq!((d.encoding, d.bom), (TextEncoding::Utf16Le, false));
        assert_eq!(decode(&le, d).as_deref(), Some("Year,年\n2001,5\n"));
        let d = detect_encoding(&be);
        assert_eq!(d.encoding, TextEncoding::Utf16Be);
        assert_eq!(decode(&be, d).as_deref(), Some("Year,年\n2001,5\n"));
    }

    #[test]
    fn latin_text_is_windows_1252_and_chinese_gb18030() {
        let d = detect_encoding(b"Country,Value\nCura\xE7ao,5\nCaf\xE9,\x806\n");
        assert_eq!(d.encoding, TextEncoding::Windows1252);
        assert_eq!(decode(b"Caf\xE9 \x80", d).as_deref(), Some("Café €"));
        // "年份,收入" in GBK.
        let d = detect_encoding(b"\xC4\xEA\xB7\xDD,\xCA\xD5\xC8\xEB\n2001,5\n");
        assert_eq!(d.encoding, TextEncoding::Gb18030);
        assert_eq!(decode(b"x", d), None);
    }

    #[test]
    fn odd_utf16_is_replaced_not_panicking() {
        let d = Detected {
            encoding: TextEncoding::Utf16Le,
            bom: false,
        };
        assert_eq!(decode(b"a\0b", d).as_deref(), Some("a\u{fffd}"));
        assert_eq!(detect_encoding(b"").encoding, TextEncoding::Utf8);
    }
}
