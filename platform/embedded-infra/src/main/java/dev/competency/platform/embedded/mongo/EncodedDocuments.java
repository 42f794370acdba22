package dev.competency.platform.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The documents of one collection, each kept as its BSON bytes at a position, and decoded into a new document each
 * time it is read.
 *
 * <p>Why not the documents themselves, as the server's memory backend keeps them: a stored event of the platform is
 * a map of a dozen entries, each a boxed value or a string, some thirty objects that live as long as the store. The
 * collector copies every one of them out of the young generation and marks them at every cycle; with a few million
 * stored documents in the heap of the JVM that runs the store, it spent twice the CPU of the store's own work. One
 * byte array per document is one object the collector copies in one piece and never looks into. Reading costs a
 * decode, the work the server does anyway for every document a client sends.
 *
 * <p>Not thread-safe: the collection calls it under its lock.
 */
final class EncodedDocuments {

    private final List<byte[]> stored = new ArrayList<>();
    /** Positions freed by removals, reused by the next additions (a stack: {@code free[0..freeCount)}). */
    private int[] free = new int[16];
    private int freeCount;
    private long bytes;
    private final ByteBuf buffer = Unpooled.buffer(1024);

    /** Stores a document at a free position; returns the position. */
    int add(Document document) {
        byte[] encoded = encode(document);
        bytes += encoded.length;
        if (freeCount > 0) {
            int position = free[--freeCount];
            stored.set(position, encoded);
            return position;
        }
        stored.add(encoded);
        return stored.size() - 1;
    }

    /** A new copy of the document at the position, or null when none is stored there. */
    Document get(int position) {
        byte[] encoded = position < stored.size() ? stored.get(position) : null;
        return encoded == null ? null : BsonDecoder.decodeBson(Unpooled.wrappedBuffer(encoded));
    }

    void replace(int position, Document document) {
        byte[] encoded = encode(document);
        bytes += encoded.length - stored.set(position, encoded).length;
    }

    void remove(int position) {
        byte[] removed = stored.set(position, null);
        if (removed == null) {
            return;
        }
        bytes -= removed.length;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = position;
    }

    int count() {
        return stored.size() - freeCount;
    }

    /** The BSON size of all documents stored, as MongoDB reports a collection's data size. */
    long bytes() {
        return bytes;
    }

    /** The positions that hold a document, in insertion order (removals' positions are reused). */
    IntStream positions() {
        return IntStream.range(0, stored.size()).filter(position -> stored.get(position) != null);
    }

    private byte[] encode(Document document) {
        buffer.clear();
        BsonEncoder.encodeDocument(document, buffer);
        byte[] encoded = new byte[buffer.writerIndex()];
        buffer.getBytes(0, encoded);
        return encoded;
    }
}
