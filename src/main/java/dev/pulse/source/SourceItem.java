package dev.pulse.source;

import java.time.OffsetDateTime;

/** An entry as a feed or sitemap lists it, before its URL is checked. */
record SourceItem(String url, String title, OffsetDateTime published) {}
