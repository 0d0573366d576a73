package dev.pulse.editorial;

import java.util.List;

/** One page of the queue and how many entries match in all. */
public record QueuePage(List<QueueRow> rows, int total, int page, int pageSize) {

  public QueuePage {
    rows = List.copyOf(rows);
  }

  public int pages() {
    return Math.max(1, (total + pageSize - 1) / pageSize);
  }
}
