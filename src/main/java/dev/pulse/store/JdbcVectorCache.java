package dev.pulse.store;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** {@link VectorCache} in the {@code entry_vectors} table; saves nothing when read-only. */
final class JdbcVectorCache implements VectorCache {

  private final Db db;
  private final boolean readOnly;

  JdbcVectorCache(Db db, boolean readOnly) {
    this.db = db;
    this.readOnly = readOnly;
  }

  @Override
  public Map<String, float[]> vectors(Collection<Entry> entries, String model) {
    Map<String, String> wanted = new HashMap<>();
    entries.forEach(e -> wanted.put(e.id(), e.provenance().contentHash()));
    Map<String, float[]> out = new HashMap<>();
    db.list(
            "read vectors",
            "SELECT id, content_hash, vector FROM entry_vectors WHERE model = ?",
            r -> new Object[] {r.text("id"), r.text("content_hash"), r.bytes("vector")},
            model)
        .forEach(
            row -> {
              if (row[1].equals(wanted.get((String) row[0]))) {
                out.put((String) row[0], floats((byte[]) row[2]));
              }
            });
    return out;
  }

  @Override
  public void saveVector(Entry entry, String model, float[] vector) {
    if (readOnly) {
      return;
    }
    db.update(
        "save the vector of entry " + entry.id(),
        "INSERT INTO entry_vectors (id, content_hash, model, vector) VALUES (?,?,?,?)"
            + " ON CONFLICT (id) DO UPDATE SET content_hash=excluded.content_hash,"
            + " model=excluded.model, vector=excluded.vector",
        entry.id(),
        entry.provenance().contentHash(),
        model,
        bytes(vector));
  }

  private static byte[] bytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  private static float[] floats(byte[] bytes) {
    float[] v = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).asFloatBuffer().get(v);
    return v;
  }
}
