//! A guard before a PDF's text is read. `pdf-extract` draws a form XObject
//! (a reusable piece of a page) by calling itself on the form's content, so
//! a form that draws itself, directly or through others, recurses until the
//! stack overflows, which ends the whole process, not just this file; forms
//! that draw each other many times over take exponential time. Documents
//! whose forms nest deeper or draw more than any real document does are
//! refused before reading.

use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Object, ObjectId};

/// Deepest nesting of forms drawn inside forms (real documents: a few).
const MAX_FORM_DEPTH: usize = 24;

/// Most forms drawn in a whole document, counting each time one is drawn.
const MAX_FORM_DRAWS: usize = 5_000;

/// Most parents followed up the page tree for inherited resources.
const MAX_PAGE_TREE_DEPTH: usize = 64;

/// Whether drawing every page's forms ends, and soon. `pdf-extract` also
/// looks up a page's inherited attributes by recursion up the page tree, so a
/// page whose parents loop is refused as well.
pub fn forms_are_bounded(document: &Document) -> bool {
    let mut draws = 0;
    for page_id in document.get_pages().into_values() {
        if !parents_end(document, page_id) {
            return false;
        }
        let Some(resources) = page_resources(document, page_id) else {
            continue;
        };
        let Ok(content) = document.get_page_content(page_id) else {
            continue;
        };
        let mut path = Vec::new();
        if !draws_are_bounded(document, &content, resources, &mut path, &mut draws) {
            return false;
        }
    }
    true
}

/// A page's resources, its own or inherited from the page tree.
fn page_resources(document: &Document, page_id: ObjectId) -> Option<&Dictionary> {
    let mut node = document.get_dictionary(page_id).ok()?;
    for _ in 0..MAX_PAGE_TREE_DEPTH {
        if let Ok(resources) = node.get(b"Resources") {
            return as_dictionary(document, resources);
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = document.get_dictionary(parent).ok()?;
    }
    None
}

/// Whether a page's chain of parents ends within [`MAX_PAGE_TREE_DEPTH`].
fn parents_end(document: &Document, page_id: ObjectId) -> bool {
    let mut node = page_id;
    for _ in 0..MAX_PAGE_TREE_DEPTH {
        let parent = document
            .get_dictionary(node)
            .ok()
            .and_then(|dictionary| dictionary.get(b"Parent").ok())
            .and_then(|parent| parent.as_reference().ok());
        match parent {
            Some(next) => node = next,
            None => return true,
        }
    }
    false
}

fn as_dictionary<'d>(document: &'d Document, object: &'d Object) -> Option<&'d Dictionary> {
    let (_, target) = document.dereference(object).ok()?;
    target.as_dict().ok()
}

/// Walks the forms `content` draws (`/Name Do`), as `pdf-extract` would,
/// within the depth and the document's budget of draws. `path` holds the
/// forms being drawn, outermost first (`None` for a form written in place).
fn draws_are_bounded(
    document: &Document,
    content: &[u8],
    resources: &Dictionary,
    path: &mut Vec<Option<ObjectId>>,
    draws: &mut usize,
) -> bool {
    // Content that does not decode is not drawn by `pdf-extract` either.
    let Ok(decoded) = Content::decode(content) else {
        return true;
    };
    let xobjects = resources
        .get(b"XObject")
        .ok()
        .and_then(|object| as_dictionary(document, object));
    let Some(xobjects) = xobjects else {
        return true;
    };
    for operation in decoded.operations.iter().filter(|op| op.operator == "Do") {
        let Some(name) = operation.operands.first().and_then(|o| o.as_name().ok()) else {
            continue;
        };
        let Ok(entry) = xobjects.get(name) else {
            continue;
        };
        let Ok((form_id, Object::Stream(form))) = document.dereference(entry) else {
            continue;
        };
        *draws += 1;
        let draws_itself = form_id.is_some() && path.contains(&form_id);
        if draws_itself || path.len() >= MAX_FORM_DEPTH || *draws > MAX_FORM_DRAWS {
            return false;
        }
        let form_resources = form
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|object| as_dictionary(document, object))
            .unwrap_or(resources);
        let form_content = form
            .decompressed_content()
            .unwrap_or_else(|_| form.content.clone());
        path.push(form_id);
        let bounded = draws_are_bounded(document, &form_content, form_resources, path, draws);
        path.pop();
        if !bounded {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::pdf_text;

    /// A one-page PDF whose page shows `text` in Helvetica and then draws
    /// the form `/X1`, whose content is `form_content` and whose resources are
    /// the page's (it has none of its own).
    fn pdf_with_form(text: &str, form_content: &str) -> Vec<u8> {
        let page_content = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET /X1 Do");
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X1 4 0 R >> /Font << /F1 5 0 R >> >> /Contents 6 0 R >>".to_string(),
            format!(
                "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length {} >>\nstream\n{form_content}\nendstream",
                form_content.len()
            ),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
            format!(
                "<< /Length {} >>\nstream\n{page_content}\nendstream",
                page_content.len()
            ),
        ];
        pdf_from_objects(&objects)
    }

    /// A PDF of `objects`, numbered from 1, with a correct cross-reference table.
    fn pdf_from_objects(objects: &[String]) -> Vec<u8> {
        let mut pdf = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (number, object) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", number + 1).as_bytes());
        }
        let xref = pdf.len();
        pdf.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for offset in offsets {
            pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        pdf.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        pdf
    }

    #[test]
    fn a_form_drawing_nothing_more_is_read() {
        let pdf = pdf_with_form("Officials met in Kyiv on Friday.", "0 0 m 1 1 l S");
        let text = pdf_text(&pdf).unwrap();
        assert_eq!(text.trim(), "Officials met in Kyiv on Friday.");
    }

    /// Regression: a form that draws itself sent `pdf-extract` into endless
    /// recursion, a stack overflow that ended the whole indexing run.
    #[test]
    fn a_form_drawing_itself_is_refused_not_a_crash() {
        let pdf = pdf_with_form("Officials met in Kyiv on Friday.", "/X1 Do");
        let error = pdf_text(&pdf).unwrap_err();
        assert!(error.to_string().contains("draw themselves"), "{error}");
    }

    /// Regression: a page tree whose parents loop sent `pdf-extract`'s
    /// lookup of a page's inherited size into an endless loop (the run hung).
    #[test]
    fn a_page_tree_that_loops_is_refused_not_a_crash() {
        let content = "BT /F1 12 Tf 72 720 Td (Officials met.) Tj ET";
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_string(),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
            format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        ];
        assert!(pdf_text(&pdf_from_objects(&objects)).is_err());
    }
}
