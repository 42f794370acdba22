package dev.competency.assessments.xapi.web;

import dev.competency.assessments.alignment.domain.ActivityAlignment;
import dev.competency.assessments.alignment.query.ActivityAlignments;
import dev.competency.assessments.evidence.domain.EvidenceIds;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import dev.competency.assessments.learners.query.LearnerArrivals;
import dev.competency.assessments.xapi.domain.RecordStatementEvidence;
import dev.competency.assessments.xapi.domain.StatementFacts;
import dev.competency.assessments.xapi.domain.StatementNormalForm;
import dev.competency.assessments.xapi.domain.StatementProblem;
import dev.competency.assessments.xapi.domain.StatementValidator;
import dev.competency.assessments.xapi.domain.VoidStatementEvidence;
import dev.competency.assessments.xapi.domain.XapiTimestamps;
import dev.competency.assessments.xapi.query.ActivityDefinitions;
import dev.competency.assessments.xapi.query.AttachmentContents;
import dev.competency.assessments.xapi.query.StatementStore.EvidenceState;
import dev.competency.assessments.xapi.query.StatementStore.NewStatement;
import dev.competency.assessments.xapi.query.StatementStore.Outcome;
import dev.competency.assessments.xapi.query.StatementStore;
import dev.competency.contracts.evidence.ActorKind;
import dev.competency.contracts.evidence.SourceType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes statements in: validates all of them, stores them (insert if absent, identical re-sends change nothing,
 * different content under a known id is a conflict), applies voiding, and turns statements on aligned activities
 * with a result into evidence through the {@code StatementEvidence} aggregate.
 *
 * <p>A statement expected to give evidence is stored as {@code PENDING} first and marked {@code RECORDED} once the
 * evidence command succeeded; a client that re-sends the statement after a failure (or the crash of this process)
 * makes the service send the idempotent command again.
 */
@Component
class StatementIntake {

    private final StatementValidator validator = new StatementValidator();
    private final StatementStore store;
    private final ActivityDefinitions definitions;
    private final AttachmentContents attachmentContents;
    private final JsonMapper json;
    private final ActivityAlignments alignments;
    private final LearnerArrivals learners;
    private final CommandGateway commands;
    private final Clock clock;
    private final String learnerHomePage;

    StatementIntake(StatementStore store, ActivityDefinitions definitions, AttachmentContents attachmentContents,
                    JsonMapper json, ActivityAlignments alignments, LearnerArrivals learners,
                    CommandGateway commands, Clock clock,
                    @Value("${assessments.xapi.learner-home-page}") String learnerHomePage) {
        this.store = store;
        this.definitions = definitions;
        this.attachmentContents = attachmentContents;
        this.json = json;
        this.alignments = alignments;
        this.learners = learners;
        this.commands = commands;
        this.clock = clock;
        this.learnerHomePage = learnerHomePage;
    }

    /**
     * Stores the statements, sent with the content of their attachments if the request was multipart/mixed, and
     * returns their ids in order. Every attachment without a {@code fileUrl} needs its content among
     * {@code attachments} (by its {@code sha2}), every content must belong to an attachment, and signatures must hold.
     *
     * @param statements  the statements as sent
     * @param pathPrefix  true when the request body was an array, so problem paths start with the index
     * @param version     the xAPI version the client wrote for
     * @param attachments attachment content by SHA-2 hash (lower case); empty for a plain JSON request
     */
    List<String> accept(List<JsonNode> statements, boolean pathPrefix, String version, XapiCaller caller,
                        Map<String, byte[]> attachments) {
        List<StatementProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            String root = pathPrefix ? "[" + i + "]" : "";
            JsonNode statement = statements.get(i);
            problems.addAll(validator.validate(statement, root));
            if (statement.isObject() && statement.path("id").isString()
                    && !ids.add(statement.path("id").asString().toLowerCase(Locale.ROOT))) {
                problems.add(new StatementProblem(root.isEmpty() ? "id" : root + ".id",
                        "is the id of another statement in the same request"));
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(attachmentProblems(statements, pathPrefix, attachments));
        }
        if (problems.isEmpty()) {
            problems.addAll(voidingProblems(statements, pathPrefix));
        }
        if (!problems.isEmpty()) {
            throw new InvalidXapiRequest(problems);
        }
        attachments.forEach(attachmentContents::keep);
        List<Plan> plans = statements.stream().map(statement -> plan((ObjectNode) statement)).toList();
        List<Outcome> outcomes = store.store(stored -> plans.stream()
                .map(plan -> plan.toNewStatement(stored, version, caller)).toList());
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            if (outcomes.get(i).inserted()) {
                definitions.learnFrom(plan.statement());
            }
            if (outcomes.get(i).evidence() == EvidenceState.PENDING) {
                recordEvidence(plan.id(), plan.evidence(caller, clock.instant()));
            }
            if (plan.facts().voidedStatementId() != null) {
                voidEvidence(plan.facts().voidedStatementId(), plan.id(), caller);
            }
        }
        return plans.stream().map(Plan::id).toList();
    }

    private List<StatementProblem> attachmentProblems(List<JsonNode> statements, boolean pathPrefix,
                                                      Map<String, byte[]> contents) {
        List<StatementProblem> problems = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            String root = (pathPrefix ? "[" + i + "]." : "") + "attachments";
            JsonNode list = statements.get(i).path("attachments");
            for (int a = 0; a < list.size(); a++) {
                JsonNode attachment = list.get(a);
                String path = root + "[" + a + "]";
                String sha2 = attachment.path("sha2").asString().toLowerCase(Locale.ROOT);
                byte[] content = contents.get(sha2);
                if (content != null) {
                    used.add(sha2);
                }
                boolean signature = StatementSignatures.SIGNATURE_USAGE.equals(attachment.path("usageType").asString());
                if (content == null && (signature || !attachment.has("fileUrl"))) {
                    problems.add(new StatementProblem(path, "has no fileUrl, so its content must be sent as a part of"
                            + " a multipart/mixed request with X-Experience-API-Hash " + sha2));
                } else if (signature) {
                    if (!"application/octet-stream".equals(attachment.path("contentType").asString())) {
                        problems.add(new StatementProblem(path + ".contentType",
                                "must be application/octet-stream for a signature"));
                    }
                    StatementSignatures.check(statements.get(i), content, path, json).ifPresent(problems::add);
                }
            }
        }
        for (String sha2 : contents.keySet()) {
            if (!used.contains(sha2)) {
                problems.add(new StatementProblem("multipart", "the part with X-Experience-API-Hash " + sha2
                        + " is not the content of any attachment of the statements"));
            }
        }
        return problems;
    }

    private List<StatementProblem> voidingProblems(List<JsonNode> statements, boolean pathPrefix) {
        List<StatementProblem> problems = new ArrayList<>();
        Map<String, Boolean> voidingInRequest = new HashMap<>();
        statements.forEach(s -> voidingInRequest.put(s.path("id").asString(),
                StatementValidator.VOIDED_VERB.equals(s.path("verb").path("id").asString())));
        for (int i = 0; i < statements.size(); i++) {
            JsonNode statement = statements.get(i);
            if (!StatementValidator.VOIDED_VERB.equals(statement.path("verb").path("id").asString())) {
                continue;
            }
            String target = statement.path("object").path("id").asString();
            boolean targetVoids = voidingInRequest.getOrDefault(target, false)
                    || store.find(target).map(s -> s.voidedStatementId() != null).orElse(false);
            if (targetVoids) {
                problems.add(new StatementProblem((pathPrefix ? "[" + i + "]." : "") + "object.id",
                        "is a voiding statement, and voiding statements cannot be voided"));
            }
        }
        return problems;
    }

    private void recordEvidence(String statementId, List<EvidenceItem> evidence) {
        commands.sendAndWait(new RecordStatementEvidence(statementId, evidence));
        store.markEvidence(statementId, EvidenceState.RECORDED);
    }

    private void voidEvidence(String targetId, String voidingId, XapiCaller caller) {
        Optional<StatementStore.StoredStatement> target = store.find(targetId);
        if (target.isEmpty() || target.get().evidence() == EvidenceState.NONE) {
            return;
        }
        if (target.get().evidence() == EvidenceState.PENDING) {
            ObjectNode original = (ObjectNode) target.get().statement();
            Plan plan = plan(original);
            recordEvidence(targetId, plan.evidence(caller, clock.instant()));
        }
        commands.sendAndWait(new VoidStatementEvidence(targetId, voidingId, caller.actorId(), clock.instant()));
    }

    private Plan plan(ObjectNode statement) {
        String id = statement.path("id").isString() ? statement.path("id").asString().toLowerCase(Locale.ROOT)
                : UUID.randomUUID().toString();
        StatementFacts facts = StatementFacts.of(statement);
        JsonNode object = statement.path("object");
        boolean activity = facts.activity() != null;
        List<ActivityAlignment> matched = List.of();
        String learnerId = null;
        OptionalDouble score = OptionalDouble.empty();
        if (activity && statement.has("result") && facts.voidedStatementId() == null) {
            score = StatementFacts.normalisedScore(statement.path("result"));
            if (score.isPresent()) {
                matched = alignments.matching(object);
                learnerId = matched.isEmpty() ? null : learnerOf(statement.path("actor")).orElse(null);
            }
        }
        boolean evidence = !matched.isEmpty() && learnerId != null;
        return new Plan(id, statement, facts, evidence ? matched : List.of(), learnerId, score);
    }

    private Optional<String> learnerOf(JsonNode actor) {
        if ("Group".equals(actor.path("objectType").asString())) {
            return Optional.empty();
        }
        if (actor.has("account") && learnerHomePage.equals(actor.path("account").path("homePage").asString())) {
            return Optional.of(actor.path("account").path("name").asString());
        }
        if (actor.has("mbox")) {
            return learners.learnerByMbox(actor.path("mbox").asString());
        }
        if (actor.has("mbox_sha1sum")) {
            return learners.learnerByMboxSha1sum(actor.path("mbox_sha1sum").asString());
        }
        return Optional.empty();
    }

    /** What one incoming statement becomes. */
    private record Plan(String id, ObjectNode statement, StatementFacts facts, List<ActivityAlignment> alignments,
                        String learnerId, OptionalDouble score) {

        NewStatement toNewStatement(Instant stored, String version, XapiCaller caller) {
            ObjectNode submitted = (ObjectNode) StatementNormalForm.of(StatementStore.withoutLrsProperties(statement));
            submitted.put("id", id);
            ObjectNode complete = submitted.deepCopy();
            String storedText = DateTimeFormatter.ISO_INSTANT.format(stored);
            if (!complete.has("timestamp")) {
                complete.put("timestamp", storedText);
            }
            complete.put("stored", storedText);
            complete.put("version", version.startsWith("1.0") ? "1.0.0" : "2.0.0");
            complete.set("authority", caller.authority(statement.get("authority")));
            return new NewStatement(id, submitted, complete, StatementFacts.of(complete),
                    alignments.isEmpty() ? EvidenceState.NONE : EvidenceState.PENDING, learnerId);
        }

        List<EvidenceItem> evidence(XapiCaller caller, Instant recordedAt) {
            JsonNode result = statement.path("result");
            JsonNode scoreNode = result.path("score");
            Double raw = scoreNode.has("raw") ? scoreNode.path("raw").doubleValue() : null;
            Double max = scoreNode.has("max") && scoreNode.path("max").doubleValue() > 0
                    ? scoreNode.path("max").doubleValue() : null;
            Instant occurredAt = statement.has("timestamp")
                    ? XapiTimestamps.parse(statement.path("timestamp").asString()) : recordedAt;
            Map<String, EvidenceItem> byCompetency = new LinkedHashMap<>();
            for (ActivityAlignment alignment : alignments) {
                for (String competencyId : alignment.competencyIds()) {
                    byCompetency.putIfAbsent(competencyId, new EvidenceItem(
                            EvidenceIds.forStatement(id, competencyId), learnerId, competencyId,
                            alignment.frameworkId(), alignment.frameworkVersion(), score.getAsDouble(), raw, max,
                            SourceType.XAPI, caller.actorId(), ActorKind.ACTIVITY_PROVIDER, occurredAt, recordedAt,
                            null, null, id, null, facts.activity(), null, null));
                }
            }
            return List.copyOf(byCompetency.values());
        }
    }
}
