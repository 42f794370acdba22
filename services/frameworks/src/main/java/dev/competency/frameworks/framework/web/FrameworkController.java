package dev.competency.frameworks.framework.web;

import dev.competency.frameworks.access.FrameworkAccessPolicy;
import dev.competency.frameworks.framework.domain.Competency;
import dev.competency.frameworks.framework.domain.CreateFramework;
import dev.competency.frameworks.framework.domain.EditFramework;
import dev.competency.frameworks.framework.domain.FrameworkContent;
import dev.competency.frameworks.framework.domain.FrameworkDiff;
import dev.competency.frameworks.framework.domain.FrameworkRules;
import dev.competency.frameworks.framework.domain.FrameworkStatus;
import dev.competency.frameworks.framework.domain.PublishFramework;
import dev.competency.frameworks.framework.domain.RetireFramework;
import dev.competency.frameworks.framework.query.FrameworkCatalogue;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.CompetencyHit;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.FrameworkSummary;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.VersionView;
import dev.competency.frameworks.framework.query.FrameworkId;
import dev.competency.frameworks.web.AuthorCommands;
import dev.competency.frameworks.web.TextParameters;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.service.openapi.ProblemResponse;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.web.ResourceNotFound;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Authors create frameworks, edit drafts, publish and retire them; every signed-in caller reads frameworks, their
 * versions and trees, searches competencies and compares versions.
 */
@RestController
@RequestMapping("/api/frameworks")
class FrameworkController {

    private final CommandGateway commands;
    private final FrameworkCatalogue catalogue;
    private final ReadYourWrites readYourWrites;
    private final FrameworkAccessPolicy access;
    private final AuthorCommands authorCommands;

    FrameworkController(CommandGateway commands, FrameworkCatalogue catalogue, ReadYourWrites readYourWrites,
                        FrameworkAccessPolicy access, AuthorCommands authorCommands) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.readYourWrites = readYourWrites;
        this.access = access;
        this.authorCommands = authorCommands;
    }

    record NewFramework(String code, String title, String description) {
    }

    record Retirement(String reason) {
    }

    /** A node of the competency tree of a version, with its children in order. */
    record TreeNode(String id, String code, String title, String description, String taxonomyLabel, int position,
                    String externalId, List<TreeNode> children) {
    }

    record Tree(String frameworkId, int version, FrameworkStatus status, String title, List<TreeNode> roots) {
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<FrameworkSummary> create(@RequestBody NewFramework request, Caller caller) {
        access.requireAuthor(caller);
        FrameworkId frameworkId = new FrameworkId(UUID.randomUUID().toString());
        readYourWrites.awaitCurrent();
        readYourWrites.afterWrite(() -> commands.sendAndWait(new CreateFramework(frameworkId.value(), request.code(),
                request.title(), request.description(), caller.subject())));
        return ResponseEntity.created(URI.create("/api/frameworks/" + frameworkId)).body(summary(frameworkId));
    }

    @GetMapping
    List<FrameworkSummary> list(@RequestParam(required = false) String q,
                                @RequestParam(required = false) String code, Caller caller) {
        access.requireReader(caller);
        return catalogue.list(TextParameters.checked("q", q, TextParameters.SEARCH_TEXT),
                TextParameters.checked("code", code, TextParameters.CODE));
    }

    @GetMapping("/competencies")
    List<CompetencyHit> competencies(@RequestParam(required = false) String q,
                                     @RequestParam(required = false) String code,
                                     @RequestParam(required = false) String frameworkId,
                                     @RequestParam(required = false) Integer version, Caller caller) {
        access.requireReader(caller);
        return catalogue.competencies(TextParameters.checked("q", q, TextParameters.SEARCH_TEXT),
                TextParameters.checked("code", code, TextParameters.CODE),
                frameworkId(TextParameters.checked("frameworkId", frameworkId, TextParameters.ID)), version);
    }

    @GetMapping("/{frameworkId}")
    FrameworkSummary get(@PathVariable FrameworkId frameworkId, Caller caller) {
        access.requireReader(caller);
        return summary(frameworkId);
    }

    @PutMapping("/{frameworkId}/draft")
    VersionView edit(@PathVariable FrameworkId frameworkId, @RequestBody FrameworkContent content, Caller caller) {
        send(frameworkId, caller, author -> new EditFramework(frameworkId.value(), content, author));
        return latest(frameworkId);
    }

    @ProblemResponse(status = 422, description = "The version's framework.published event would exceed its size "
            + "limit (`/problems/framework-too-large`); the draft is kept")
    @PostMapping("/{frameworkId}/publication")
    VersionView publish(@PathVariable FrameworkId frameworkId, Caller caller) {
        send(frameworkId, caller, author -> new PublishFramework(frameworkId.value(), author));
        return latest(frameworkId);
    }

    @PostMapping("/{frameworkId}/retirement")
    FrameworkSummary retire(@PathVariable FrameworkId frameworkId, @RequestBody(required = false) Retirement request,
                            Caller caller) {
        send(frameworkId, caller, author -> new RetireFramework(frameworkId.value(), author,
                request == null ? null : request.reason()));
        return summary(frameworkId);
    }

    @GetMapping("/{frameworkId}/versions/{version}")
    VersionView version(@PathVariable FrameworkId frameworkId, @PathVariable int version, Caller caller) {
        access.requireReader(caller);
        return version(frameworkId, version);
    }

    @ProblemResponse(status = 422, description = "The version is deeper than a tree is answered for (32 levels)")
    @GetMapping("/{frameworkId}/versions/{version}/tree")
    Tree tree(@PathVariable FrameworkId frameworkId, @PathVariable int version, Caller caller) {
        access.requireReader(caller);
        VersionView view = version(frameworkId, version);
        return new Tree(frameworkId.value(), version, view.status(), view.content().title(),
                roots(frameworkId.value(), version, view.content().competencies()));
    }

    @GetMapping("/{frameworkId}/diff")
    FrameworkDiff diff(@PathVariable FrameworkId frameworkId, @RequestParam int from, @RequestParam int to,
                       Caller caller) {
        access.requireReader(caller);
        return FrameworkDiff.between(from, version(frameworkId, from).content(), to,
                version(frameworkId, to).content());
    }

    /**
     * The tree built from the leaves up, without recursion. A version stored deeper than the tree may be (before the
     * depth rule existed) is refused before anything is written, rather than answered truncated.
     */
    private static List<TreeNode> roots(String frameworkId, int version, List<Competency> competencies) {
        Map<String, List<Competency>> children = new LinkedHashMap<>();
        for (Competency competency : competencies) {
            children.computeIfAbsent(competency.parentCode() == null ? "" : competency.parentCode(),
                    parent -> new ArrayList<>()).add(competency);
        }
        List<List<Competency>> levels = new ArrayList<>();
        List<Competency> level = children.getOrDefault("", List.of());
        while (!level.isEmpty()) {
            levels.add(level);
            List<Competency> next = new ArrayList<>();
            level.forEach(c -> next.addAll(children.getOrDefault(c.code(), List.of())));
            level = next;
        }
        if (levels.size() > FrameworkRules.MAX_DEPTH) {
            throw Refusal.unprocessable("version " + version + " of framework " + frameworkId + " is "
                    + levels.size() + " levels deep, deeper than the " + FrameworkRules.MAX_DEPTH
                    + " levels a tree is answered for; its competencies are in /api/frameworks/" + frameworkId
                    + "/versions/" + version);
        }
        Map<String, TreeNode> built = new HashMap<>();
        for (int depth = levels.size() - 1; depth >= 0; depth--) {
            for (Competency c : levels.get(depth)) {
                List<TreeNode> nodes = children.getOrDefault(c.code(), List.of()).stream()
                        .map(child -> built.remove(child.code())).toList();
                built.put(c.code(), new TreeNode(c.id(), c.code(), c.title(), c.description(), c.taxonomyLabel(),
                        c.position(), c.externalId(), nodes));
            }
        }
        return children.getOrDefault("", List.of()).stream().map(root -> built.get(root.code())).toList();
    }

    /** An author's command for an existing framework, sent once the caller may and the read models show it. */
    private void send(FrameworkId frameworkId, Caller caller, Function<String, Object> command) {
        authorCommands.send(caller, () -> summary(frameworkId), command);
    }

    private static FrameworkId frameworkId(String frameworkId) {
        return frameworkId == null || frameworkId.isBlank() ? null : new FrameworkId(frameworkId);
    }

    private FrameworkSummary summary(FrameworkId frameworkId) {
        return catalogue.find(frameworkId).orElseThrow(() -> new ResourceNotFound("No framework " + frameworkId));
    }

    private VersionView latest(FrameworkId frameworkId) {
        return version(frameworkId, summary(frameworkId).latestVersion());
    }

    private VersionView version(FrameworkId frameworkId, int version) {
        return catalogue.version(frameworkId, version).orElseThrow(() -> new ResourceNotFound(
                "No version " + version + " of framework " + frameworkId));
    }
}
