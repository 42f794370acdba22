package dev.competency.analytics.state;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code ce_id} or evidence id as two longs: 16 bytes kept per applied event instead of a 36-character string. A
 * UUID maps to its own bits; any other text (evidence ids are UUIDs by contract, but the state does not rely on it)
 * to a name-based UUID of its bytes.
 */
record EventKey(long high, long low) {

    static EventKey of(String id) {
        UUID uuid;
        try {
            uuid = id.length() == 36 ? UUID.fromString(id) : UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            uuid = UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
        }
        return new EventKey(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    }
}
