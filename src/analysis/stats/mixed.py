"""A linear mixed model of sentence scores: the bloc difference with sentences nested in articles
and articles nested in outlets, fitted only where there are enough articles and outlets.

The model is `score ~ bloc` with a random intercept for each outlet and one for each article within
its outlet, fitted by restricted maximum likelihood (REML). With intercepts only, the likelihood
depends on the data through a few sums per article (sentences, and the sums of the score, the
bloc indicator, their squares and product), so it is computed exactly in time and memory linear in
the number of articles: a corpus of 100,000 articles fits in seconds, where a general mixed-model
fitter (statsmodels' `MixedLM`) builds a dense sentences-by-articles matrix per outlet (tens of GB
at that size, minutes at 10,000 articles). The residual variance is profiled out and the two
variance ratios are found with L-BFGS-B from four fixed starts (no randomness); a test checks the
estimates against statsmodels' `MixedLM` on the same data.

Its bloc coefficient is the difference a - b of bloc means with every sentence weighted by how much
it tells about its article and outlet; its standard error is the generalised least squares one at
the estimated variances (as lme4 reports it), and its interval a Wald interval (the coefficient
plus or minus a normal quantile times the standard error), which is optimistic when there are few
outlets, and is not shown when a variance is estimated at zero (on the boundary of the parameter
space) or the curvature of the likelihood at the estimate is not positive definite. The ICCs say
how much of the spread of sentence scores lies between outlets and between articles of one
outlet. A fit that does not converge is reported as such, without an estimate.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.stats.design import MIN_ARTICLES_FOR_INTERVAL

#: Outlets each bloc needs for the mixed model: with fewer, an outlet variance cannot be told
#: apart from the bloc difference (two outlets per bloc give one degree of freedom for it).
MIN_OUTLETS_FOR_MIXED = 3

#: A variance below this share of the total is reported as estimated at zero (on the boundary).
BOUNDARY_SHARE = 1e-3

#: The `method` of the mixed model's row in the results summary.
MIXED_METHOD = "linear mixed model, random intercepts for outlet and article"

#: Starting values of the two variance ratios (outlet, article) over the residual variance: the
#: fit keeps the best of the four runs, so a flat stretch of the likelihood does not stop it early.
_STARTS = ((1.0, 1.0), (0.1, 0.1), (1.0, 0.1), (0.1, 1.0))
#: Largest ratio of a random intercept's standard deviation to the residual one that is searched
#: (a variance a million times the residual variance).
_MAX_RATIO = 1e3


def mixed_model_rule(min_articles: int = MIN_ARTICLES_FOR_INTERVAL, min_outlets: int = MIN_OUTLETS_FOR_MIXED) -> str:
    """The stated rule for fitting the mixed model, for the notebooks' text.

    Parameters
    ----------
    min_articles : articles each bloc needs.
    min_outlets : outlets each bloc needs.

    Returns
    -------
    str
    """
    return (f"The mixed model is fitted only when each compared bloc has at least {min_articles} articles "
            f"and at least {min_outlets} outlets: with fewer, the outlet and article variances cannot be "
            f"separated from the bloc difference.")


def _not_fitted(a: str, b: str, counts: dict, reason: str) -> dict:
    return {"a": a, "b": b, "fitted": False, "reason": reason, "coefficient": float("nan"),
            "ci_low": float("nan"), "ci_high": float("nan"), "icc_outlet": float("nan"),
            "icc_article": float("nan"), "warnings": [], **counts}


def bloc_mixed_model(frame: pd.DataFrame, a: str, b: str, column: str = "compound", *, ci: float = 0.95,
                     min_articles: int = MIN_ARTICLES_FOR_INTERVAL,
                     min_outlets: int = MIN_OUTLETS_FOR_MIXED) -> dict:
    """Fit `column ~ bloc` on the sentences of blocs a and b, with random intercepts for outlet and
    for article within outlet, when each bloc has `min_articles` articles and `min_outlets` outlets.

    Parameters
    ----------
    frame : one row per sentence, with bloc, outlet, article_id and `column`.
    a, b : the blocs compared (the coefficient is a - b); other blocs are left out.
    column : the sentence score.
    ci : coverage of the Wald interval.
    min_articles, min_outlets : the rule (`mixed_model_rule`).

    Returns
    -------
    dict
        a, b, fitted (bool), reason (why not fitted, or why no interval; "" otherwise), coefficient,
        ci_low, ci_high, icc_outlet (share of variance between outlets), icc_article (between
        articles within an outlet), var_outlet, var_article, var_residual (when fitted), warnings
        (kept for callers; always empty), n_articles_a, n_articles_b, n_outlets_a, n_outlets_b,
        n_sentences. Estimates are NaN unless fitted.
    """
    part = frame.loc[frame["bloc"].isin([a, b]) & frame[column].notna(), ["bloc", "outlet", "article_id", column]]
    counts = {"n_articles_a": int(part.loc[part["bloc"] == a, "article_id"].nunique()),
              "n_articles_b": int(part.loc[part["bloc"] == b, "article_id"].nunique()),
              "n_outlets_a": int(part.loc[part["bloc"] == a, "outlet"].nunique()),
              "n_outlets_b": int(part.loc[part["bloc"] == b, "outlet"].nunique()), "n_sentences": len(part)}
    short = [f"{bloc} has {counts[f'n_articles_{k}']} articles and {counts[f'n_outlets_{k}']} outlets"
             for bloc, k in ((a, "a"), (b, "b"))
             if counts[f"n_articles_{k}"] < min_articles or counts[f"n_outlets_{k}"] < min_outlets]
    if short:
        return _not_fitted(a, b, counts, f"not fitted: {'; '.join(short)} (each bloc needs at least {min_articles} "
                                         f"articles and {min_outlets} outlets)")
    sums = _article_sums(part[column].to_numpy(dtype=float), (part["bloc"] == a).to_numpy(dtype=float),
                         part["outlet"].astype(str).to_numpy(), part["article_id"].astype(str).to_numpy())
    from scipy import optimize  # (here: scipy's optimiser and distributions take a second to import)

    fits = [optimize.minimize(_deviance, start, args=sums, method="L-BFGS-B", bounds=[(0.0, _MAX_RATIO)] * 2)
            for start in _STARTS]
    best = min(fits, key=lambda f: (not np.isfinite(f.fun), f.fun))
    # (a run may stop "abnormally" in its line search on a flat likelihood at the optimum another run
    # reached and reported: the fit converged when a run that converged found the best value)
    if not np.isfinite(best.fun) or not any(f.success and f.fun <= best.fun + 1e-9 * max(1.0, abs(best.fun))
                                            for f in fits):
        return _not_fitted(a, b, counts, f"not reported: the fit did not converge ({best.message})")
    theta = np.asarray(best.x, dtype=float)
    beta, cov, sigma2 = _estimates(theta, *sums)
    var_outlet, var_article, var_residual = float(theta[0] ** 2 * sigma2), float(theta[1] ** 2 * sigma2), sigma2
    total = var_outlet + var_article + var_residual
    coefficient, se = float(beta[1]), float(np.sqrt(cov[1, 1]))
    out = {"a": a, "b": b, "fitted": True, "reason": "", "coefficient": coefficient,
           "ci_low": float("nan"), "ci_high": float("nan"),
           "icc_outlet": var_outlet / total, "icc_article": var_article / total,
           "var_outlet": var_outlet, "var_article": var_article, "var_residual": var_residual,
           "warnings": [], **counts}
    zero = [name for name, share in (("outlet", out["icc_outlet"]), ("article", out["icc_article"]))
            if share < BOUNDARY_SHARE]
    if zero:
        out["reason"] = (f"no interval: the {' and '.join(zero)} variance{'s are' if len(zero) == 2 else ' is'} estimated "
                         f"at zero (below {BOUNDARY_SHARE:g} of the total), on the boundary where a Wald interval is "
                         f"not reliable" + (" and the model treats the sentences as independent" if len(zero) == 2 else ""))
    elif not _curved(theta, sums) or not np.isfinite(se):
        out["reason"] = ("no interval: the likelihood's curvature at the estimate is not positive definite, so its "
                         "standard error is not reliable")
    else:
        from scipy import stats as scipy_stats

        z = float(scipy_stats.norm.ppf(1 - (1 - ci) / 2))
        out["ci_low"], out["ci_high"] = coefficient - z * se, coefficient + z * se
    return out


_Sums = tuple[np.ndarray, np.ndarray, np.ndarray]


def _article_sums(y: np.ndarray, x: np.ndarray, outlets: np.ndarray, articles: np.ndarray) -> _Sums:
    """Per article (an article id within its outlet): `s`, the sums of 1, x and y (k x 3); `S`, the
    sums of their products (k x 3 x 3); and its outlet's index. y and x are centred first (the
    slope is unchanged, the sums better conditioned)."""
    y, x = y - y.mean(), x - x.mean()
    codes, keys = pd.factorize(pd.MultiIndex.from_arrays([outlets, articles]), sort=True)
    k = len(keys)
    u = (np.ones_like(y), x, y)
    s = np.stack([np.bincount(codes, weights=v, minlength=k) for v in u], axis=1)
    S = np.empty((k, 3, 3))
    for i in range(3):
        for j in range(i, 3):
            S[:, i, j] = S[:, j, i] = np.bincount(codes, weights=u[i] * u[j], minlength=k)
    outlet = pd.factorize(keys.get_level_values(0), sort=True)[0]
    return s, S, outlet


def _moments(theta: np.ndarray, s: np.ndarray, S: np.ndarray, outlet: np.ndarray) -> tuple[np.ndarray, float]:
    """[1, x, y]' V^-1 [1, x, y] and log det V, for V the covariance of the scores over the residual
    variance: V = I + t_a^2 (same article) + t_o^2 (same outlet), inverted article by article and
    then outlet by outlet (Sherman-Morrison), so no matrix of sentences is ever formed."""
    t_outlet, t_article = float(theta[0]), float(theta[1])
    n = s[:, 0]
    shrink = 1.0 / (1.0 + n * t_article ** 2)  # 1' A^-1 w = (sum of w) * shrink, for A one article's block
    gram = S.sum(axis=0) - np.einsum("k,ki,kj->ij", t_article ** 2 * shrink, s, s)
    k = int(outlet.max()) + 1
    t = np.stack([np.bincount(outlet, weights=s[:, i] * shrink, minlength=k) for i in range(3)], axis=1)
    c = np.bincount(outlet, weights=n * shrink, minlength=k)
    gram = gram - np.einsum("o,oi,oj->ij", t_outlet ** 2 / (1.0 + t_outlet ** 2 * c), t, t)
    logdet = float(np.log1p(n * t_article ** 2).sum() + np.log1p(t_outlet ** 2 * c).sum())
    return gram, logdet


def _gls(theta: np.ndarray, s: np.ndarray, S: np.ndarray, outlet: np.ndarray) -> tuple[np.ndarray, np.ndarray, float, float]:
    """At `theta`: X' V^-1 X, the fixed effects (intercept, slope), the residual sum of squares
    (r' V^-1 r) and log det V."""
    gram, logdet = _moments(theta, s, S, outlet)
    xx, xy, yy = gram[:2, :2], gram[:2, 2], gram[2, 2]
    beta = np.linalg.solve(xx, xy)
    return xx, beta, float(yy - xy @ beta), logdet


def _estimates(theta: np.ndarray, s: np.ndarray, S: np.ndarray, outlet: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """The fixed effects (intercept, slope), their covariance and the residual variance at `theta`."""
    xx, beta, residual, _ = _gls(theta, s, S, outlet)
    sigma2 = residual / (s[:, 0].sum() - 2)
    return beta, sigma2 * np.linalg.inv(xx), sigma2


def _deviance(theta: np.ndarray, s: np.ndarray, S: np.ndarray, outlet: np.ndarray) -> float:
    """-2 x the REML log-likelihood with the residual variance profiled out, up to a constant."""
    try:
        xx, _, residual, logdet = _gls(theta, s, S, outlet)
    except np.linalg.LinAlgError:  # (bloc and intercept not apart: no likelihood here)
        return float("inf")
    sign, logdet_xx = np.linalg.slogdet(xx)
    if sign <= 0 or not residual > 0:
        return float("inf")
    return logdet + logdet_xx + (s[:, 0].sum() - 2) * np.log(residual)


def _curved(theta: np.ndarray, sums: _Sums) -> bool:
    """Whether the deviance curves upward around `theta` (a finite-difference Hessian in the
    variance ratios, positive definite)."""
    h = 1e-4 * np.maximum(np.abs(theta), 1e-2)
    hess = np.empty((2, 2))
    for i, j in ((0, 0), (0, 1), (1, 1)):  # (symmetric: the lower corner is the upper one)
        ei, ej = np.eye(2)[i] * h[i], np.eye(2)[j] * h[j]
        hess[i, j] = hess[j, i] = (_deviance(theta + ei + ej, *sums) - _deviance(theta + ei - ej, *sums)
                                   - _deviance(theta - ei + ej, *sums) + _deviance(theta - ei - ej, *sums)) / (4 * h[i] * h[j])
    return bool(np.all(np.isfinite(hess)) and np.all(np.linalg.eigvalsh(hess) > 0))
