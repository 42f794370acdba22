package dev.competency.learners.learner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The most recently used learners, held strongly up to a fixed count, least recently used evicted first.
 *
 * <p>Axon's {@code WeakReferenceCache} loses its entries at every garbage collection, and on the embedded store each
 * miss is a scan of the whole event store (it has no index on the aggregate id), so under load most commands paid
 * for a scan. Here a learner stays cached until {@code capacity} other learners were used after it. The instance
 * that consumes a learner's partition is the only writer of that learner (Kafka partitions by learner, Axon locks
 * the aggregate), so a cached learner is never stale; on a failed command Axon removes the entry.
 */
final class LearnerCache implements Cache {

    private final int capacity;
    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    LearnerCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1 but was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        Object previous;
        List<Map.Entry<Object, Object>> evicted;
        synchronized (entries) {
            previous = entries.put(key, value);
            evicted = evictOverCapacity();
        }
        if (previous == null) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        } else {
            listeners.forEach(l -> l.onEntryUpdated(key, value));
        }
        notifyExpired(evicted);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        List<Map.Entry<Object, Object>> evicted;
        synchronized (entries) {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
            evicted = evictOverCapacity();
        }
        listeners.forEach(l -> l.onEntryCreated(key, value));
        notifyExpired(evicted);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (entries) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (entries) {
            keys = new ArrayList<>(entries.keySet());
            entries.clear();
        }
        keys.forEach(key -> listeners.forEach(l -> l.onEntryRemoved(key)));
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private List<Map.Entry<Object, Object>> evictOverCapacity() {
        if (entries.size() <= capacity) {
            return List.of();
        }
        List<Map.Entry<Object, Object>> evicted = new ArrayList<>();
        var iterator = entries.entrySet().iterator();
        while (entries.size() > capacity && iterator.hasNext()) {
            Map.Entry<Object, Object> eldest = iterator.next();
            evicted.add(Map.entry(eldest.getKey(), eldest.getValue()));
            iterator.remove();
        }
        return evicted;
    }

    private void notifyExpired(List<Map.Entry<Object, Object>> evicted) {
        evicted.forEach(entry -> listeners.forEach(l -> l.onEntryExpired(entry.getKey())));
    }
}
