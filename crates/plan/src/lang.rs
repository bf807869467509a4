//! The languages the data and the app speak. The data keeps both: Chinese as
//! the documents write it, English as reviewed beside it.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
    pub fn from_code(s: &str) -> Option<Lang> {
        match s {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    /// The text in this language: the English if there is one, else the
    /// Chinese (the one way every note, name and claim falls back).
    pub fn pick<'a, T: AsRef<str> + ?Sized>(
        self,
        zh: Option<&'a T>,
        en: Option<&'a T>,
    ) -> Option<&'a str> {
        match self {
            Lang::Zh => zh.map(AsRef::as_ref),
            Lang::En => en.or(zh).map(AsRef::as_ref),
        }
    }

    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}
