package dev.competency.frameworks.framework.domain;

/** Bayesian Knowledge Tracing: prior, learning, guess, slip and forgetting probabilities. */
public record BktParameters(Double pL0, Double pT, Double pG, Double pS, Double pF) {
}
