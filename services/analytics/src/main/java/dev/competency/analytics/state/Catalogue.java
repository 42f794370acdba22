package dev.competency.analytics.state;

import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.FrameworkPublished.ProficiencyLevel;
import dev.competency.contracts.frameworks.FrameworkPublished.ProficiencyScale;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The frameworks topic as analytics needs it: every published framework version (its competencies and their
 * proficiency scales) and every version of every role profile. Versions are snapshots, so a redelivered publication
 * replaces a version with itself.
 */
public final class Catalogue {

    private final Map<String, NavigableMap<Integer, FrameworkVersion>> frameworks = new HashMap<>();
    private final Map<String, NavigableMap<Integer, RoleProfilePublished>> roleProfiles = new LinkedHashMap<>();
    private final Map<String, FrameworkVersion> latestByCompetency = new HashMap<>();

    void publish(FrameworkPublished published) {
        FrameworkVersion version = FrameworkVersion.of(published);
        NavigableMap<Integer, FrameworkVersion> versions =
                frameworks.computeIfAbsent(published.frameworkId(), id -> new TreeMap<>());
        versions.put(published.version(), version);
        for (FrameworkPublished.Competency competency : published.competencies()) {
            FrameworkVersion known = latestByCompetency.get(competency.id());
            if (known == null || known.frameworkId().equals(published.frameworkId())
                    && known.version() <= published.version()) {
                latestByCompetency.put(competency.id(), version);
            }
        }
    }

    void retire(String frameworkId, int version) {
        NavigableMap<Integer, FrameworkVersion> versions = frameworks.get(frameworkId);
        if (versions != null && versions.containsKey(version)) {
            versions.put(version, versions.get(version).retire());
        }
    }

    void publish(RoleProfilePublished profile) {
        roleProfiles.computeIfAbsent(profile.roleProfileId(), id -> new TreeMap<>()).put(profile.version(), profile);
    }

    /** The framework version, or null when it was not published (yet). */
    public FrameworkVersion version(String frameworkId, int version) {
        NavigableMap<Integer, FrameworkVersion> versions = frameworks.get(frameworkId);
        return versions == null ? null : versions.get(version);
    }

    /** The latest published version of a framework, or null. */
    public FrameworkVersion latest(String frameworkId) {
        NavigableMap<Integer, FrameworkVersion> versions = frameworks.get(frameworkId);
        return versions == null || versions.isEmpty() ? null : versions.lastEntry().getValue();
    }

    /** The latest version of every framework. */
    public List<FrameworkVersion> latestVersions() {
        List<FrameworkVersion> latest = new ArrayList<>();
        frameworks.values().forEach(versions -> latest.add(versions.lastEntry().getValue()));
        latest.sort((a, b) -> a.frameworkId().compareTo(b.frameworkId()));
        return latest;
    }

    /** The latest framework version that contains the competency, or null. */
    public FrameworkVersion latestContaining(String competencyId) {
        return latestByCompetency.get(competencyId);
    }

    /**
     * The scale a rating of the competency under this framework version is on. When the version is not known, the
     * nearest known version of the framework stands in (the latest before it, else the first after it); null when
     * the framework is not known at all.
     */
    public Scale scale(String frameworkId, int version, String competencyId) {
        NavigableMap<Integer, FrameworkVersion> versions = frameworks.get(frameworkId);
        if (versions == null || versions.isEmpty()) {
            return null;
        }
        Map.Entry<Integer, FrameworkVersion> entry = versions.floorEntry(version);
        if (entry == null) {
            entry = versions.firstEntry();
        }
        return entry.getValue().scaleOf(competencyId);
    }

    /** The role profile in the given version, or its latest when {@code version} is 0; null when unknown. */
    public RoleProfilePublished roleProfile(String roleProfileId, int version) {
        NavigableMap<Integer, RoleProfilePublished> versions = roleProfiles.get(roleProfileId);
        if (versions == null || versions.isEmpty()) {
            return null;
        }
        if (version <= 0) {
            return versions.lastEntry().getValue();
        }
        RoleProfilePublished pinned = versions.get(version);
        return pinned != null ? pinned : versions.lastEntry().getValue();
    }

    /** The latest version of every role profile, in the order they were first published. */
    public List<RoleProfilePublished> latestRoleProfiles() {
        List<RoleProfilePublished> latest = new ArrayList<>();
        roleProfiles.values().forEach(versions -> latest.add(versions.lastEntry().getValue()));
        return latest;
    }

    /**
     * One published framework version.
     *
     * @param competencies by id, in the order of the publication
     */
    public record FrameworkVersion(String frameworkId, int version, String code, String title, boolean retired,
                                   Map<String, FrameworkPublished.Competency> competencies,
                                   Scale scale, Map<String, Scale> overrides) {

        static FrameworkVersion of(FrameworkPublished published) {
            Map<String, FrameworkPublished.Competency> competencies = new LinkedHashMap<>();
            Map<String, Scale> overrides = new HashMap<>();
            for (FrameworkPublished.Competency competency : published.competencies()) {
                competencies.put(competency.id(), competency);
                if (competency.scaleOverride() != null) {
                    overrides.put(competency.id(), Scale.of(competency.scaleOverride()));
                }
            }
            return new FrameworkVersion(published.frameworkId(), published.version(), published.code(),
                    published.title(), false, competencies, Scale.of(published.scale()), overrides);
        }

        FrameworkVersion retire() {
            return new FrameworkVersion(frameworkId, version, code, title, true, competencies, scale, overrides);
        }

        public Scale scaleOf(String competencyId) {
            return overrides.getOrDefault(competencyId, scale);
        }
    }

    /** The levels of a proficiency scale, lowest first. */
    public record Scale(List<String> codes, List<Boolean> mastery) {

        static Scale of(ProficiencyScale scale) {
            List<String> codes = new ArrayList<>();
            List<Boolean> mastery = new ArrayList<>();
            for (ProficiencyLevel level : scale.levels()) {
                codes.add(level.code());
                mastery.add(level.mastery());
            }
            return new Scale(List.copyOf(codes), List.copyOf(mastery));
        }

        /** The position of a level code on this scale, lowest 0; -1 when the scale has no such level or it is null. */
        public int rank(String code) {
            return code == null ? -1 : codes.indexOf(code);
        }
    }
}
