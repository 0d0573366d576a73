package dev.pulse.pipeline;

import java.util.Locale;

/** The ways an item can end, counted per run. */
public enum Outcome {
  /** Sources (feeds, sitemaps) that answered 304: nothing new since the last run. */
  SOURCES_UNCHANGED,
  /** Found by discovery. */
  DISCOVERED,
  /**
   * Listed again under another URL in this run (the same canonical URL: tracking parameters, a
   * fragment; or listed by another source too): merged into the first, counted here so that every
   * listed item has one outcome.
   */
  MERGED,
  /** Taken from the retry queue: failed on an earlier run for a passing reason. */
  RETRIED,
  /** Fetched with a fresh body. */
  FETCHED,
  /** Not modified (304), or same content already analyzed by the same analyzer version. */
  UNCHANGED,
  /** Analyzed and written (new or updated entry). */
  STORED,
  /** The same article as an existing entry under another URL: linked to it, not analyzed. */
  DUPLICATE,
  /**
   * Stored, but its summary or editor's note makes claims the article does not support (the entry
   * carries them as flags); also counted as stored.
   */
  FLAGGED,
  /** Skipped on purpose (robots.txt). */
  SKIPPED,
  /** Failed at some stage; recorded with its reason. */
  FAILED,
  /**
   * Not finished in this run (a signal, the time budget, a fatal error, a cool-down): kept in the
   * store's queue, resumed by the next run.
   */
  QUEUED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
