package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.store.Entry;
import dev.pulse.store.RunRecord;
import dev.pulse.store.Store;
import dev.pulse.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a scheduled run meets, with real {@code pulse} processes, real signals and a loopback news
 * site whose feed has an ETag: after each, the following run ends with every article stored exactly
 * once and the runs table tells the truth. Every wait is bounded.
 */
class ProcessFaultsIT {

  private static final int ARTICLES = 40;
  private static final Duration LIMIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private LoopbackNewsSite site;
  private FakeOpenAi llm;
  private Path config;
  private Path db;

  @BeforeEach
  void start() throws IOException {
    site = new LoopbackNewsSite(ARTICLES, 150);
    llm = new FakeOpenAi();
    db = dir.resolve("store/pulse.db");
    config = write("run:\n  grace: 5s\n");
  }

  @AfterEach
  void stop() {
    site.close();
    llm.close();
  }

  private Path write(String extra) throws IOException {
    String taxonomy = Path.of("data/categories.yml").toAbsolutePath().toString();
    return Files.writeString(dir.resolve("sources.yml"), site.config(taxonomy, extra));
  }

  private PulseProcess pulse(String name, String shellPrefix, String... extra) throws IOException {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "--config",
                config.toString(),
                "--db",
                db.toString(),
                "--analyzer",
                "llm",
                "--no-site"));
    List<String> more = new java.util.ArrayList<>(List.of(extra));
    java.util.Map<String, String> jvm = new java.util.HashMap<>();
    if (more.size() == 2 && more.get(0).equals("--sqlite-native")) {
      Path lib = Path.of(more.get(1));
      jvm.put("org.sqlite.lib.path", lib.getParent().toString());
      jvm.put("org.sqlite.lib.name", lib.getFileName().toString());
      more.clear();
    }
    args.addAll(more);
    return PulseProcess.start(
        dir,
        name,
        shellPrefix,
        java.util.Map.of("OPENAI_BASE_URL", llm.baseUrl(), "OPENAI_API_KEY", "sk-test-faults-0000"),
        jvm,
        args.toArray(String[]::new));
  }

  /** SQLite's JNI library for this machine, unpacked from the driver's jar into the test folder. */
  private Path sqliteNativeLibrary() throws IOException {
    String resource =
        "/org/sqlite/native/"
            + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS()
            + "/libsqlitejdbc.so";
    Path lib = dir.resolve("native/libsqlitejdbc.so");
    Files.createDirectories(lib.getParent());
    try (var in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Files.copy(in, lib);
    }
    return lib;
  }

  /** The run that follows a fault: fast, to the end, every article stored exactly once. */
  private void aFollowingRunStoresEverythingOnce(String name) throws Exception {
    site.articleDelay(0);
    PulseProcess next = pulse(name, null);
    assertThat(next.exitCode(LIMIT)).as(next.output()).isEqualTo(ExitCodes.OK);
    try (Store store = Stores.sqlite(db)) {
      List<Entry> entries = store.entryStore().entries();
      assertThat(entries).hasSize(ARTICLES);
      assertThat(entries.stream().map(Entry::url).distinct()).hasSize(ARTICLES);
      assertThat(store.workQueue().retries(100)).isEmpty();
      assertThat(store.runLog().runs().get(0).status()).isEqualTo("ok");
    }
  }

  private List<RunRecord> runs() {
    try (Store store = Stores.sqlite(db)) {
      return store.runLog().runs();
    }
  }

  @Test
  void pagesInWindows1251WithNoDeclarationAreStoredReadable() throws Exception {
    site.servesUndeclaredWindows1251();
    site.articleDelay(0);

    PulseProcess run = pulse("windows-1251", null);

    assertThat(run.exitCode(LIMIT)).as(run.output()).isEqualTo(ExitCodes.OK);
    try (Store store = Stores.sqlite(db)) {
      // the pages share their text, so all but the first are stored as its duplicates
      List<Entry> entries = store.entryStore().entries();
      assertThat(entries).isNotEmpty();
      assertThat(store.runLog().runs().get(0).status()).isEqualTo("ok");
      for (Entry e : entries) {
        assertThat(e.text()).contains("Депутаты городского совета в четверг утвердили бюджет");
        int n = Integer.parseInt(e.url().replaceAll(".*/a/(\\d+)\\.html$", "$1"));
        assertThat(e.title()).isEqualTo(LoopbackNewsSite.cyrillicTitle(n));
      }
    }
  }

  @Test
  void aRunKilledMidwayIsResumedByTheNextAndRecordedAsAbandoned() throws Exception {
    PulseProcess first = pulse("first", null);
    PulseProcess.await(
        LIMIT, "a third of the articles", () -> site.articlesServed.get() >= ARTICLES / 3);

    first.process.destroyForcibly(); // SIGKILL
    first.exitCode(LIMIT);

    aFollowingRunStoresEverythingOnce("second");
    assertThat(site.feedNotModified.get()).as("the feed's validators were kept").isPositive();
    List<RunRecord> runs = runs();
    assertThat(runs).hasSize(2);
    RunRecord killed = runs.get(1);
    assertThat(killed.status()).isEqualTo("abandoned");
    assertThat(killed.pid()).isEqualTo(first.process.pid());
    assertThat(killed.finishedAt()).isNotNull();
    assertThat(Files.readString(dir.resolve("second.err")))
        .contains("took over the store lock left by pulse run, pid " + first.process.pid());
  }

  @Test
  void sigtermQueuesWhatIsLeftRecordsTheRunAsInterruptedAndExitsSeven() throws Exception {
    PulseProcess first = pulse("first", null);
    PulseProcess.await(
        LIMIT, "a third of the articles", () -> site.articlesServed.get() >= ARTICLES / 3);

    first.process.destroy(); // SIGTERM

    assertThat(first.exitCode(Duration.ofSeconds(30)))
        .as(first.output())
        .isEqualTo(ExitCodes.INTERRUPTED);
    RunRecord interrupted = runs().get(0);
    assertThat(interrupted.status()).isEqualTo("interrupted");
    assertThat(interrupted.stopReason()).isEqualTo("SIGTERM");
    assertThat(interrupted.counts().get("queued")).isPositive();
    assertThat(interrupted.counts().get("stored") + interrupted.counts().get("queued"))
        .as("every item has one outcome")
        .isEqualTo(ARTICLES);
    aFollowingRunStoresEverythingOnce("second");
    assertThat(site.feedNotModified.get()).as("the feed's validators were kept").isPositive();
  }

  @Test
  void aSecondRunRefusesNamingTheHolderOrWaitsForIt() throws Exception {
    site.articleDelay(400);
    PulseProcess first = pulse("first", null);
    PulseProcess.await(LIMIT, "the first run to fetch", () -> site.articlesServed.get() >= 1);

    PulseProcess second = pulse("second", null);
    assertThat(second.exitCode(LIMIT)).as(second.output()).isEqualTo(ExitCodes.BUSY);
    assertThat(Files.readString(dir.resolve("second.err")))
        .contains(
            "the store is in use by another run (pulse run, pid " + first.process.pid() + " on ")
        .contains("--wait");

    PulseProcess third = pulse("third", null, "--wait", "2m");
    site.articleDelay(0);
    assertThat(first.exitCode(LIMIT)).as(first.output()).isEqualTo(ExitCodes.OK);
    assertThat(third.exitCode(LIMIT)).as(third.output()).isEqualTo(ExitCodes.OK);
    List<RunRecord> runs = runs();
    assertThat(runs).extracting(RunRecord::status).containsExactly("ok", "ok");
    assertThat(runs.get(0).startedAt()).isAfterOrEqualTo(runs.get(1).finishedAt());
  }

  @Test
  void twoFirstRunsOnANewStoreDoNotRaceToCreateIt() throws Exception {
    site.articleDelay(400);
    PulseProcess a = pulse("a", null);
    PulseProcess b = pulse("b", null);

    int codeA = a.exitCode(LIMIT);
    int codeB = b.exitCode(LIMIT);

    assertThat(List.of(codeA, codeB))
        .as(a.output() + b.output())
        .containsExactlyInAnyOrder(ExitCodes.OK, ExitCodes.BUSY);
    assertThat(runs()).singleElement().extracting(RunRecord::status).isEqualTo("ok");
  }

  @Test
  void aRunStoppedByAFullDiskLosesNothing() throws Exception {
    // RLIMIT_FSIZE: writes past 200 KB fail with EFBIG, as on a full disk (the JVM ignores
    // SIGXFSZ); SQLite's native library is unpacked beforehand, as it would not fit
    PulseProcess first =
        pulse("first", "ulimit -f 200;", "--sqlite-native", sqliteNativeLibrary().toString());

    int code = first.exitCode(LIMIT);

    assertThat(code).as(first.output()).isEqualTo(ExitCodes.FATAL);
    try (Store store = Stores.sqlite(db)) {
      assertThat(store.entryStore().entries())
          .as("the disk filled before the end")
          .hasSizeLessThan(ARTICLES);
    }
    aFollowingRunStoresEverythingOnce("second");
  }

  @Test
  void aDeadLlmEndpointIsGivenUpOnQuicklyAndItsItemsQueued() throws Exception {
    site.articleDelay(0);
    llm.mode(FakeOpenAi.Mode.SILENT); // accepts, never answers
    long started = System.nanoTime();

    PulseProcess first =
        pulse(
            "first",
            null,
            "--llm",
            "timeout_seconds=1",
            "--llm",
            "max_retries=2",
            "--llm",
            "retry_initial_delay_ms=50",
            "--llm",
            "retry_max_delay_ms=100");

    assertThat(first.exitCode(LIMIT)).as(first.output()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    assertThat(llm.calls.get()).as("calls before giving up").isLessThan(12);
    RunRecord run = runs().get(0);
    assertThat(run.status()).isEqualTo("partial");
    assertThat(run.counts().get("queued")).isGreaterThan(ARTICLES / 2);
    assertThat(run.counts().get("stored")).isZero();
    assertThat(Files.readString(first.stderr)).contains("keeps failing");

    llm.mode(FakeOpenAi.Mode.ANSWER);
    aFollowingRunStoresEverythingOnce("second");
  }
}
