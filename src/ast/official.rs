//! The official-document fields of GB/T 9704-2012 §7 (T30) read from the front matter: the
//! 版头 (发文机关标志, 发文字号, 签发人), the 主送机关, the 附件说明, the 署名 and 成文日期,
//! and the 版记 (抄送, 印发机关, 印发日期). The `official` pass normalises them; the text
//! every backend prints (`附件：1. …`, `抄送：…。`, `…印发`) is made here, once.

use serde::Serialize;

/// One front-matter value with the source line it came from (for warnings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Field {
    /// The value, trimmed.
    pub text: String,
    /// 1-based source line of the key.
    pub line: usize,
}

/// The official-document fields; every one is optional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Official {
    /// 发文机关 (`issuer`): the 发文机关标志, red, centred above the 发文字号.
    pub issuer: Option<Field>,
    /// 发文字号 (`doc-number`): `X府发〔2024〕12号`.
    pub number: Option<Field>,
    /// 签发人 (`signer`): names of an upward document (上行文), on the 发文字号's line.
    pub signers: Vec<Field>,
    /// 主送机关 (`addressee`), ending in `：` once normalised.
    pub addressee: Option<Field>,
    /// 附件 names (`attachments`), in order.
    pub attachments: Vec<Field>,
    /// 发文机关署名 (`署名`, `signature`); the issuer when absent.
    pub signature: Option<Field>,
    /// 成文日期 (`doc-date`; `date` when other official fields are present).
    pub date: Option<Field>,
    /// 抄送机关 (`cc`), one or several.
    pub cc: Vec<Field>,
    /// 印发机关 (`printed-by`).
    pub printed_by: Option<Field>,
    /// 印发日期 (`printed-date`).
    pub printed_date: Option<Field>,
}

impl Official {
    /// No field is set.
    pub fn is_empty(&self) -> bool {
        self == &Official::default()
    }

    /// The 版头 is printed: an issuer or a document number.
    pub fn has_header(&self) -> bool {
        self.issuer.is_some() || self.number.is_some()
    }

    /// The 版记 is printed: 抄送, 印发机关 or 印发日期.
    pub fn has_record(&self) -> bool {
        !self.cc.is_empty() || self.printed_by.is_some() || self.printed_date.is_some()
    }

    /// `签发人：` and the names, joined by U+3000 (GB/T 9704 7.2.5), when there are signers.
    pub fn signer_label(&self) -> Option<(&'static str, String)> {
        (!self.signers.is_empty()).then(|| ("签发人：", join(&self.signers, "\u{3000}")))
    }

    /// The 附件说明 (GB/T 9704 7.3.4): the label `附件：` and each attachment's number and
    /// name — no number for a single one, `1. ` `2. ` … when there are several (the caller
    /// sets each number under the first, and a long name's run-over lines under its own
    /// first character).
    pub fn attachment_items(&self) -> Option<(&'static str, Vec<(String, String)>)> {
        match self.attachments.as_slice() {
            [] => None,
            [one] => Some(("附件：", vec![(String::new(), one.text.clone())])),
            many => Some((
                "附件：",
                many.iter()
                    .enumerate()
                    .map(|(i, a)| (format!("{}. ", i + 1), a.text.clone()))
                    .collect(),
            )),
        }
    }

    /// The 发文机关署名 printed above the date: the `署名` field, else the issuer without
    /// the `文件` of its 标志 (`X县人民政府文件` signs `X县人民政府`); only when there is a
    /// date to sign.
    pub fn signature_text(&self) -> Option<&str> {
        self.date.as_ref()?;
        match (&self.signature, &self.issuer) {
            (Some(s), _) => Some(s.text.as_str()),
            (None, Some(i)) => Some(i.text.strip_suffix("文件").unwrap_or(&i.text)),
            (None, None) => None,
        }
    }

    /// `抄送：A，B。` (GB/T 9704 7.4.2), names joined by `，`.
    pub fn cc_line(&self) -> Option<String> {
        (!self.cc.is_empty()).then(|| format!("抄送：{}。", join(&self.cc, "，")))
    }

    /// `2024年3月5日印发` (GB/T 9704 7.4.3).
    pub fn printed_date_line(&self) -> Option<String> {
        self.printed_date
            .as_ref()
            .map(|d| format!("{}印发", d.text))
    }
}

fn join(fields: &[Field], sep: &str) -> String {
    fields
        .iter()
        .map(|f| f.text.as_str())
        .collect::<Vec<_>>()
        .join(sep)
}
