package dev.pulse.store;

import dev.pulse.PulseException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * One writer per store. On SQLite: an OS file lock on {@code <store>.lock} beside the store file,
 * holding who took it (host, pid, since, command). On PostgreSQL: a session-level advisory lock
 * held on one dedicated connection, with the holder recorded in the {@code store_lock} table. Take
 * it before opening the store, so two runs never overlap and two first runs never race to create
 * the schema. The lock dies with its holder however it dies (the OS releases the file lock, the
 * server ends the session and its advisory lock), so a lock left by a killed process is simply
 * taken over (and {@link #takenOver()} says whose it was). The file lock is not for stores on
 * network file systems, where file locks are unreliable.
 *
 * <pre>{@code
 * try (StoreLock lock = StoreLock.acquire(db, "run", Duration.ZERO)) {
 *   ... open the store, run ...
 * } catch (StoreLock.Busy busy) {
 *   ... busy.holder() names the run in progress ...
 * }
 * }</pre>
 */
public final class StoreLock implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);

  /**
   * Who holds (or held) a lock.
   *
   * @param host host name of the process
   * @param pid its process id
   * @param since when it took the lock
   * @param command what it runs ("run", "demo", "rerun", "desk")
   */
  public record Holder(String host, long pid, Instant since, String command) {

    /** "pulse run, pid 4711 on news-1, since 2026-11-30T14:02:11Z". */
    public String describe() {
      return "pulse " + command + ", pid " + pid + " on " + host + ", since " + since;
    }

    /** The holder this process would be. */
    static Holder current(String command) {
      return new Holder(hostName(), ProcessHandle.current().pid(), Instant.now(), command);
    }
  }

  /** Another process holds the lock (and still did after waiting, if asked to wait). */
  public static final class Busy extends PulseException {
    private final transient @Nullable Holder holder;

    Busy(Object lockPlace, @Nullable Holder holder, Duration waited) {
      super(
          "the store is in use by another run ("
              + (holder == null ? "holder unknown: see " + lockPlace : holder.describe())
              + ")"
              + (waited.isZero() ? "" : " after waiting " + waited.toSeconds() + " s")
              + "; let it finish, or pass --wait [DURATION] to wait for it",
          null);
      this.holder = holder;
    }

    /** No run can go on while another holds the store. */
    @Override
    public dev.pulse.FailureClass failureClass() {
      return dev.pulse.FailureClass.FATAL;
    }

    /** The holder named in the lock file, or null when it could not be read. */
    public @Nullable Holder holder() {
      return holder;
    }
  }

  private final @Nullable FileChannel channel;
  private final @Nullable FileLock lock;
  private final @Nullable PostgresLock postgres;
  private final Holder holder;
  private final @Nullable Holder takenOver;

  private StoreLock(FileChannel channel, FileLock lock, Holder holder, @Nullable Holder takenOver) {
    this.channel = channel;
    this.lock = lock;
    this.postgres = null;
    this.holder = holder;
    this.takenOver = takenOver;
  }

  private StoreLock(PostgresLock postgres) {
    this.channel = null;
    this.lock = null;
    this.postgres = postgres;
    this.holder = postgres.holder();
    this.takenOver = postgres.takenOver();
  }

  /**
   * Takes the lock of the store {@code where} names: the file lock beside a SQLite file, the
   * advisory lock on PostgreSQL (credentials from {@code env}, as for {@link Stores}).
   *
   * @throws Busy when another process still holds it after {@code wait}
   */
  public static StoreLock acquire(
      StoreLocation where, String command, Duration wait, java.util.Map<String, String> env) {
    if (where.isSqlite()) {
      return acquire(where.file(), command, wait);
    }
    return new StoreLock(PostgresLock.acquire(where, command, wait, env));
  }

  /** Who holds the lock of the store {@code where} names now, if anyone. */
  public static Optional<Holder> holder(StoreLocation where, java.util.Map<String, String> env) {
    if (where.isSqlite()) {
      return holder(where.file());
    }
    return PostgresLock.holder(where, env);
  }

  /** The lock file of a store file: {@code pulse.db.lock} beside {@code pulse.db}. */
  public static Path fileOf(Path store) {
    Path abs = store.toAbsolutePath();
    return abs.resolveSibling(abs.getFileName() + ".lock");
  }

  /**
   * Takes the lock of {@code store}, waiting up to {@code wait} for another holder to let go.
   *
   * @throws Busy when another process still holds it
   * @throws StoreException when the lock file cannot be created (the message says why)
   */
  public static StoreLock acquire(Path store, String command, Duration wait) {
    Path file = fileOf(store);
    createParent(store, file);
    Instant deadline = Instant.now().plus(wait);
    while (true) {
      StoreLock lock = tryAcquire(file, command);
      if (lock != null) {
        return lock;
      }
      if (!Instant.now().isBefore(deadline)) {
        throw new Busy(file, read(file).orElse(null), wait);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Busy(file, read(file).orElse(null), wait);
      }
    }
  }

  /** Who holds the lock of {@code store} now, if anyone (for a status display). */
  public static Optional<Holder> holder(Path store) {
    Path file = fileOf(store);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock probe = ch.tryLock();
      if (probe != null) {
        probe.release();
        return Optional.empty();
      }
    } catch (OverlappingFileLockException e) {
      // held by this very process
    } catch (IOException e) {
      return Optional.empty();
    }
    return read(file);
  }

  /**
   * Records this process as the holder where others can read it, if it could not be when the lock
   * was taken: on PostgreSQL, before the first migration had created the table. Call it once the
   * store is open.
   */
  public void recordHolder() {
    if (postgres != null) {
      postgres.record();
    }
  }

  /** This process as the holder. */
  public Holder holder() {
    return holder;
  }

  /** The holder whose process died without letting go of the lock, if there was one. */
  public Optional<Holder> takenOver() {
    return Optional.ofNullable(takenOver);
  }

  @Override
  public void close() {
    if (postgres != null) {
      postgres.close();
      return;
    }
    try {
      channel.truncate(0);
    } catch (IOException e) {
      // the OS lock is what counts; stale content is only informative
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new StoreException("cannot release the store lock: " + e.getMessage(), e);
    }
  }

  private static @Nullable StoreLock tryAcquire(Path file, String command) {
    FileChannel ch = null;
    try {
      ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // this process holds it already (another command in the same JVM)
      }
      if (lock == null) {
        ch.close();
        return null;
      }
      Holder previous = read(ch).orElse(null);
      Holder me = Holder.current(command);
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(format(me).getBytes(StandardCharsets.UTF_8)), 0);
      ch.force(true);
      return new StoreLock(ch, lock, me, previous);
    } catch (IOException e) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // reported below
        }
      }
      throw new StoreException("cannot take the store lock " + file + ": " + e, e);
    }
  }

  private static void createParent(Path store, Path file) {
    Path parent = file.getParent();
    for (Path p = parent; p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new StoreException(
            "cannot open store "
                + store
                + ": "
                + p
                + " is a file, not a folder; set 'store' in the config (or --db) to a file in a"
                + " folder",
            null);
      }
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StoreException("cannot create the store's folder " + parent + ": " + e, e);
    }
  }

  private static String format(Holder h) {
    return "host="
        + h.host()
        + "\npid="
        + h.pid()
        + "\nsince="
        + h.since()
        + "\ncommand="
        + h.command()
        + "\n";
  }

  private static Optional<Holder> read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Holder> read(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size == 0 || size > 4096) {
      return Optional.empty();
    }
    ByteBuffer buf = ByteBuffer.allocate((int) size);
    ch.read(buf, 0);
    return parse(new String(buf.array(), StandardCharsets.UTF_8));
  }

  private static Optional<Holder> parse(String text) {
    Properties p = new Properties();
    try {
      p.load(new java.io.StringReader(text));
      if (p.getProperty("pid") == null) {
        return Optional.empty();
      }
      return Optional.of(
          new Holder(
              p.getProperty("host", "?"),
              Long.parseLong(p.getProperty("pid")),
              Instant.parse(p.getProperty("since")),
              p.getProperty("command", "?")));
    } catch (IOException
        | NumberFormatException
        | DateTimeParseException
        | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** This machine's name: the kernel's, else the resolver's, else "localhost". */
  static String hostName() {
    try {
      Path kernel = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(kernel)) {
        return Files.readString(kernel).strip();
      }
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
