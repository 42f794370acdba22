package dev.competency.frameworks.framework.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.competency.platform.service.error.BrokenRules;
import dev.competency.platform.service.error.Refusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A competency framework: a tree of competencies with its scale and mastery policy, edited as drafts and
 * published as immutable, numbered versions. Editing a published framework starts the next version as a draft;
 * a retired framework changes no more.
 */
@Aggregate
public class Framework {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:[.-][A-Z0-9]+)*");
    /** The problem type of a version too large to be published. */
    public static final String TOO_LARGE = "framework-too-large";
    /** Longest framework code. */
    public static final int CODE_MAX = 50;

    @AggregateIdentifier
    private String frameworkId;
    private String code;
    private String title;
    private FrameworkStatus status;
    private int draftVersion;
    private int publishedVersion;
    private FrameworkContent draft;
    private FrameworkContent published;
    private int policyVersion;

    protected Framework() {
        // for Axon
    }

    @CommandHandler
    Framework(CreateFramework command, FrameworkCodes codes, Clock clock) {
        requireText(command.frameworkId(), "frameworkId");
        requireText(command.title(), "title");
        List<String> problems = new ArrayList<>();
        FrameworkRules.length("code", command.code(), CODE_MAX, problems);
        FrameworkRules.length("title", command.title(), FrameworkRules.TITLE_MAX, problems);
        FrameworkRules.length("description", command.description(), FrameworkRules.DESCRIPTION_MAX, problems);
        if (!problems.isEmpty()) {
            throw new BrokenRules(problems);
        }
        if (command.code() == null || !CODE.matcher(command.code()).matches()) {
            throw new BrokenRules("code must be upper-case letters and digits separated by '.' or"
                    + " '-', like DEV or DEV.API; was '" + command.code() + "'");
        }
        if (codes.inUse(command.code())) {
            throw Refusal.conflict("framework code '" + command.code() + "' is already used by another framework;"
                    + " codes are unique in the organisation");
        }
        apply(new FrameworkCreated(command.frameworkId(), command.code(), command.title().strip(),
                command.description(), 1, command.createdBy(), clock.instant()));
    }

    @CommandHandler
    void handle(EditFramework command, Clock clock) {
        if (status == FrameworkStatus.RETIRED) {
            throw Refusal.conflict("framework " + frameworkId + " is retired and can no longer be edited");
        }
        if (command.content() == null) {
            throw new BrokenRules("content is required");
        }
        List<String> problems = FrameworkRules.problems(command.content());
        if (!problems.isEmpty()) {
            throw new BrokenRules(problems);
        }
        FrameworkContent previous = draft != null ? draft : published;
        FrameworkContent content = Drafts.normalize(frameworkId, command.content(), previous);
        if (content.equals(previous)) {
            return;
        }
        int version = draft != null ? draftVersion : publishedVersion + 1;
        apply(new FrameworkDraftEdited(frameworkId, version, content, command.editedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(PublishFramework command, PublicationSize size, Clock clock) {
        if (status == FrameworkStatus.RETIRED) {
            throw Refusal.conflict("framework " + frameworkId + " is retired and can no longer be published");
        }
        if (draft == null) {
            throw Refusal.conflict("framework " + frameworkId + " has no draft to publish; version "
                    + publishedVersion + " is already published");
        }
        if (draft.competencies().isEmpty()) {
            throw new BrokenRules("framework " + frameworkId + " needs at least one competency to be"
                    + " published");
        }
        int nextPolicyVersion = published != null && samePolicies(published, draft) ? policyVersion : draftVersion;
        FrameworkVersionPublished publication = new FrameworkVersionPublished(frameworkId, draftVersion, code, draft,
                nextPolicyVersion, command.publishedBy(), clock.instant());
        long bytes = size.bytes(publication);
        if (bytes > size.limitBytes()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, TOO_LARGE, "version " + draftVersion + " of framework "
                    + frameworkId + " would be published as " + bytes + " bytes, more than the " + size.limitBytes()
                    + " bytes a framework.published event may have; the draft is kept: split the framework or"
                    + " shorten its texts");
        }
        apply(publication);
    }

    @CommandHandler
    void handle(RetireFramework command, Clock clock) {
        if (status == FrameworkStatus.RETIRED) {
            throw Refusal.conflict("framework " + frameworkId + " is already retired");
        }
        if (publishedVersion == 0) {
            throw Refusal.conflict("framework " + frameworkId + " was never published; there is nothing to"
                    + " retire");
        }
        List<String> problems = new ArrayList<>();
        FrameworkRules.length("reason", command.reason(), FrameworkRules.REASON_MAX, problems);
        if (!problems.isEmpty()) {
            throw new BrokenRules(problems);
        }
        apply(new FrameworkVersionRetired(frameworkId, publishedVersion, command.retiredBy(), command.reason(),
                clock.instant()));
    }

    private static boolean samePolicies(FrameworkContent a, FrameworkContent b) {
        if (!Objects.equals(a.scale(), b.scale()) || !Objects.equals(a.policy(), b.policy())
                || a.competencies().size() != b.competencies().size()) {
            return false;
        }
        for (int i = 0; i < a.competencies().size(); i++) {
            Competency x = a.competencies().get(i);
            Competency y = b.competencies().get(i);
            if (!x.id().equals(y.id()) || !Objects.equals(x.scaleOverride(), y.scaleOverride())
                    || !Objects.equals(x.policyOverride(), y.policyOverride())) {
                return false;
            }
        }
        return true;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BrokenRules(field + " is required");
        }
    }

    @EventSourcingHandler
    void on(FrameworkCreated event) {
        frameworkId = event.frameworkId();
        code = event.code();
        title = event.title();
        draftVersion = event.draftVersion();
        draft = FrameworkContent.empty(event.title(), event.description());
        status = FrameworkStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(FrameworkDraftEdited event) {
        draftVersion = event.version();
        draft = event.content();
        title = event.content().title();
        status = FrameworkStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(FrameworkVersionPublished event) {
        publishedVersion = event.version();
        published = event.content();
        policyVersion = event.policyVersion();
        draft = null;
        status = FrameworkStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(FrameworkVersionRetired event) {
        status = FrameworkStatus.RETIRED;
    }

    String code() {
        return code;
    }

    String title() {
        return title;
    }

    FrameworkStatus status() {
        return status;
    }

    int draftVersion() {
        return draftVersion;
    }

    int publishedVersion() {
        return publishedVersion;
    }

    FrameworkContent draft() {
        return draft;
    }
}
