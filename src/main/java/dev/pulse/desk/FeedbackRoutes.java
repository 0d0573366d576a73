package dev.pulse.desk;

import dev.pulse.editorial.VoteStore;
import dev.pulse.store.EntryStore;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Readers' "Was this worth reading?" votes: a plain form POST (no JavaScript, no session, no CSRF
 * token: the static site posts it too), one vote per browser per entry (a random id in a cookie),
 * at most {@link #VOTES_PER_HOUR} votes an hour per address. Of the reader only the vote and a
 * salted hash of the address are stored, the hash cleared after the retention period.
 */
final class FeedbackRoutes {

  static final String VOTER_COOKIE = "pulse_voter";
  static final int VOTES_PER_HOUR = 30;

  private final VoteStore votes;
  private final EntryStore entries;
  private final Security security;
  private final DeskTemplates templates;
  private final Duration retention;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private volatile @Nullable String salt;
  private volatile Instant forgotAt = Instant.MIN;

  FeedbackRoutes(
      VoteStore votes,
      EntryStore entries,
      Security security,
      DeskTemplates templates,
      Duration retention,
      Clock clock) {
    this.votes = votes;
    this.entries = entries;
    this.security = security;
    this.templates = templates;
    this.retention = retention;
    this.clock = clock;
  }

  void vote(Context ctx) {
    String id = EntryRoutes.entryId(ctx);
    String choice = ctx.formParam("vote");
    if (!"yes".equals(choice) && !"no".equals(choice)) {
      throw new BadRequestResponse("vote yes or no");
    }
    if (entries.find(id).isEmpty()) {
      throw new io.javalin.http.NotFoundResponse("no such entry");
    }
    String voter = ctx.cookie(VOTER_COOKIE);
    if (voter == null || !voter.matches("[0-9a-f]{32}")) {
      byte[] b = new byte[16];
      random.nextBytes(b);
      voter = HexFormat.of().formatHex(b);
      ctx.res()
          .addHeader(
              "Set-Cookie",
              VOTER_COOKIE
                  + "="
                  + voter
                  + "; Path=/; Max-Age=31536000;"
                  + " HttpOnly; SameSite=Lax"
                  + (Security.https(ctx) ? "; Secure" : ""));
    }
    Instant now = clock.instant();
    forgetOldAddresses(now);
    VoteStore.Outcome outcome =
        votes.vote(
            id, voter, choice.equals("yes"), hash(security.address(ctx)), now, VOTES_PER_HOUR);
    String message =
        switch (outcome) {
          case RECORDED -> "Thank you: your vote is counted.";
          case DUPLICATE -> "You have voted on this story already; your first vote stands.";
          case LIMITED -> "Too many votes from your address in the past hour; try again later.";
        };
    ctx.status(outcome == VoteStore.Outcome.LIMITED ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.OK)
        .html(
            templates.render(
                "thanks",
                Map.of(
                    "title", "Feedback", "message", message, "back", "/entries/" + id + ".html")));
  }

  private void forgetOldAddresses(Instant now) {
    if (Duration.between(forgotAt, now).compareTo(Duration.ofHours(1)) > 0) {
      forgotAt = now;
      votes.forgetAddresses(retention, now);
    }
  }

  private String hash(String address) {
    if (salt == null) {
      salt = votes.salt();
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest((salt + ":" + address).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
