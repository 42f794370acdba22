package dev.competency.frameworks.roleprofile.domain;

import java.util.List;

/** What a role requires, against one published framework version. */
public record RoleProfileDefinition(String title, String description, String frameworkId, Integer frameworkVersion,
                                    List<Requirement> requirements) {

    public RoleProfileDefinition {
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
    }
}
