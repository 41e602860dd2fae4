//! Weighted L2-regularised logistic regression, solved exactly by Newton's method.
//!
//! The models have a handful of features (at most 33), so each Newton step solves the full
//! system by Gaussian elimination; a fit converges in well under 30 steps and is deterministic.

use parallax::fitting::sigmoid;

/// Training samples of one stage: features, label, weight.
#[derive(Default)]
pub struct Samples {
    /// Feature values, one row per sample.
    pub x: Vec<Vec<f64>>,
    /// Labels in `[0, 1]`.
    pub y: Vec<f64>,
    /// Sample weights.
    pub w: Vec<f64>,
}

impl Samples {
    /// Appends `other`, scaled so that its weights sum to `total_weight`.
    pub fn extend(&mut self, other: Samples, total_weight: f64) {
        let n = other.x.len().max(1) as f64;
        self.x.extend(other.x);
        self.y.extend(other.y);
        self.w.extend(other.w.iter().map(|w| w * total_weight / n));
    }
}

/// Weighted L2-regularised logistic regression by Newton's method: `(bias, weights)`.
// Matrix code reads best with explicit indices.
#[allow(clippy::needless_range_loop)]
pub fn logistic(samples: &Samples, l2: f64) -> (f64, Vec<f64>) {
    let d = samples.x.first().map_or(0, Vec::len) + 1;
    let mut beta = vec![0.0; d];
    for _ in 0..30 {
        let mut gradient = vec![0.0; d];
        let mut hessian = vec![vec![0.0; d]; d];
        let mut row = vec![0.0; d];
        for ((x, &y), &w) in samples.x.iter().zip(&samples.y).zip(&samples.w) {
            row[0] = 1.0;
            row[1..].copy_from_slice(x);
            let z: f64 = row.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let p = sigmoid(z);
            let s = w * p * (1.0 - p);
            for a in 0..d {
                gradient[a] += w * (p - y) * row[a];
                let sa = s * row[a];
                for b in a..d {
                    hessian[a][b] += sa * row[b];
                }
            }
        }
        for a in 0..d {
            for b in 0..a {
                hessian[a][b] = hessian[b][a];
            }
        }
        for a in 1..d {
            gradient[a] += l2 * beta[a];
            hessian[a][a] += l2;
        }
        let Some(step) = solve(hessian, gradient) else {
            break;
        };
        let mut largest: f64 = 0.0;
        for (b, s) in beta.iter_mut().zip(&step) {
            *b -= s;
            largest = largest.max(s.abs());
        }
        if largest < 1e-6 {
            break;
        }
    }
    (beta[0], beta[1..].to_vec())
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting.
// Matrix code reads best with explicit indices.
#[allow(clippy::needless_range_loop)]
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&r, &s| a[r][col].abs().total_cmp(&a[s][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..n {
            let factor = a[row][col] / a[col][col];
            for k in col..n {
                a[row][k] -= factor * a[col][k];
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let rest: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - rest) / a[row][row];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logistic_recovers_a_separating_direction() {
        // y = 1 exactly when x0 > x1; x2 is noise.
        let mut samples = Samples::default();
        for k in 0..200 {
            let (a, b, c) = (
                f64::from(k % 7) / 7.0,
                f64::from(k % 5) / 5.0,
                f64::from(k % 3) / 3.0,
            );
            samples.x.push(vec![a, b, c]);
            samples.y.push(f64::from(u8::from(a > b)));
            samples.w.push(1.0);
        }
        let (_, weights) = logistic(&samples, 0.1);
        assert!(weights[0] > 1.0 && weights[1] < -1.0, "{weights:?}");
        assert!(weights[2].abs() < weights[0].abs() / 4.0, "{weights:?}");
    }

    #[test]
    fn solve_solves() {
        let x = solve(vec![vec![2.0, 1.0], vec![1.0, 3.0]], vec![3.0, 5.0]).unwrap();
        assert!((x[0] - 0.8).abs() < 1e-12 && (x[1] - 1.4).abs() < 1e-12);
        assert!(solve(vec![vec![0.0]], vec![1.0]).is_none());
    }
}
