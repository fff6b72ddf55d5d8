"""khabar: Arabic news reports into attributed, traceable records.

Public API: :func:`analyze` runs every stage over files and folders of reports.
"""

from khabar.pipeline import Analysis, analyze

__version__ = "0.1.0"
__all__ = ["Analysis", "__version__", "analyze"]
