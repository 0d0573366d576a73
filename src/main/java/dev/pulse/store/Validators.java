package dev.pulse.store;

/**
 * The validators of the last good fetch of a URL, sent back for a conditional GET.
 *
 * @param etag the ETag, or null
 * @param lastModified the Last-Modified value, or null
 */
public record Validators(String etag, String lastModified) {

  public boolean isEmpty() {
    return etag == null && lastModified == null;
  }
}
