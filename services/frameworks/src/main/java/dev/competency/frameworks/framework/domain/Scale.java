package dev.competency.frameworks.framework.domain;

import java.util.List;

/** Ordered proficiency levels, lowest first. */
public record Scale(List<Level> levels) {

    /** The scale of a framework whose author did not choose one. */
    public static final Scale DEFAULT = new Scale(List.of(
            new Level("NOVICE", "Novice", 0.0, false),
            new Level("DEVELOPING", "Developing", 0.4, false),
            new Level("PROFICIENT", "Proficient", 0.7, true),
            new Level("EXPERT", "Expert", 0.9, false)));

    public Scale {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }
}
