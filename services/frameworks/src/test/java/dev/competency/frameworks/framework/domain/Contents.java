package dev.competency.frameworks.framework.domain;

import dev.competency.contracts.evidence.SourceType;
import dev.competency.contracts.frameworks.FrameworkPublished.ManualRatingPrecedence;
import dev.competency.contracts.frameworks.FrameworkPublished.RelationType;
import dev.competency.contracts.frameworks.FrameworkPublished.RollUpType;
import dev.competency.contracts.frameworks.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Framework content for tests: a small, valid backend-engineering tree that each test bends to its case. */
public final class Contents {

    public static final Scale SCALE = new Scale(List.of(
            new Level("NOVICE", "Novice", 0.0, false),
            new Level("DEVELOPING", "Developing", 0.4, false),
            new Level("PROFICIENT", "Proficient", 0.75, true),
            new Level("EXPERT", "Expert", 0.9, false)));

    public static final Policy POLICY = new Policy(new Method(MethodType.DECAYING_AVERAGE, null, null, 0.65, null),
            Map.of(SourceType.OBSERVATION, 1.2, SourceType.SELF, 0.3), 2, ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE,
            new RollUp(RollUpType.NONE, null, null), "P730D", "P365D");

    private Contents() {
    }

    public static Competency competency(String code, String parentCode, String title) {
        return new Competency(null, code, title, title + " in depth", parentCode, null, "skill", null, null, null,
                null, null);
    }

    /** DEV.API with children DEV.API.1 and DEV.API.2, and DEV.DATA; DEV.API.1 precedes DEV.API.2. */
    public static FrameworkContent valid() {
        return new FrameworkContent("Backend engineering", "Skills of backend engineers", null, List.of(
                competency("DEV.API", null, "API design"),
                competency("DEV.API.1", "DEV.API", "Designs resource-oriented APIs"),
                competency("DEV.API.2", "DEV.API", "Evolves APIs without breaking clients"),
                competency("DEV.DATA", null, "Data modelling")),
                List.of(new Relation("DEV.API.1", "DEV.API.2", RelationType.PRECEDES, null),
                        new Relation("DEV.API.1", "DEV.DATA", RelationType.IS_RELATED_TO, null)),
                SCALE, POLICY);
    }

    /** Competencies C1 to C{depth}, each the only child of the one before: a tree {@code depth} levels deep. */
    public static FrameworkContent chain(int depth) {
        List<Competency> competencies = new ArrayList<>();
        for (int level = 1; level <= depth; level++) {
            competencies.add(competency("C" + level, level == 1 ? null : "C" + (level - 1), "Level " + level));
        }
        return withRelations(withCompetencies(valid(), competencies), List.of());
    }

    public static FrameworkContent withTitle(FrameworkContent content, String title) {
        return new FrameworkContent(title, content.description(), content.externalId(), content.competencies(),
                content.relations(), content.scale(), content.policy());
    }

    public static FrameworkContent withCompetencies(FrameworkContent content, List<Competency> competencies) {
        return new FrameworkContent(content.title(), content.description(), content.externalId(), competencies,
                content.relations(), content.scale(), content.policy());
    }

    public static FrameworkContent withRelations(FrameworkContent content, List<Relation> relations) {
        return new FrameworkContent(content.title(), content.description(), content.externalId(),
                content.competencies(), relations, content.scale(), content.policy());
    }

    public static FrameworkContent withScale(FrameworkContent content, Scale scale) {
        return new FrameworkContent(content.title(), content.description(), content.externalId(),
                content.competencies(), content.relations(), scale, content.policy());
    }

    public static FrameworkContent withPolicy(FrameworkContent content, Policy policy) {
        return new FrameworkContent(content.title(), content.description(), content.externalId(),
                content.competencies(), content.relations(), content.scale(), policy);
    }

    /** The valid content with the competency of {@code code} replaced. */
    public static FrameworkContent withCompetency(String code, UnaryOperator<Competency> change) {
        List<Competency> competencies = new ArrayList<>();
        for (Competency competency : valid().competencies()) {
            competencies.add(competency.code().equals(code) ? change.apply(competency) : competency);
        }
        return withCompetencies(valid(), competencies);
    }

    public static Competency withParent(Competency c, String parentCode) {
        return new Competency(c.id(), c.code(), c.title(), c.description(), parentCode, c.position(),
                c.taxonomyLabel(), c.externalId(), c.externalChangedAt(), c.scaleOverride(), c.policyOverride(),
                null);
    }

    public static Competency withPolicy(Competency c, Policy policy) {
        return new Competency(c.id(), c.code(), c.title(), c.description(), c.parentCode(), c.position(),
                c.taxonomyLabel(), c.externalId(), c.externalChangedAt(), c.scaleOverride(), policy, null);
    }

    public static Competency withScale(Competency c, Scale scale) {
        return new Competency(c.id(), c.code(), c.title(), c.description(), c.parentCode(), c.position(),
                c.taxonomyLabel(), c.externalId(), c.externalChangedAt(), scale, c.policyOverride(), null);
    }

    public static Policy policy(Method method) {
        return new Policy(method, Map.of(), 0, ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, null, null, null);
    }

    public static Policy rollUp(RollUp rollUp) {
        return new Policy(new Method(MethodType.HIGHEST, null, null, null, null), Map.of(), 0,
                ManualRatingPrecedence.NEVER, rollUp, null, null);
    }

    /** The normalised form an edit stores: ids derived from framework id and code, siblings numbered. */
    public static FrameworkContent stored(String frameworkId, FrameworkContent content) {
        return Drafts.normalize(frameworkId, content, null);
    }
}
