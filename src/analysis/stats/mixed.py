"""A linear mixed model of sentence scores: the bloc difference with sentences nested in articles
and articles nested in outlets, fitted only where there are enough articles and outlets.

The model is `score ~ bloc` with a random intercept for each outlet and a variance component for
each article within its outlet (statsmodels `MixedLM`, REML, Powell's method from statsmodels' default
start: no randomness; Powell needs no gradient, and converges where L-BFGS stalls on a likelihood
that is flat near a zero variance). Its bloc coefficient is the difference a - b of bloc means with every sentence
weighted by how much it tells about its article and outlet; its interval is a Wald interval (the
coefficient plus or minus a normal quantile times its standard error), which is optimistic when
there are few outlets, and is not shown when a variance is estimated at zero (on the boundary of the
parameter space) or the Hessian is not positive definite. The ICCs say how much of the spread of
sentence scores lies between outlets and between articles of one outlet. A fit that does not
converge or warns otherwise is reported as such, without an estimate.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy import stats as scipy_stats

from analysis.stats.design import MIN_ARTICLES_FOR_INTERVAL

#: Outlets each bloc needs for the mixed model: with fewer, an outlet variance cannot be told
#: apart from the bloc difference (two outlets per bloc give one degree of freedom for it).
MIN_OUTLETS_FOR_MIXED = 3

#: A variance below this share of the total is reported as estimated at zero (on the boundary).
BOUNDARY_SHARE = 1e-3

#: Most cells of the article design the fit may build: statsmodels holds, per outlet, a dense matrix
#: of its sentences by its articles (100 million cells are 800 MB; 100,000 articles in 40 outlets
#: would need about 37 GB). Above it the model is not fitted, and says why.
MAX_DESIGN_CELLS = 100_000_000

#: The `method` of the mixed model's row in the results summary.
MIXED_METHOD = "linear mixed model, random intercepts for outlet and article"


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
                     min_outlets: int = MIN_OUTLETS_FOR_MIXED, max_cells: int = MAX_DESIGN_CELLS) -> dict:
    """Fit `column ~ bloc` on the sentences of blocs a and b, with random intercepts for outlet and
    for article within outlet, when each bloc has `min_articles` articles and `min_outlets` outlets
    and the article design stays within `max_cells` (memory; `MAX_DESIGN_CELLS`).

    Parameters
    ----------
    frame : one row per sentence, with bloc, outlet, article_id and `column`.
    a, b : the blocs compared (the coefficient is a - b); other blocs are left out.
    column : the sentence score.
    ci : coverage of the Wald interval.
    min_articles, min_outlets : the rule (`mixed_model_rule`).
    max_cells : most cells of the per-outlet article designs (sentences x articles, summed).

    Returns
    -------
    dict
        a, b, fitted (bool), reason (why not fitted, or why no interval; "" otherwise), coefficient,
        ci_low, ci_high, icc_outlet (share of variance between outlets), icc_article (between
        articles within an outlet), var_outlet, var_article, var_residual (when fitted), warnings
        (the fit's warning messages), n_articles_a, n_articles_b, n_outlets_a, n_outlets_b,
        n_sentences. Estimates are NaN unless fitted.
    """
    from statsmodels.regression.mixed_linear_model import MixedLM
    from statsmodels.tools.sm_exceptions import ConvergenceWarning

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
    per_outlet = part.groupby("outlet", observed=True).agg(sentences=("article_id", "size"),
                                                            articles=("article_id", "nunique"))
    cells = int((per_outlet["sentences"] * per_outlet["articles"]).sum())
    if cells > max_cells:
        return _not_fitted(a, b, counts, f"not fitted: the article variance would need a design of {cells:,} cells "
                                         f"(each outlet's sentences by its articles), more than the limit of "
                                         f"{max_cells:,}; the bootstrap over articles carries the comparison")
    data = pd.DataFrame({"y": part[column].to_numpy(dtype=float), "x": (part["bloc"] == a).to_numpy(dtype=float),
                         "outlet": part["outlet"].astype(str).to_numpy(),
                         "article_id": part["article_id"].astype(str).to_numpy()})
    data = data.sort_values(["outlet", "article_id"], kind="stable").reset_index(drop=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            model = MixedLM.from_formula("y ~ x", data, groups="outlet", re_formula="1",
                                         vc_formula={"article": "0 + C(article_id)"})
            result = model.fit(reml=True, method="powell")
        except (np.linalg.LinAlgError, ValueError) as error:
            return _not_fitted(a, b, counts, f"not reported: the fit failed ({error})")
    # statsmodels' own boundary warning uses an absolute 0.01, which a variance of tone scores can sit below
    # while far from zero: the boundary is judged relative to the total variance instead (BOUNDARY_SHARE).
    messages = sorted({str(w.message).strip() for w in caught
                       if issubclass(w.category, (ConvergenceWarning, RuntimeWarning, UserWarning))
                       and "on the boundary" not in str(w.message) and "not positive definite" not in str(w.message)})
    hessian_bad = any("not positive definite" in str(w.message) for w in caught)
    if not result.converged or messages:
        out = _not_fitted(a, b, counts, "not reported: the fit " + ("did not converge" if not result.converged
                                                                      else "warned") + (": " + "; ".join(messages)
                                                                                        if messages else ""))
        out["warnings"] = messages
        return out
    var_outlet, var_article, var_residual = (float(result.cov_re.iloc[0, 0]), float(result.vcomp[0]),
                                             float(result.scale))
    total = var_outlet + var_article + var_residual
    coefficient, se = float(result.fe_params["x"]), float(result.bse_fe["x"])
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
    elif hessian_bad or not np.isfinite(se):
        out["reason"] = "no interval: the Hessian at the estimate is not positive definite, so its standard error is not reliable"
    else:
        z = float(scipy_stats.norm.ppf(1 - (1 - ci) / 2))
        out["ci_low"], out["ci_high"] = coefficient - z * se, coefficient + z * se
    return out
