package dev.pulse.desk;

import dev.pulse.editorial.AccountStore;
import dev.pulse.editorial.EditorialStore;
import dev.pulse.editorial.VoteStore;
import dev.pulse.store.EntryStore;
import dev.pulse.store.RunLog;
import java.util.List;
import java.util.Objects;

/**
 * What the desk works with, built in {@code main}.
 *
 * @param entries the analyzer's entries, read only
 * @param runLog the runs of the pipeline with their failures, read only
 * @param categories the taxonomy's category names: the only categories an editor may choose
 * @param site the public site's pages
 */
public record DeskServices(
    AccountStore accounts,
    EditorialStore editorial,
    EntryStore entries,
    RunLog runLog,
    List<String> categories,
    SiteSource site,
    RunControl runs,
    VoteStore votes) {

  public DeskServices {
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(editorial, "editorial");
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(runLog, "runLog");
    categories = List.copyOf(categories);
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(runs, "runs");
    Objects.requireNonNull(votes, "votes");
  }
}
