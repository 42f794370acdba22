package dev.competency.contracts.frameworks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A {@link MethodType} with its parameters. Only the parameters of the chosen type are meaningful; the others
 * are absent.
 *
 * @param n      number of mastery-level scores {@link MethodType#N_MASTERY} waits for, at least 1
 * @param weight weight of the latest score for {@link MethodType#WEIGHTED_AVERAGE}, in [0, 1]
 * @param decay  weight of each new score for {@link MethodType#DECAYING_AVERAGE}, in (0, 1]
 * @param bkt    parameters for {@link MethodType#BKT}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MasteryMethod(
        @JsonProperty(required = true) MethodType type,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer n,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double weight,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double decay,
        @JsonInclude(JsonInclude.Include.NON_NULL) Bkt bkt) {

    public MasteryMethod {
        Objects.requireNonNull(type, "type is required");
        switch (type) {
            case N_MASTERY -> {
                if (n == null || n < 1) {
                    throw new IllegalArgumentException("n must be at least 1 for N_MASTERY but was " + n);
                }
            }
            case WEIGHTED_AVERAGE -> {
                if (weight == null || !(weight >= 0.0 && weight <= 1.0)) {
                    throw new IllegalArgumentException("weight must be in [0, 1] for WEIGHTED_AVERAGE but was " + weight);
                }
            }
            case DECAYING_AVERAGE -> {
                if (decay == null || !(decay > 0.0 && decay <= 1.0)) {
                    throw new IllegalArgumentException("decay must be in (0, 1] for DECAYING_AVERAGE but was " + decay);
                }
            }
            case BKT -> {
                if (bkt == null) {
                    throw new IllegalArgumentException("bkt is required for BKT");
                }
            }
            default -> {
                // HIGHEST, LATEST and AVERAGE take no parameters.
            }
        }
    }

    /**
     * Bayesian Knowledge Tracing parameters, each a probability in [0, 1].
     *
     * @param pL0 prior probability that the skill is known before any evidence
     * @param pT  probability of learning the skill between two observations
     * @param pG  probability of a correct observation without knowing the skill (guess)
     * @param pS  probability of an incorrect observation despite knowing the skill (slip)
     * @param pF  probability of forgetting the skill between two observations
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bkt(
            @JsonProperty(required = true) double pL0,
            @JsonProperty(required = true) double pT,
            @JsonProperty(required = true) double pG,
            @JsonProperty(required = true) double pS,
            @JsonProperty(required = true) double pF) {

        public Bkt {
            requireProbability("pL0", pL0);
            requireProbability("pT", pT);
            requireProbability("pG", pG);
            requireProbability("pS", pS);
            requireProbability("pF", pF);
        }

        private static void requireProbability(String name, double value) {
            if (!(value >= 0.0 && value <= 1.0)) {
                throw new IllegalArgumentException(name + " must be in [0, 1] but was " + value);
            }
        }
    }
}
