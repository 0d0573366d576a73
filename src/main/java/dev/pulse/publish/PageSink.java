package dev.pulse.publish;

/** Where rendered files go, by site-relative path ("entries/ab..cd.html"). Thread-safe. */
interface PageSink {

  void write(String path, byte[] content);
}
