//! Colour arithmetic for legibility: WCAG 2 contrast ratios, the text colour that reads on a
//! label's colour, and the tint a span's background gets. Pure, so the themes' contrast is
//! checked natively (`tests/contrast.rs`) and custom label colours get readable text at run time.

/// An sRGB colour from `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn parse(hex: &str) -> Option<Rgb> {
        let digits = hex.strip_prefix('#').filter(|d| d.len() == 6)?;
        let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// `self` at `alpha` over `background`, as CSS `color-mix(in srgb, self alpha, background)`
    /// draws a tint over an opaque page.
    pub fn over(self, background: Rgb, alpha: f64) -> Rgb {
        let mix = |a: u8, b: u8| (f64::from(a) * alpha + f64::from(b) * (1.0 - alpha)).round() as u8;
        Rgb(mix(self.0, background.0), mix(self.1, background.1), mix(self.2, background.2))
    }
}

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Black or white, whichever reads better on `background` (for text drawn on a label colour).
pub fn ink_on(background: Rgb) -> &'static str {
    if contrast(Rgb(0, 0, 0), background) >= contrast(Rgb(255, 255, 255), background) {
        "#000000"
    } else {
        "#ffffff"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_on_white_is_21_and_ink_picks_the_readable_one() {
        let (black, white) = (Rgb::parse("#000000").unwrap(), Rgb::parse("#ffffff").unwrap());
        assert!((contrast(black, white) - 21.0).abs() < 1e-9);
        assert_eq!(ink_on(Rgb::parse("#ffdd00").unwrap()), "#000000");
        assert_eq!(ink_on(Rgb::parse("#1f3a93").unwrap()), "#ffffff");
        assert_eq!(Rgb::parse("#12345"), None);
        assert_eq!(black.over(white, 0.5), Rgb(128, 128, 128));
    }
}
