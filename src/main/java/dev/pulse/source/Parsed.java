package dev.pulse.source;

import java.util.List;

/** What a parser got from one document: its items and what it had to skip. */
record Parsed(List<SourceItem> items, List<Discovery.Problem> problems) {

  Parsed {
    items = List.copyOf(items);
    problems = List.copyOf(problems);
  }

  static Parsed failed(String url, String reason, String message) {
    return new Parsed(List.of(), List.of(new Discovery.Problem(url, reason, message)));
  }
}
