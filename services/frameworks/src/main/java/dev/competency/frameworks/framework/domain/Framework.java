package dev.competency.frameworks.framework.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A competency framework: a tree of competencies with its scale and mastery policy, edited as drafts and
 * published as immutable, numbered versions.
 */
@Aggregate
public class Framework {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:[.-][A-Z0-9]+)*");

    @AggregateIdentifier
    private String frameworkId;
    private String code;
    private String title;
    private FrameworkStatus status;
    private int draftVersion;

    protected Framework() {
        // for Axon
    }

    @CommandHandler
    Framework(CreateFramework command, Clock clock) {
        requireText(command.frameworkId(), "frameworkId");
        requireText(command.title(), "title");
        if (command.code() == null || !CODE.matcher(command.code()).matches()) {
            throw new InvalidFrameworkException("code must be upper-case letters and digits separated by '.' or"
                    + " '-', like DEV or DEV.API; was '" + command.code() + "'");
        }
        apply(new FrameworkCreated(command.frameworkId(), command.code(), command.title().strip(),
                command.description(), 1, command.createdBy(), clock.instant()));
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFrameworkException(field + " is required");
        }
    }

    @EventSourcingHandler
    void on(FrameworkCreated event) {
        frameworkId = event.frameworkId();
        code = event.code();
        title = event.title();
        draftVersion = event.draftVersion();
        status = FrameworkStatus.DRAFT;
    }

    String frameworkId() {
        return frameworkId;
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
}
