//! How far several people's annotations of the same texts agree, and how to settle one gold
//! copy from them, all from their exported files (no server).
//!
//! - `f1`: pairwise F1 over spans, micro-averaged over pairs of annotators, in three modes;
//! - `coefficients`: Cohen's kappa and Krippendorff's nominal alpha, with the counts behind them;
//! - `tokens`: the category each token gets from one copy's spans, for the coefficients;
//! - `report`: every measure per document, per label and for the corpus, as a table, CSV, JSON;
//! - `compare`: files → copies of the same texts (matched by sha256), and how each span agrees;
//! - `adjudicate`: the disagreements of a document, and the gold copy chosen from them.
//!
//! Not for: reading files (`formats` does, `compare` calls it), nor anything drawn or stored.
//! Offsets are code points, end-exclusive, like everywhere in the model.

pub mod adjudicate;
pub mod coefficients;
pub mod compare;
pub mod f1;
pub mod report;
pub mod tokens;
