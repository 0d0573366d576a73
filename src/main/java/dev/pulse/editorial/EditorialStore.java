package dev.pulse.editorial;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The persistence role of the editors' work: review states, corrections, the audit trail and soft
 * edit locks. It reads entries but never writes them. Every change is audited in the same
 * transaction. Thread-safe.
 */
public interface EditorialStore {

  /** Review states of the entries that left {@code NEW}. */
  Map<String, ReviewState> reviewStates();

  ReviewState reviewState(String entryId);

  /** Moves an entry to {@code state}, audited as {@code actor}. */
  void setReviewState(String entryId, ReviewState state, String actor);

  /** The queue page for {@code query}. */
  QueuePage queue(QueueQuery query);

  /** The distinct source names of the stored entries, for the queue's filter. */
  List<String> sources();

  /** Every correction, by entry id. */
  Map<String, Correction> corrections();

  Optional<Correction> correction(String entryId);

  /**
   * Saves an edit based on {@code baseVersion}; refused (nothing written) when the entry's
   * corrections have moved past that version meanwhile.
   *
   * @param ai the analyzer's current values, to tell a correction from a confirmation
   */
  SaveResult save(String entryId, long baseVersion, Edit edit, Edit ai, String actor);

  /** The entry's audit trail, oldest first. */
  List<AuditRecord> audit(String entryId);

  /**
   * Takes or refreshes {@code user}'s soft lock on an entry, unless another user holds a lock
   * touched within {@code inactivity}. Returns the lock in force afterwards.
   */
  EditLock lock(String entryId, String user, Duration inactivity);

  /** The lock in force (touched within {@code inactivity}), if any. */
  Optional<EditLock> currentLock(String entryId, Duration inactivity);

  /** Releases {@code user}'s lock; with {@code user} null, whoever holds it (an admin's break). */
  void unlock(String entryId, @Nullable String user, String actor);
}
