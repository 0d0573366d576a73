package dev.pulse.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Settings of {@code pulse serve}.
 *
 * @param sessionIdle a signed-in session ends after this long without a request
 * @param loginFailures failed logins per account, and per address, allowed within {@code
 *     loginWindow}; further attempts are refused until the window has passed
 * @param loginWindow see {@code loginFailures}
 * @param trustProxy take the client address from X-Forwarded-For (only behind a reverse proxy
 *     that sets it); otherwise the socket's peer address
 * @param lockInactivity a soft edit lock lapses after this long without a save or a reload
 * @param zone how times are shown on the desk
 * @param clock the time source (fixed in tests)
 */
public record DeskSettings(
    Duration sessionIdle,
    int loginFailures,
    Duration loginWindow,
    boolean trustProxy,
    Duration lockInactivity,
    ZoneId zone,
    Clock clock) {

  public DeskSettings {
    Objects.requireNonNull(sessionIdle, "sessionIdle");
    if (loginFailures < 1) {
      throw new IllegalArgumentException("loginFailures must be at least 1");
    }
    Objects.requireNonNull(loginWindow, "loginWindow");
    Objects.requireNonNull(lockInactivity, "lockInactivity");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(clock, "clock");
  }

  public static DeskSettings defaults() {
    return new DeskSettings(
        Duration.ofMinutes(30), 5, Duration.ofMinutes(1), false, Duration.ofMinutes(10),
        ZoneId.of("UTC"),
        Clock.systemUTC());
  }

  public DeskSettings withSessionIdle(Duration d) {
    return new DeskSettings(d, loginFailures, loginWindow, trustProxy, lockInactivity, zone, clock);
  }

  public DeskSettings withTrustProxy(boolean t) {
    return new DeskSettings(sessionIdle, loginFailures, loginWindow, t, lockInactivity, zone, clock);
  }

  public DeskSettings withLockInactivity(Duration d) {
    return new DeskSettings(sessionIdle, loginFailures, loginWindow, trustProxy, d, zone, clock);
  }

  public DeskSettings withZone(ZoneId z) {
    return new DeskSettings(sessionIdle, loginFailures, loginWindow, trustProxy, lockInactivity, z, clock);
  }

  public DeskSettings withClock(Clock c) {
    return new DeskSettings(sessionIdle, loginFailures, loginWindow, trustProxy, lockInactivity, zone, c);
  }
}
