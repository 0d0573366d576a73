package dev.pulse.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT while a batch runs: the first asks the run to stop (no new items, the ones in
 * flight get the grace period, the run is recorded as interrupted and the process exits with {@link
 * ExitCodes#INTERRUPTED}). Without a handler the JVM would exit 143 at once, leaving the run
 * "running". When Pulse runs as its own process, a watchdog halts it if it has not ended a little
 * after the grace period, and a second signal halts it at once; the items left are in the store's
 * queue either way.
 *
 * <p>Signal handling goes through {@code sun.misc.Signal} (module jdk.unsupported, the only way a
 * JVM program can handle SIGTERM itself), reached by reflection so the build's {@code -Werror} does
 * not trip on its "internal proprietary API" warning; where it is missing, signals keep the JVM's
 * default behaviour.
 */
final class Signals implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Signals.class);
  private static final Duration WATCHDOG_SLACK = Duration.ofSeconds(10);
  private static volatile boolean standalone;

  /** Installed signals (sun.misc.Signal) and the handlers they had before. */
  private final List<Object> signals = new ArrayList<>();

  private final List<Object> previous = new ArrayList<>();

  private Signals() {}

  /** Called by {@code main}: this JVM is Pulse's own, so halting it is allowed. */
  static void standalone() {
    standalone = true;
  }

  /**
   * Installs the handlers until closed.
   *
   * @param stop asked to stop with the signal's name ("SIGTERM")
   * @param grace the grace period of the run
   */
  static Signals onStop(java.util.function.Consumer<String> stop, Duration grace) {
    return onStop(stop, grace, ExitCodes.INTERRUPTED);
  }

  /**
   * As {@link #onStop(java.util.function.Consumer, Duration)}, halting with {@code haltCode} when
   * the process does not end in time (a worker's stop is its normal end: 0).
   */
  static Signals onStop(java.util.function.Consumer<String> stop, Duration grace, int haltCode) {
    Signals s = new Signals();
    for (String name : List.of("TERM", "INT")) {
      boolean[] seen = {false};
      String what = "SIG" + name;
      Runnable handler =
          () -> {
            if (seen[0] && standalone) {
              log.warn("{} again: stopping now; unfinished items stay queued", what);
              Runtime.getRuntime().halt(haltCode);
            }
            seen[0] = true;
            log.warn("{} received: finishing the items in flight, queuing the rest", what);
            stop.accept(what);
            if (standalone) {
              watchdog(grace.plus(WATCHDOG_SLACK), haltCode);
            }
          };
      try {
        Class<?> signalClass = Class.forName("sun.misc.Signal");
        Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
        Object signal = signalClass.getConstructor(String.class).newInstance(name);
        Object proxy =
            Proxy.newProxyInstance(
                Signals.class.getClassLoader(),
                new Class<?>[] {handlerClass},
                (p, method, args) -> {
                  if (method.getName().equals("handle")) {
                    handler.run();
                    return null;
                  }
                  return method.invoke(handler, args); // toString, hashCode, equals
                });
        Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
        Object old = handle.invoke(null, signal, proxy);
        s.signals.add(signal);
        s.previous.add(old);
      } catch (ReflectiveOperationException | RuntimeException e) {
        log.debug("cannot handle SIG{} here: {}", name, e.toString());
      }
    }
    return s;
  }

  private static void watchdog(Duration after, int haltCode) {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(after.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              log.error("still running {} s after the stop signal: halting", after.toSeconds());
              Runtime.getRuntime().halt(haltCode);
            },
            "pulse-stop-watchdog");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      for (int i = 0; i < signals.size(); i++) {
        handle.invoke(null, signals.get(i), previous.get(i));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug("cannot restore the signal handlers: {}", e.toString());
    }
  }
}
