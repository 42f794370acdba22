package dev.competency.frameworks.resource.web;

import dev.competency.frameworks.access.FrameworkAccessPolicy;
import dev.competency.frameworks.resource.domain.DefineLearningResource;
import dev.competency.frameworks.resource.domain.PublishLearningResource;
import dev.competency.frameworks.resource.domain.ResourceDefinition;
import dev.competency.frameworks.resource.query.ResourceCatalogue;
import dev.competency.frameworks.resource.query.ResourceCatalogue.ResourceView;
import dev.competency.frameworks.web.AuthorCommands;
import dev.competency.frameworks.web.TextParameters;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.web.ResourceNotFound;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Authors define and publish learning resources; every signed-in caller reads them. */
@RestController
@RequestMapping("/api/frameworks/learning-resources")
class ResourceController {

    private final CommandGateway commands;
    private final ResourceCatalogue catalogue;
    private final ReadYourWrites readYourWrites;
    private final FrameworkAccessPolicy access;
    private final AuthorCommands authorCommands;

    ResourceController(CommandGateway commands, ResourceCatalogue catalogue, ReadYourWrites readYourWrites,
                       FrameworkAccessPolicy access, AuthorCommands authorCommands) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.readYourWrites = readYourWrites;
        this.access = access;
        this.authorCommands = authorCommands;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ResourceView> create(@RequestBody ResourceDefinition definition, Caller caller) {
        access.requireAuthor(caller);
        String resourceId = UUID.randomUUID().toString();
        readYourWrites.awaitCurrent();
        readYourWrites.afterWrite(() -> commands.sendAndWait(
                new DefineLearningResource(resourceId, definition, caller.subject())));
        return ResponseEntity.created(URI.create("/api/frameworks/learning-resources/" + resourceId))
                .body(view(resourceId));
    }

    @PutMapping("/{resourceId}")
    ResourceView define(@PathVariable String resourceId, @RequestBody ResourceDefinition definition,
                           Caller caller) {
        return send(resourceId, caller, author -> new DefineLearningResource(resourceId, definition, author));
    }

    @PostMapping("/{resourceId}/publication")
    ResourceView publish(@PathVariable String resourceId, Caller caller) {
        return send(resourceId, caller, author -> new PublishLearningResource(resourceId, author));
    }

    @GetMapping("/{resourceId}")
    ResourceView get(@PathVariable String resourceId, Caller caller) {
        access.requireReader(caller);
        return view(resourceId);
    }

    @GetMapping
    List<ResourceView> list(@RequestParam(required = false) String frameworkId, Caller caller) {
        access.requireReader(caller);
        return catalogue.list(TextParameters.checked("frameworkId", frameworkId, TextParameters.ID));
    }

    /** An author's command for an existing learning resource, answered with the learning resource as it then stands. */
    private ResourceView send(String resourceId, Caller caller, Function<String, Object> command) {
        authorCommands.send(caller, () -> view(resourceId), command);
        return view(resourceId);
    }

    private ResourceView view(String resourceId) {
        return catalogue.find(resourceId)
                .orElseThrow(() -> new ResourceNotFound("No learning resource " + resourceId));
    }
}
