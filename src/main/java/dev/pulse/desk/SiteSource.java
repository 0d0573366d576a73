package dev.pulse.desk;

import java.util.Map;

/**
 * Where the public site served by {@code pulse serve} comes from: the same pages as {@code pulse
 * site}, rendered into memory from the store.
 */
public interface SiteSource {

  /** Renders the whole site: site-relative path ("entries/ab..cd.html") to content. */
  Map<String, byte[]> render();

  /**
   * A cheap marker of the store's published state: when it differs from the one the last render
   * saw, the site is rendered again.
   */
  String signature();
}
