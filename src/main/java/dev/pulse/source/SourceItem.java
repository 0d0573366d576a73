package dev.pulse.source;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** An entry as a feed or sitemap lists it, before its URL is checked. */
record SourceItem(
    @Nullable String url, @Nullable String title, @Nullable OffsetDateTime published) {}
