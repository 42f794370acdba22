package dev.competency.assessments.frameworks.domain;

import java.util.Optional;

/** The framework versions this service has received from the frameworks stream. */
public interface FrameworkVersions {

    Optional<FrameworkVersion> find(String frameworkId, int version);
}
