//! Avenant stage: an [`Avenant`] (articles of `{target, op}` instructions) ↔ French text, and
//! `Document` + `Avenant` → consolidated `Document`; all French wording lives in [`wording`].

pub mod apply;
pub mod draft;
pub mod model;
pub mod read;
pub mod render;
pub mod wording;

/// The former name of [`wording`], kept so that paths `avenant::formules::…` still resolve.
pub use self::wording as formules;

pub use apply::{apply, ApplyError};
pub use draft::{draft, draft_checked, DraftError, DraftOptions};
pub use model::{
    AlineaAt, AmendingArticle, Anchor, Avenant, AvenantParty, Instruction, Op, Place, Position,
    Target, Unit, ValueType,
};
pub use read::{parse_avenant, ReadError};
