//! A visitor's import as a browser keeps it, and how it is read back.
//!
//! What is kept is what the visitor gave: the file's name, its bytes and the
//! options it was read with, with the format of the record and the stamp of
//! the model that read it ([`MODEL`]), beside the import as then read (a
//! cache). An import read under another model is read again from its source
//! with the importer of today; one that cannot be is listed with the reason,
//! never skipped.

/// The record's format: 1 kept the import alone (no source); 2 keeps the
/// source, the options and the model's stamp.
pub const FORMAT: u32 = 2;

/// The stamp of this build's model (a hash of the model crate's source).
pub const MODEL: &str = env!("CZTP_MODEL");

/// What a kept record says of itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kept<'a> {
    /// The record's format (1 when it names none).
    pub format: u32,
    /// The stamp of the model that read it ("" when it names none).
    pub model: &'a str,
    /// Whether it keeps the file it was read from.
    pub has_source: bool,
}

/// How to read a kept record back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Its import was read by this model: decode it (and read it again from
    /// the source if that fails after all).
    Decode,
    /// Read by another model: read its source again.
    ReadAgain,
    /// A record of format 1 (no source): decode it if this model still
    /// can; if not, it is lost ([`Lost::NoSource`]).
    DecodeOnly,
}

/// Why a kept import cannot be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lost {
    /// Saved by an earlier version that kept no source, under a model this
    /// one cannot read.
    NoSource,
    /// Its source, read again by today's importer, gives this error ("zh\nen").
    ReadAgain(String),
    /// This page has no importer to read it again with (the offline file).
    NoImporter,
    /// Reading it again was interrupted (another import began).
    Interrupted,
}

/// How to read a record back.
pub fn reading(k: Kept) -> Reading {
    if k.format >= 2 && k.has_source {
        if k.model == MODEL {
            Reading::Decode
        } else {
            Reading::ReadAgain
        }
    } else {
        Reading::DecodeOnly
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_read_again_only_when_another_model_read_it() {
        let k = |format, model, has_source| Kept {
            format,
            model,
            has_source,
        };
        assert_eq!(reading(k(2, MODEL, true)), Reading::Decode);
        assert_eq!(reading(k(2, "0123456789abcdef", true)), Reading::ReadAgain);
        assert_eq!(reading(k(2, "", true)), Reading::ReadAgain);
        // Format 1 kept no source: it can only be decoded.
        assert_eq!(reading(k(1, "", false)), Reading::DecodeOnly);
        assert_eq!(reading(k(2, MODEL, false)), Reading::DecodeOnly);
        assert_eq!(MODEL.len(), 16);
    }
}
