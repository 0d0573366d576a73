package dev.pulse.fetch;

import java.time.Duration;

/**
 * A host's turn shared with other processes: the pacing {@link PoliteFetcher} keeps per host in
 * this process, held across all the workers that fetch from the same hosts. Taken after this
 * process's own turn for the host has come, before the request is sent, and handed back when the
 * request has ended: the next request to the host, from any process, starts at least the host's
 * delay after that. {@link #NONE} for a process that fetches alone.
 */
public interface HostGate {

  /** No other process fetches: this process's own pacing is the whole of it. */
  HostGate NONE = (host, spacing) -> () -> {};

  /** A host's turn; closing it ends the request and starts the host's delay. */
  interface Turn extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Waits until no other process holds {@code host}'s turn and its delay since the last request has
   * passed, then takes the turn.
   *
   * @param host the host name, lower case
   * @param spacing the host's delay (the longer of the minimum delay and its Crawl-delay), from the
   *     end of this request to the start of the next
   */
  Turn await(String host, Duration spacing) throws InterruptedException;
}
