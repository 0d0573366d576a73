package dev.pulse.editorial;

import java.util.List;

/**
 * The outcome of saving an {@link Edit}: saved (with the new version), or refused because another
 * save came first; {@code newer} then lists that other change, field by field.
 */
public record SaveResult(boolean saved, long version, List<AuditRecord> newer) {

  public SaveResult {
    newer = List.copyOf(newer);
  }
}
