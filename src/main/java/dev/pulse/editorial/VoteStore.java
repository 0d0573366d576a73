package dev.pulse.editorial;

import java.time.Duration;
import java.time.Instant;

/**
 * The persistence role of reader feedback: one vote per browser per entry, a salted hash of the
 * address for rate limiting (cleared after the retention period), nothing else. Thread-safe.
 */
public interface VoteStore {

  /** What became of a vote. */
  enum Outcome {
    RECORDED,
    DUPLICATE,
    LIMITED
  }

  /**
   * Records a vote unless this voter has voted on this entry already, or this address has cast
   * {@code maxPerHour} votes within the past hour.
   */
  Outcome vote(
      String entryId, String voter, boolean yes, String addressHash, Instant at, int maxPerHour);

  /** Yes and No counts of one entry. */
  int[] counts(String entryId);

  /** A per-installation random salt for address hashes, created on first use. */
  String salt();

  /** Clears the address hashes of votes older than {@code retention}; returns how many. */
  int forgetAddresses(Duration retention, Instant now);
}
