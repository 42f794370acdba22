package dev.competency.learners.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class LearnerCacheTest {

    @Test
    void evictsTheLeastRecentlyUsedLearner_whenFull() {
        LearnerCache cache = new LearnerCache(2);
        cache.put("a", "learner a");
        cache.put("b", "learner b");
        assertThat((String) cache.get("a")).isEqualTo("learner a");

        cache.put("c", "learner c");

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void keepsLearnersStrongly_untilCapacityIsReached() {
        LearnerCache cache = new LearnerCache(1_000);
        for (int i = 0; i < 1_000; i++) {
            cache.put("learner-" + i, new byte[1024]);
        }
        System.gc();

        assertThat(cache.size()).isEqualTo(1_000);
        assertThat((byte[]) cache.get("learner-0")).hasSize(1024);
    }

    @Test
    void tellsListenersAboutCreationUpdateExpiryAndRemoval() {
        LearnerCache cache = new LearnerCache(1);
        List<String> seen = new ArrayList<>();
        var registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                seen.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                seen.add("updated " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                seen.add("expired " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                seen.add("removed " + key);
            }
        });

        cache.put("a", 1);
        cache.put("a", 2);
        assertThat(cache.putIfAbsent("a", 3)).isFalse();
        cache.put("b", 1);
        cache.remove("b");
        registration.cancel();
        cache.put("c", 1);

        assertThat(seen).containsExactly("created a", "updated a", "created b", "expired a", "removed b");
    }

    @Test
    void removesAnEntry_whenPutWithoutValue() {
        LearnerCache cache = new LearnerCache(4);
        cache.put("a", 1);

        cache.put("a", null);

        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void rejectsACapacityBelowOne() {
        assertThatThrownBy(() -> new LearnerCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
