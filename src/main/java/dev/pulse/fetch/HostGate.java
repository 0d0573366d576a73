package dev.pulse.fetch;

import java.time.Duration;

/**
 * A host's turn shared with other processes: the pacing {@link PoliteFetcher} keeps per host in
 * this process, held across all the workers that fetch from the same hosts. Called after this
 * process's own turn for the host has come, before the request is sent. {@link #NONE} for a process
 * that fetches alone.
 */
public interface HostGate {

  /** No other process fetches: this process's own pacing is the whole of it. */
  HostGate NONE = (host, spacing) -> {};

  /**
   * Waits until a request to {@code host} may start, at least {@code spacing} after the last one
   * any process started.
   *
   * @param host the host name, lower case
   * @param spacing the host's delay (the longer of the minimum delay and its Crawl-delay)
   */
  void await(String host, Duration spacing) throws InterruptedException;
}
