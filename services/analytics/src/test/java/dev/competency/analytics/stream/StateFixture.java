package dev.competency.analytics.stream;

import dev.competency.analytics.state.ContractEvents.Event;
import java.util.List;

/** Fills a {@link StateHolder} with events, as the stream thread would. */
public final class StateFixture {

    private StateFixture() {
    }

    public static void apply(StateHolder holder, List<Event> events) {
        holder.write(state -> events.forEach(event -> state.apply(event.id(), event.payload())));
    }
}
