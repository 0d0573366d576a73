package dev.pulse.desk;

import dev.pulse.editorial.AccountStore;
import dev.pulse.editorial.EditorialStore;
import dev.pulse.store.EntryStore;
import java.util.List;
import java.util.Objects;

/**
 * What the desk works with, built in {@code main}.
 *
 * @param entries the analyzer's entries, read only
 * @param categories the taxonomy's category names: the only categories an editor may choose
 * @param site the public site's pages
 */
public record DeskServices(
    AccountStore accounts,
    EditorialStore editorial,
    EntryStore entries,
    List<String> categories,
    SiteSource site) {

  public DeskServices {
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(editorial, "editorial");
    Objects.requireNonNull(entries, "entries");
    categories = List.copyOf(categories);
    Objects.requireNonNull(site, "site");
  }
}
