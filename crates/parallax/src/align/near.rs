//! For each sentence, the few sentences of its own article that say nearly the same.

use super::candidates::{candidates, ALL_PAIRS};
use crate::similarity::{batch, prepared_cosine, Prepared, Weights};

/// How many near sentences each sentence keeps.
const NEAR: usize = 3;
/// Cosine below which a sentence is not near.
const NEAR_COSINE: f64 = 0.2;

/// For each sentence, its near sentences with their cosine.
pub(super) type Near = Vec<Vec<(usize, f64)>>;

/// For each sentence, up to [`NEAR`] other sentences of the same article with a stem cosine of
/// at least [`NEAR_COSINE`], most similar first (ties: lower index first). Boilerplate (`None`)
/// has none and is no one's.
pub(super) fn nearest(side: &[Option<Prepared>], weights: &Weights) -> Near {
    let mut near: Near = vec![Vec::new(); side.len()];
    let mut add = |a: usize, b: usize, similarity: f64| {
        if similarity >= NEAR_COSINE {
            near[a].push((b, similarity));
            near[b].push((a, similarity));
        }
    };
    let present = side.iter().flatten().count();
    if present.saturating_mul(present) <= ALL_PAIRS {
        // Every pair is a candidate: all the cosines at once, through a stem index.
        for (a, cosines) in batch::stem_cosines(side).into_iter().enumerate() {
            for (b, similarity) in cosines {
                add(a, b, similarity);
            }
        }
    } else {
        for (a, b) in candidates(side, side, weights) {
            if a >= b {
                continue;
            }
            let (Some(Some(pa)), Some(Some(pb))) = (side.get(a), side.get(b)) else {
                continue;
            };
            add(a, b, prepared_cosine(pa, pb));
        }
    }
    for list in &mut near {
        crate::order::sort_by(list, |x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        list.truncate(NEAR);
    }
    near
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similarity::Profile;
    use crate::similarity::Weights;
    use crate::tokenize::tokenize;

    #[test]
    fn a_headline_is_near_its_lede() {
        let texts = [
            "Harbour bridge reopens after repairs",
            "Ferry fares rise in spring.",
            "The harbour bridge reopened on Tuesday after two years of repairs.",
        ];
        let side: Vec<Option<Profile>> = texts
            .iter()
            .map(|t| Some(Profile::new(&tokenize(t, 0..t.len()))))
            .collect();
        let weights = Weights::new(side.iter().flatten());
        let side: Vec<Option<Prepared>> = side
            .into_iter()
            .map(|p| p.map(|p| weights.prepare(p)))
            .collect();
        let near = nearest(&side, &weights);
        assert_eq!(near[0].first().map(|n| n.0), Some(2));
        assert!(near[1].is_empty());
    }
}
