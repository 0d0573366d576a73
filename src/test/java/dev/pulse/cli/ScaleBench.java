package dev.pulse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scale-out against the bound, all on one machine: {@code --articles} articles on {@code --hosts}
 * loopback hosts (127.0.0.2 upwards, {@code --host-delay-ms} apart), a fake OpenAI server answering
 * in {@code --latency-ms} and allowing {@code --rpm} requests a minute, a real PostgreSQL, and 1,
 * 2, 4 ... {@code pulse worker} processes of {@code --threads} threads each. For each number of
 * workers: the time from the first item task to the last entry stored, the bound {@code max(N /
 * RPM, N / hosts × host delay, N × latency / total concurrency)}, the share of the bound reached,
 * the scaling efficiency against one worker, 429s, and each worker's peak RSS.
 *
 * <p>{@code --memory} instead compares a worker's peak RSS over its first {@code --memory-s}
 * seconds with 1,000 and with 10,000 item tasks queued.
 */
public final class ScaleBench {

  public static void main(String[] args) throws Exception {
    run(args);
    // the hosts' server threads and the embedded server's hooks would keep the JVM up
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int articles = Integer.parseInt(a.getOrDefault("articles", "1000"));
    int hosts = Integer.parseInt(a.getOrDefault("hosts", "20"));
    long hostDelayMs = Long.parseLong(a.getOrDefault("host-delay-ms", "1000"));
    long latencyMs = Long.parseLong(a.getOrDefault("latency-ms", "1000"));
    int rpm = Integer.parseInt(a.getOrDefault("rpm", "600"));
    int threads = Integer.parseInt(a.getOrDefault("threads", "16"));
    Path work = Files.createTempDirectory("pulse-scale-bench");
    if (a.containsKey("memory")) {
      List<Integer> sizes = new ArrayList<>();
      for (String q : a.getOrDefault("queued", "1000,10000").split(",")) {
        sizes.add(Integer.parseInt(q.strip()));
      }
      memory(work, hosts, sizes, Integer.parseInt(a.getOrDefault("memory-s", "60")), threads);
      return;
    }
    List<Integer> counts = new ArrayList<>();
    for (String w : a.getOrDefault("workers", "1,2,4").split(",")) {
      counts.add(Integer.parseInt(w.strip()));
    }
    double baseRate = 0;
    double baseBound = 0;
    System.out.printf(
        Locale.ROOT,
        "articles %d, hosts %d (delay %d ms), LLM %d ms latency, %d rpm, %d threads per worker%n",
        articles,
        hosts,
        hostDelayMs,
        latencyMs,
        rpm,
        threads);
    for (int workers : counts) {
      Path dir = Files.createDirectories(work.resolve("w" + workers));
      try (ScaleRig rig =
          new ScaleRig(
              dir,
              hosts,
              articles / hosts,
              Duration.ofMillis(hostDelayMs),
              latencyMs,
              rpm,
              threads,
              Duration.ofSeconds(30))) {
        int n = (articles / hosts) * hosts;
        for (int i = 0; i < workers; i++) {
          rig.startWorker();
        }
        long start = System.nanoTime();
        await(
            rig,
            "item tasks",
            () ->
                rig.count(
                        "SELECT (SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'item')"
                            + " + (SELECT COUNT(*) FROM entries)")
                    >= n,
            Duration.ofMinutes(5));
        long tasksAt = System.nanoTime();
        await(rig, "entries", () -> rig.entries() >= n, Duration.ofMinutes(30));
        long done = System.nanoTime();
        double seconds = (done - tasksAt) / 1e9;
        double bound =
            Math.max(
                n * 60.0 / rpm,
                Math.max(
                    (double) n / hosts * hostDelayMs / 1000.0,
                    n * latencyMs / 1000.0 / (workers * threads)));
        double rate = n / seconds;
        if (baseRate == 0) {
          baseRate = rate;
          baseBound = bound;
        }
        List<String> rss = new ArrayList<>();
        for (PulseProcess p : rig.workers) {
          rss.add(peakRssMb(p.process.pid()) + " MB");
        }
        System.out.printf(
            Locale.ROOT,
            "%d worker(s): %d stored in %.1f s (discovery %.1f s before), bound %.1f s,"
                + " %.2f of the bound, %.1f articles/s, speedup %.2f of a possible %.2f"
                + " (scaling efficiency %.2f), 429s %d,"
                + " busiest minute %d requests, closest requests to a host %d ms, peak RSS %s%n",
            workers,
            n,
            seconds,
            (tasksAt - start) / 1e9,
            bound,
            bound / seconds,
            rate,
            rate / baseRate,
            baseBound / bound,
            (rate / baseRate) / (baseBound / bound),
            rig.llm.refused.get(),
            rig.llm.busiestMinute(),
            rig.hosts.closestRequests().toMillis(),
            rss);
      }
    }
  }

  /** Peak RSS over a worker's first seconds with 1,000 and then 10,000 item tasks queued. */
  private static void memory(Path work, int hosts, List<Integer> sizes, int seconds, int threads)
      throws Exception {
    for (int queued : sizes) {
      Path dir = Files.createDirectories(work.resolve("m" + queued));
      try (ScaleRig rig =
          new ScaleRig(
              dir,
              hosts,
              queued / hosts,
              Duration.ofMillis(1000),
              1000,
              600,
              threads,
              Duration.ofSeconds(30))) {
        PulseProcess p = rig.startWorker();
        await(
            rig,
            "item tasks",
            () ->
                rig.count(
                        "SELECT (SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'item')"
                            + " + (SELECT COUNT(*) FROM entries)")
                    >= queued,
            Duration.ofMinutes(5));
        Thread.sleep(seconds * 1000L);
        System.out.printf(
            Locale.ROOT,
            "%d item tasks queued: peak RSS %d MB after %d s (%d stored)%n",
            queued,
            peakRssMb(p.process.pid()),
            seconds,
            rig.entries());
      }
    }
  }

  private static long peakRssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process is gone
    }
    return -1;
  }

  private static void await(
      ScaleRig rig, String what, java.util.function.BooleanSupplier done, Duration limit)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (true) {
      boolean ok;
      try {
        ok = done.getAsBoolean();
      } catch (IllegalStateException e) {
        ok = false; // the schema is not there yet
      }
      if (ok) {
        return;
      }
      if (System.nanoTime() > end) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(200);
    }
  }
}
