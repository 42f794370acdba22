package dev.competency.assessments.alignment.domain;

import dev.competency.assessments.frameworks.domain.FrameworkVersion;
import dev.competency.assessments.frameworks.domain.FrameworkVersions;
import dev.competency.platform.service.error.Refusal;
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
 *
 * @param warnings what the author confirmed when aligning: one sentence per competency that the framework version
 *                 rolls up from its children, whose mastery the evidence will not change
 */
public record ActivityAlignment(String alignmentId, String activityId, String activityType, String extensionKey,
                                String extensionValue, String frameworkId, int frameworkVersion,
                                List<String> competencyIds, String createdBy, Instant createdAt,
                                List<String> warnings) {

    /** The problem type of an alignment to a rolled-up parent that the author has not confirmed. */
    public static final String ROLLED_UP_PARENT = "rolled-up-parent";

    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

    public ActivityAlignment {
        competencyIds = List.copyOf(competencyIds);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * A validated alignment. A competency whose mastery the framework version rolls up from its children (rule
     * ALL_CHILDREN or POINTS) never takes its mastery from its own evidence: statements on the activity would be
     * stored as evidence that no mastery counts. Aligning one is refused unless the author {@code confirmed} it;
     * the alignment then carries a warning per such competency.
     *
     * @throws InvalidAlignmentException listing every problem
     * @throws Refusal                   of kind {@code UNPROCESSABLE} and type {@value #ROLLED_UP_PARENT} naming the
     *                                   rolled-up competencies, when they are not confirmed
     */
    public static ActivityAlignment define(String activityId, String activityType, String extensionKey,
                                           String extensionValue, String frameworkId, Integer frameworkVersion,
                                           List<String> competencyIds, boolean confirmed, String createdBy,
                                           Instant createdAt, FrameworkVersions frameworks) {
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
        List<String> rolledUp = competencyIds.stream().filter(version.get()::rollsUp).distinct().toList();
        if (!rolledUp.isEmpty() && !confirmed) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, ROLLED_UP_PARENT, "framework " + frameworkId + " version "
                    + frameworkVersion + " rolls up the mastery of " + describe(rolledUp, version.get())
                    + " from their children, so evidence from this activity would not change it; align the"
                    + " children instead, or send the alignment again with confirm=true to keep it as evidence");
        }
        List<String> warnings = rolledUp.stream().map(id -> "competency " + describe(List.of(id), version.get())
                + " is rolled up from its children under framework " + frameworkId + " version " + frameworkVersion
                + ": evidence from this activity is listed among the exclusions of its mastery and does not change it")
                .toList();
        String key = byActivity ? activityKey(activityId) : typeKey(activityType, extensionKey, extensionValue);
        return new ActivityAlignment(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString(),
                activityId, activityType, extensionKey, extensionValue, frameworkId, frameworkVersion, competencyIds,
                createdBy, createdAt, warnings);
    }

    private static String describe(List<String> competencyIds, FrameworkVersion version) {
        return String.join(", ", competencyIds.stream()
                .map(id -> id + " (" + version.competencies().get(id) + ")").toList());
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
