package dev.competency.frameworks.web;

import dev.competency.frameworks.access.FrameworkAccessPolicy;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.service.security.Caller;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** An author's command for a framework, role profile or learning resource that exists, as every controller sends it. */
@Component
public class AuthorCommands {

    private final CommandGateway commands;
    private final ReadYourWrites readYourWrites;
    private final FrameworkAccessPolicy access;

    AuthorCommands(CommandGateway commands, ReadYourWrites readYourWrites, FrameworkAccessPolicy access) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.access = access;
    }

    /**
     * Refuses a caller who may not author, waits until the read models show earlier writes, lets {@code existing}
     * refuse a target that is not there, then sends the command built for the caller and waits until the read models
     * show it.
     */
    public void send(Caller caller, Runnable existing, Function<String, Object> command) {
        access.requireAuthor(caller);
        readYourWrites.awaitCurrent();
        existing.run();
        Object built = command.apply(caller.subject());
        readYourWrites.afterWrite(() -> commands.sendAndWait(built));
    }
}
