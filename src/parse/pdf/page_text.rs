//! The text of each page, from the glyphs `pdf-extract` places on it.
//!
//! The crate's own plain-text output starts a word wherever a glyph stands
//! a tenth of the font size past where the previous one ended. That end
//! comes from the font's glyph widths, which for many embedded subset fonts
//! are missing or wrong, so words split at random (`W e`, `Ak ar`). Most
//! producers (browsers, word processors, news archives) write the spaces
//! as characters; a page that does is read with its own spaces and only a
//! wide gap (a column or a tab stop) adds one. A page without written
//! spaces (some typesetters) is read by the gaps, as the crate does. Lines
//! and paragraphs are read as the crate does: down by half a line starts a
//! new line, by one and a half a new paragraph.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// On a page without written spaces, a gap wider than this share of the
/// font size is a space between words.
const GAP_SPACE: f64 = 0.15;

/// On a page with written spaces, only a gap this wide (in font sizes) is one more.
const WIDE_GAP: f64 = 1.0;

/// Written spaces per other character above which a page writes its spaces.
const WRITTEN_SPACE_SHARE: f64 = 0.05;

/// One glyph as placed on the page.
struct Glyph {
    text: String,
    x: f64,
    /// Downwards from the top of the page.
    y: f64,
    /// Where the glyph ends, as the font's widths say.
    end: f64,
    size: f64,
    /// Whether the glyph starts a text run (where a word or a line may start).
    run_start: bool,
}

/// Collects the text of every page.
#[derive(Default)]
pub struct PageText {
    pub pages: Vec<String>,
    glyphs: Vec<Glyph>,
    run_start: bool,
    page_height: f64,
}

impl OutputDev for PageText {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.glyphs.clear();
        self.page_height = media_box.ury - media_box.lly;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.pages.push(lay_out(&self.glyphs));
        self.glyphs.clear();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // The font size as drawn: the side of the square with the area of
        // the transformed (size, size) box.
        let scaled_x = font_size * (trm.m11 + trm.m21);
        let scaled_y = font_size * (trm.m12 + trm.m22);
        let size = (scaled_x * scaled_y).abs().sqrt();
        self.glyphs.push(Glyph {
            text: char.to_string(),
            x: trm.m31,
            // PDF's y grows upwards; a page is read downwards.
            y: self.page_height - trm.m32,
            end: trm.m31 + width * size,
            size,
            run_start: std::mem::take(&mut self.run_start),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.run_start = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The text of one page's glyphs, in the order they were drawn.
fn lay_out(glyphs: &[Glyph]) -> String {
    let spaces = glyphs.iter().filter(|g| g.text.trim().is_empty()).count();
    let others = glyphs.len() - spaces;
    let writes_spaces = others > 0 && spaces as f64 / others as f64 > WRITTEN_SPACE_SHARE;
    let space_gap = if writes_spaces { WIDE_GAP } else { GAP_SPACE };
    let mut text = String::with_capacity(glyphs.len() + glyphs.len() / 8);
    let mut previous: Option<&Glyph> = None;
    for glyph in glyphs {
        if let Some(last) = previous.filter(|_| glyph.run_start) {
            let drop = (glyph.y - last.y).abs();
            if drop > glyph.size * 1.5 {
                text.push_str("\n\n");
            } else if drop > glyph.size * 0.5 && glyph.x < last.end {
                text.push('\n');
            } else if glyph.x > last.end + glyph.size * space_gap && !text.ends_with(' ') {
                text.push(' ');
            }
        }
        text.push_str(&glyph.text);
        previous = Some(glyph);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of one line, each its own run, `width` apart, widths as given.
    fn line(text: &str, y: f64, advance: f64, width: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: c.to_string(),
                x: i as f64 * advance,
                y,
                end: i as f64 * advance + width,
                size: 10.0,
                run_start: true,
            })
            .collect()
    }

    #[test]
    fn written_spaces_are_trusted_over_wrong_widths() {
        // Widths say 3 points where glyphs advance 6: gaps everywhere.
        let glyphs = line("We are here", 0.0, 6.0, 3.0);
        assert_eq!(lay_out(&glyphs), "We are here");
    }

    #[test]
    fn without_written_spaces_gaps_make_them() {
        let mut glyphs = line("We", 0.0, 6.0, 6.0);
        let mut next = line("are", 0.0, 6.0, 6.0);
        for glyph in &mut next {
            glyph.x += 16.0;
            glyph.end += 16.0;
        }
        glyphs.extend(next);
        let mut below = line("here", 30.0, 6.0, 6.0);
        glyphs.append(&mut below);
        assert_eq!(lay_out(&glyphs), "We are\n\nhere");
    }
}
