package dev.competency.platform.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the applications the launcher starts: its name, where its jar is built, and its MongoDB database (null for
 * one that has none).
 */
record Deployable(String name, String module, String database) {

    static final List<Deployable> SERVICES = List.of(
            new Deployable("frameworks", "services/frameworks", "frameworks"),
            new Deployable("assessments", "services/assessments", "assessments"),
            new Deployable("learner-profiles", "services/learner-profiles", "learner-profiles"),
            new Deployable("analytics", "services/analytics", null),
            new Deployable("community", "services/community", "community"));

    static final Deployable GATEWAY = new Deployable("gateway", "gateway", null);

    Path jar(Path root) {
        return root.resolve(module).resolve("target").resolve(name + ".jar");
    }
}
