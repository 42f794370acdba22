package dev.competency.platform.service.axon;

import dev.competency.platform.service.PlatformDefaults;

/**
 * Adds the Axon settings every event-sourced service shares ({@code axon-defaults.yml}: no Axon Server, Jackson
 * serialisation, dimensional metrics, the platform's time limits instead of Axon's, no update check), below the
 * service's own settings like the platform's defaults.
 */
public final class AxonDefaults extends PlatformDefaults {

    public AxonDefaults() {
        super("axonDefaults", "axon-defaults.yml");
    }
}
