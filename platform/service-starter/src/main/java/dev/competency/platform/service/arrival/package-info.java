/**
 * Awaiting what another service published a moment ago: a service that decides from another service's stream does
 * not refuse something it has not read yet ({@link dev.competency.platform.service.arrival.StreamArrivals}).
 */
package dev.competency.platform.service.arrival;
