package dev.pulse.fetch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Where the ETag and Last-Modified of the last good copy of a URL are kept between runs, so the
 * next fetch can be a conditional GET. The pipeline's store implements it for persistence; {@link
 * #inMemory()} serves tests and single runs. Thread-safe.
 */
public interface ValidatorStore {

  /** The validators of a copy: either may be null, not both. */
  record Validators(@Nullable String etag, @Nullable String lastModified) {

    /** Validators of a fetched result, or null if the server sent none. */
    public static @Nullable Validators of(FetchResult result) {
      return result.etag() == null && result.lastModified() == null
          ? null
          : new Validators(result.etag(), result.lastModified());
    }

    /** The request for {@code url} made conditional on these validators. */
    public FetchRequest apply(FetchRequest request) {
      return new FetchRequest(request.url(), request.kind(), etag, lastModified);
    }
  }

  /** The validators stored for this URL (the URL as requested), or null. */
  @Nullable Validators get(String url);

  /** Replaces the validators for this URL; null removes them. */
  void put(String url, @Nullable Validators validators);

  /** A store that lives as long as the object. */
  static ValidatorStore inMemory() {
    Map<String, Validators> map = new ConcurrentHashMap<>();
    return new ValidatorStore() {
      @Override
      public @Nullable Validators get(String url) {
        return map.get(url);
      }

      @Override
      public void put(String url, @Nullable Validators validators) {
        if (validators == null) {
          map.remove(url);
        } else {
          map.put(url, validators);
        }
      }
    };
  }

  /** A store that keeps nothing: every fetch is unconditional. */
  static ValidatorStore none() {
    return new ValidatorStore() {
      @Override
      public @Nullable Validators get(String url) {
        return null;
      }

      @Override
      public void put(String url, @Nullable Validators validators) {}
    };
  }
}
