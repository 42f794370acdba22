package dev.competency.analytics.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Complementary suppression: when the total of a set of sibling groups can be known (it is shown, or another answer
 * shows it) and exactly one of them is suppressed, its count is the total minus the others. The next-smallest
 * sibling is then suppressed too, and so on until no set of siblings has exactly one suppressed member.
 */
public final class Suppression {

    private Suppression() {
    }

    /** One item that may be suppressed: its size and whether it is suppressed already. */
    public interface Item {
        long size();

        boolean suppressed();

        void suppress();
    }

    /** An item counting a number of people fixed when it is made, which remembers whether it was suppressed. */
    public abstract static class Counted implements Item {

        private final long size;
        private boolean suppressed;

        protected Counted(long size, boolean suppressed) {
            this.size = size;
            this.suppressed = suppressed;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public boolean suppressed() {
            return suppressed;
        }

        @Override
        public void suppress() {
            suppressed = true;
        }
    }

    /**
     * Applies complementary suppression within every sibling set, each given by a key function, until stable.
     *
     * @param order how ties between equally small siblings are broken (the first is suppressed)
     */
    @SafeVarargs
    public static <T extends Item> void complement(List<T> items, Comparator<? super T> order,
                                                   Function<? super T, ?>... siblingSets) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Function<? super T, ?> parent : siblingSets) {
                Map<Object, List<T>> sets = items.stream().filter(item -> item.size() > 0)
                        .collect(Collectors.groupingBy(item -> java.util.Objects.requireNonNullElse(parent.apply(item),
                                NO_KEY)));
                for (List<T> siblings : sets.values()) {
                    long suppressed = siblings.stream().filter(Item::suppressed).count();
                    if (suppressed != 1 || siblings.size() < 2) {
                        continue;
                    }
                    List<T> candidates = new ArrayList<>(siblings.stream().filter(item -> !item.suppressed()).toList());
                    candidates.sort(Comparator.comparingLong((T item) -> item.size()).thenComparing(order));
                    candidates.get(0).suppress();
                    changed = true;
                }
            }
        }
    }

    private static final Object NO_KEY = new Object();
}
