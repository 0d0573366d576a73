package dev.pulse.source;

/**
 * Lists the articles of one source. Never throws for a bad source: failures come back as {@link
 * Discovery#problems()}.
 */
public interface SourceDiscoverer {

  Discovery discover(SourceConfig source);
}
