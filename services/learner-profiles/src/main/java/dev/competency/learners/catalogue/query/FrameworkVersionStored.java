package dev.competency.learners.catalogue.query;

/** A framework version was stored in the catalogue (first time or again); published as a Spring event. */
public record FrameworkVersionStored(String frameworkId, int version) {
}
