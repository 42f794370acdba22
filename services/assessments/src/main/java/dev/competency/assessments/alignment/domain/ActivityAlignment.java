package dev.competency.assessments.alignment.domain;

import dev.competency.assessments.frameworks.domain.FrameworkVersion;
import dev.competency.assessments.frameworks.domain.FrameworkVersions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Says that doing an xAPI activity demonstrates competencies of a published framework version. An activity is
 * matched either by its IRI, or by its activity type together with the value of one extension of its definition
 * (for content that reuses one IRI per course but tags the skill in an extension).
 */
public record ActivityAlignment(String alignmentId, String activityId, String activityType, String extensionKey,
                                String extensionValue, String frameworkId, int frameworkVersion,
                                List<String> competencyIds, String createdBy, Instant createdAt) {

    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

    public ActivityAlignment {
        competencyIds = List.copyOf(competencyIds);
    }

    /**
     * A validated alignment.
     *
     * @throws InvalidAlignmentException listing every problem
     */
    public static ActivityAlignment define(String activityId, String activityType, String extensionKey,
                                           String extensionValue, String frameworkId, Integer frameworkVersion,
                                           List<String> competencyIds, String createdBy, Instant createdAt,
                                           FrameworkVersions frameworks) {
        List<String> problems = new ArrayList<>();
        boolean byActivity = activityId != null;
        boolean byType = activityType != null || extensionKey != null || extensionValue != null;
        if (byActivity == byType) {
            problems.add("give either activityId, or activityType with extensionKey and extensionValue");
        }
        if (byActivity && !IRI.matcher(activityId).matches()) {
            problems.add("activityId must be an IRI");
        }
        if (byType) {
            if (activityType == null || !IRI.matcher(activityType).matches()) {
                problems.add("activityType must be an IRI");
            }
            if (extensionKey == null || !IRI.matcher(extensionKey).matches()) {
                problems.add("extensionKey must be an IRI");
            }
            if (extensionValue == null || extensionValue.isBlank()) {
                problems.add("extensionValue is required with activityType");
            }
        }
        if (competencyIds == null || competencyIds.isEmpty()) {
            problems.add("competencyIds must name at least one competency");
        }
        Optional<FrameworkVersion> version = frameworkId == null || frameworkVersion == null ? Optional.empty()
                : frameworks.find(frameworkId, frameworkVersion);
        if (frameworkId == null || frameworkVersion == null) {
            problems.add("frameworkId and frameworkVersion are required");
        } else if (version.isEmpty()) {
            problems.add("framework " + frameworkId + " version " + frameworkVersion + " is not a published version");
        } else if (version.get().retired()) {
            problems.add("framework " + frameworkId + " version " + frameworkVersion + " is retired");
        }
        if (competencyIds != null && version.isPresent()) {
            Set<String> seen = new HashSet<>();
            for (String competencyId : competencyIds) {
                if (!version.get().has(competencyId)) {
                    problems.add("competency " + competencyId + " is not in framework " + frameworkId + " version "
                            + frameworkVersion);
                }
                if (!seen.add(competencyId)) {
                    problems.add("competency " + competencyId + " is listed twice");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAlignmentException(problems);
        }
        String key = byActivity ? activityKey(activityId) : typeKey(activityType, extensionKey, extensionValue);
        return new ActivityAlignment(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString(),
                activityId, activityType, extensionKey, extensionValue, frameworkId, frameworkVersion, competencyIds,
                createdBy, createdAt);
    }

    /** The lookup key of this alignment. */
    public String key() {
        return activityId != null ? activityKey(activityId) : typeKey(activityType, extensionKey, extensionValue);
    }

    public static String activityKey(String activityId) {
        return "activity|" + activityId;
    }

    public static String typeKey(String activityType, String extensionKey, String extensionValue) {
        return "type|" + activityType + "|" + extensionKey + "|" + extensionValue;
    }
}
