package dev.pulse.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Prints how fast the in-process model embeds entry-sized texts (title + summary, ~70 words), in
 * batches of 64 as the site's vector cache does. A program, not a test:
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.pulse.embed.EmbeddingBenchmark 2000
 * </pre>
 */
public final class EmbeddingBenchmark {

  private EmbeddingBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    long t0 = System.nanoTime();
    Embedder embedder = Embedder.shared();
    embedder.embed("warm up");
    long t1 = System.nanoTime();
    String[] words =
        ("the council approved a new plan for the harbour after a long debate on tuesday while"
                + " residents raised concerns about noise traffic and costs officials said work"
                + " would start in march")
            .split(" ");
    Random random = new Random(42);
    List<String> texts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < 70; w++) {
        sb.append(words[random.nextInt(words.length)]).append(' ');
      }
      texts.add(sb.toString());
    }
    long t2 = System.nanoTime();
    for (int i = 0; i < n; i += 64) {
      embedder.embedAll(texts.subList(i, Math.min(n, i + 64)));
    }
    long t3 = System.nanoTime();
    System.out.printf(
        "model load %.2f s; %d texts of 70 words embedded in %.1f s = %.0f texts/s%n",
        (t1 - t0) / 1e9, n, (t3 - t2) / 1e9, n / ((t3 - t2) / 1e9));
  }
}
