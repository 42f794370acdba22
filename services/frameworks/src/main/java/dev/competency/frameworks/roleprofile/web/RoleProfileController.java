package dev.competency.frameworks.roleprofile.web;

import dev.competency.frameworks.access.FrameworkAccessPolicy;
import dev.competency.frameworks.roleprofile.domain.DefineRoleProfile;
import dev.competency.frameworks.roleprofile.domain.PublishRoleProfile;
import dev.competency.frameworks.roleprofile.domain.RoleProfileDefinition;
import dev.competency.frameworks.roleprofile.query.RoleProfileCatalogue;
import dev.competency.frameworks.roleprofile.query.RoleProfileCatalogue.RoleProfileView;
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

/** Authors define and publish role profiles; every signed-in caller reads them. */
@RestController
@RequestMapping("/api/frameworks/role-profiles")
class RoleProfileController {

    private final CommandGateway commands;
    private final RoleProfileCatalogue catalogue;
    private final ReadYourWrites readYourWrites;
    private final FrameworkAccessPolicy access;
    private final AuthorCommands authorCommands;

    RoleProfileController(CommandGateway commands, RoleProfileCatalogue catalogue, ReadYourWrites readYourWrites,
                          FrameworkAccessPolicy access, AuthorCommands authorCommands) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.readYourWrites = readYourWrites;
        this.access = access;
        this.authorCommands = authorCommands;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<RoleProfileView> create(@RequestBody RoleProfileDefinition definition, Caller caller) {
        access.requireAuthor(caller);
        String roleProfileId = UUID.randomUUID().toString();
        readYourWrites.awaitCurrent();
        readYourWrites.afterWrite(() -> commands.sendAndWait(
                new DefineRoleProfile(roleProfileId, definition, caller.subject())));
        return ResponseEntity.created(URI.create("/api/frameworks/role-profiles/" + roleProfileId))
                .body(view(roleProfileId));
    }

    @PutMapping("/{roleProfileId}")
    RoleProfileView define(@PathVariable String roleProfileId, @RequestBody RoleProfileDefinition definition,
                           Caller caller) {
        return send(roleProfileId, caller, author -> new DefineRoleProfile(roleProfileId, definition, author));
    }

    @PostMapping("/{roleProfileId}/publication")
    RoleProfileView publish(@PathVariable String roleProfileId, Caller caller) {
        return send(roleProfileId, caller, author -> new PublishRoleProfile(roleProfileId, author));
    }

    @GetMapping("/{roleProfileId}")
    RoleProfileView get(@PathVariable String roleProfileId, Caller caller) {
        access.requireReader(caller);
        return view(roleProfileId);
    }

    @GetMapping
    List<RoleProfileView> list(@RequestParam(required = false) String frameworkId, Caller caller) {
        access.requireReader(caller);
        return catalogue.list(TextParameters.checked("frameworkId", frameworkId, TextParameters.ID));
    }

    /** An author's command for an existing role profile, answered with the role profile as it then stands. */
    private RoleProfileView send(String roleProfileId, Caller caller, Function<String, Object> command) {
        authorCommands.send(caller, () -> view(roleProfileId), command);
        return view(roleProfileId);
    }

    private RoleProfileView view(String roleProfileId) {
        return catalogue.find(roleProfileId)
                .orElseThrow(() -> new ResourceNotFound("No role profile " + roleProfileId));
    }
}
