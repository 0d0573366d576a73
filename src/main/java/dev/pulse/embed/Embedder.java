package dev.pulse.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sentence embeddings computed in-process (quantised all-MiniLM-L6-v2 through ONNX Runtime, shipped
 * inside its Maven jar: no network, no download). 384 dimensions, unit length. Thread-safe; load it
 * once per process through {@link #shared()}, since loading costs about a second.
 */
public final class Embedder {

  /** The model's name as stored in provenance. */
  public static final String MODEL_NAME = "all-minilm-l6-v2-q";

  private static volatile @Nullable Embedder shared;

  private final EmbeddingModel model;

  private Embedder(EmbeddingModel model) {
    this.model = model;
  }

  /** The process-wide instance, loaded on first use. */
  public static Embedder shared() {
    Embedder e = shared;
    if (e == null) {
      synchronized (Embedder.class) {
        e = shared;
        if (e == null) {
          keepOffline();
          e = new Embedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
          shared = e;
        }
      }
    }
    return e;
  }

  /**
   * The model's tokenizer library (DJL) otherwise phones home on first use: it probes the EC2
   * metadata address and a telemetry bucket. Pulse promises no network use here, so opt out unless
   * the user set these themselves.
   */
  private static void keepOffline() {
    if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    if (System.getProperty("OPT_OUT_TRACKING") == null
        && System.getenv("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
  }

  /** One text's vector, unit length. Empty text gives the embedding of an empty string. */
  public float[] embed(@Nullable String text) {
    return model.embed(text == null ? "" : text).content().vector();
  }

  /** Many texts in one batch, in order; faster than one by one. */
  public List<float[]> embedAll(List<@Nullable String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      segments.add(TextSegment.from(t == null || t.isBlank() ? " " : t));
    }
    return model.embedAll(segments).content().stream().map(x -> x.vector()).toList();
  }

  /** Cosine similarity of two vectors of the same length. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
