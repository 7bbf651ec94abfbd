"""Turn a corpus into the processed tables every notebook reads, in bounded memory.

A build makes two passes over the corpus, one chunk of articles at a time:
1. count the lines each outlet prints in several of its articles (navigation, taglines,
   disclaimers), kept as 64-bit hashes so that the pass needs little memory (`lines`);
2. run `process_article`, a pure function of one article (`article`), on every article (serially,
   in a process pool, or on a Dask cluster: the same function either way, `engines`) and append
   each chunk's rows to the output files (one Parquet row group per chunk, `sinks`).
Corpus-level tables come from totals summed chunk by chunk: keyness from term counts per bloc,
topics from a bounded sample of paragraphs read back from the written table (`passes`). A cache
keyed by each article's content, its outlet's repeated lines and the code lets an interrupted or
repeated build reuse the articles it has already processed; it stores data (compressed JSON,
checked when read), never code (`cache`).

`build_corpus` writes into a temporary folder beside the output folder, under a lock on it, and
moves the finished tables into place at the end, then writes `manifest.json` (corpus
fingerprint, settings, row counts): an interrupted or failed build leaves the previous output
as it was, and a reader can tell a complete output from a partial one. Its options travel as one
`Settings` object (`settings`); the tables' columns and cell rules are in `analysis.schema`.
"""

from analysis.clean import SharedLines, line_hashes, outlet_shared_lines
from analysis.pipeline.article import STAGES, Context, frames_of, process_article
from analysis.pipeline.cache import Cache, CacheError, code_fingerprint
from analysis.pipeline.command import command_settings, run_build
from analysis.pipeline.engines import Engine
from analysis.pipeline.passes import BuildStats
from analysis.pipeline.settings import Settings
from analysis.pipeline.sinks import OutputError, check_out
from analysis.pipeline.tables import build_corpus, build_tables
from analysis.pipeline.tidy import SIGNIFICANT_DIGITS, SMALLEST, round_significant

__all__ = [
    "SIGNIFICANT_DIGITS", "SMALLEST", "STAGES", "BuildStats", "Cache", "CacheError", "Context", "Engine", "OutputError",
    "Settings", "SharedLines", "build_corpus", "build_tables", "check_out", "code_fingerprint", "command_settings",
    "frames_of", "line_hashes", "outlet_shared_lines", "process_article", "round_significant", "run_build",
]
