package dev.competency.community.discussion.web;

import dev.competency.community.access.CommunityAccessPolicy;
import dev.competency.community.discussion.domain.EditPost;
import dev.competency.community.discussion.domain.HidePost;
import dev.competency.community.discussion.domain.MarkAnswered;
import dev.competency.community.discussion.domain.PostRules;
import dev.competency.community.discussion.domain.ReplyToDiscussion;
import dev.competency.community.discussion.domain.ReportPost;
import dev.competency.community.discussion.domain.StartDiscussion;
import dev.competency.community.discussion.domain.Subject;
import dev.competency.community.discussion.domain.SubjectKind;
import dev.competency.community.discussion.query.AuthorNames;
import dev.competency.community.discussion.query.Discussions;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.service.error.BrokenRules;
import dev.competency.platform.service.error.InvalidFields;
import dev.competency.platform.service.openapi.ProblemResponse;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.web.ResourceNotFound;
import dev.competency.platform.service.web.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Discussions on a competency or an assessment, within the organisation unit of the person who starts them. Every
 * write counts against the caller's posting rate; mentions must name people of the caller's unit.
 */
@RestController
class DiscussionController {

    static final int ID_MAX = 128;

    private static final String TOO_FAST = "The caller wrote more posts this minute than the limit allows; "
            + "Retry-After says when to try again";

    private final CommandGateway commands;
    private final Discussions discussions;
    private final AuthorNames authorNames;
    private final CommunityAccessPolicy access;
    private final ReadYourWrites readYourWrites;
    private final PostingRate rate;
    private final Clock clock;

    DiscussionController(CommandGateway commands, Discussions discussions, AuthorNames authorNames,
                         CommunityAccessPolicy access, ReadYourWrites readYourWrites, PostingRate rate, Clock clock) {
        this.commands = commands;
        this.discussions = discussions;
        this.authorNames = authorNames;
        this.access = access;
        this.readYourWrites = readYourWrites;
        this.rate = rate;
        this.clock = clock;
    }

    record NewDiscussion(@NotNull SubjectKind subjectKind,
                         @NotBlank @Size(max = ID_MAX) @SingleLine String subjectId,
                         @NotBlank @Size(max = PostRules.MAX_TITLE) @SingleLine String title,
                         @NotBlank @Size(max = PostRules.MAX_BODY) String body,
                         @Size(max = PostRules.MAX_MENTIONS) List<@NotBlank @Size(max = ID_MAX) String> mentions) {
    }

    record NewPost(@NotBlank @Size(max = PostRules.MAX_BODY) String body,
                   @Size(max = PostRules.MAX_MENTIONS) List<@NotBlank @Size(max = ID_MAX) String> mentions) {
    }

    record Answer(@NotBlank @Size(max = ID_MAX) String postId) {
    }

    record Reason(@Size(max = PostRules.MAX_REASON) String reason) {
    }

    record RequiredReason(@NotBlank @Size(max = PostRules.MAX_REASON) String reason) {
    }

    record Created(String discussionId, String postId) {
    }

    /** A person a post mentions, with the display name they last wrote under (null when they never wrote). */
    record Mention(String personId, String name) {
    }

    /**
     * A post as the caller may see it: a hidden post's text, mentions and the reports are shown to moderators only.
     * {@code authorName} is the display name the author last wrote under, null when the service has none (an erased
     * person, or a token without a name).
     */
    record PostView(String postId, String authorId, String authorName, String html, String markdown,
                    List<String> mentions, List<Mention> mentioned, Instant createdAt, Instant editedAt,
                    boolean edited, boolean hidden, String hiddenReason, Integer reportCount) {
    }

    record ThreadView(String discussionId, Subject subject, String title, String authorId, String authorName,
                      Instant createdAt, Instant lastActivityAt, String answerPostId, boolean moderator,
                      List<PostView> posts) {
    }

    /** A discussion in a list, with its author's display name. */
    record SummaryView(String discussionId, Subject subject, String title, String authorId, String authorName,
                       Instant createdAt, Instant lastActivityAt, int replyCount, boolean answered) {
    }

    @PostMapping("/api/community/discussions")
    @ProblemResponse(status = 429, description = TOO_FAST)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Created> start(@Valid @RequestBody NewDiscussion request, Caller caller) {
        String unit = access.requireUnit(caller);
        String discussionId = UUID.randomUUID().toString();
        String postId = UUID.randomUUID().toString();
        post(caller, request.mentions(), unit, mentions -> new StartDiscussion(discussionId, postId,
                new Subject(request.subjectKind(), request.subjectId()), unit, request.title(), request.body(),
                mentions, caller.subject(), now()));
        return ResponseEntity.created(URI.create("/api/community/discussions/" + discussionId))
                .body(new Created(discussionId, postId));
    }

    @GetMapping("/api/community/discussions")
    Discussions.Page<SummaryView> list(
            @RequestParam(required = false) SubjectKind subjectKind,
            @RequestParam(required = false) @Size(max = ID_MAX) String subjectId,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = ID_MAX) String unit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            Caller caller) {
        if ((subjectKind == null) != (subjectId == null)) {
            throw new BrokenRules(
                    "subjectKind and subjectId go together: give both or neither");
        }
        List<String> units = caller.isAdmin() ? (unit == null ? null : List.of(unit))
                : List.of(access.requireUnit(caller));
        Discussions.Page<Discussions.Summary> found = discussions.list(units,
                subjectKind == null ? null : new Subject(subjectKind, subjectId), q, page, size);
        Map<String, String> names = authorNames.names(found.items().stream()
                .map(Discussions.Summary::authorId).toList());
        return new Discussions.Page<>(found.items().stream().map(summary -> new SummaryView(summary.discussionId(),
                summary.subject(), summary.title(), summary.authorId(), names.get(summary.authorId()),
                summary.createdAt(), summary.lastActivityAt(), summary.replyCount(), summary.answered())).toList(),
                found.page(), found.size(), found.total());
    }

    @GetMapping("/api/community/discussions/{discussionId}")
    ThreadView thread(@PathVariable @Size(max = ID_MAX) String discussionId, Caller caller) {
        Discussions.Thread thread = readable(discussionId, caller);
        boolean moderator = access.moderates(caller, thread.organisationUnit());
        Map<String, String> names = authorNames.names(people(thread));
        List<PostView> posts = thread.posts().stream().map(post -> view(post, moderator, names)).toList();
        return new ThreadView(thread.discussionId(), thread.subject(), thread.title(), thread.authorId(),
                names.get(thread.authorId()), thread.createdAt(), thread.lastActivityAt(), thread.answerPostId(),
                moderator, posts);
    }

    @GetMapping("/api/community/discussions/{discussionId}/posts/{postId}/history")
    List<Discussions.Revision> history(@PathVariable @Size(max = ID_MAX) String discussionId,
                                       @PathVariable @Size(max = ID_MAX) String postId, Caller caller) {
        Discussions.Thread thread = readable(discussionId, caller);
        return thread.posts().stream().filter(post -> post.postId().equals(postId))
                .filter(post -> !post.hidden() || access.moderates(caller, thread.organisationUnit())).findFirst()
                .orElseThrow(() -> new ResourceNotFound("No post " + postId + " in discussion " + discussionId))
                .history();
    }

    @PostMapping("/api/community/discussions/{discussionId}/replies")
    @ProblemResponse(status = 429, description = TOO_FAST)
    @ResponseStatus(HttpStatus.CREATED)
    Created reply(@PathVariable @Size(max = ID_MAX) String discussionId, @Valid @RequestBody NewPost request,
                  Caller caller) {
        String postId = UUID.randomUUID().toString();
        post(caller, request.mentions(), writable(discussionId, caller).organisationUnit(),
                mentions -> new ReplyToDiscussion(discussionId, postId, request.body(), mentions, caller.subject(),
                        now()));
        return new Created(discussionId, postId);
    }

    @PutMapping("/api/community/discussions/{discussionId}/posts/{postId}")
    @ProblemResponse(status = 429, description = TOO_FAST)
    ResponseEntity<Void> edit(@PathVariable @Size(max = ID_MAX) String discussionId,
                              @PathVariable @Size(max = ID_MAX) String postId, @Valid @RequestBody NewPost request,
                              Caller caller) {
        post(caller, request.mentions(), writable(discussionId, caller).organisationUnit(),
                mentions -> new EditPost(discussionId, postId, request.body(), mentions, caller.subject(), now()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/community/discussions/{discussionId}/answer")
    ResponseEntity<Void> answer(@PathVariable @Size(max = ID_MAX) String discussionId,
                                @Valid @RequestBody Answer request, Caller caller) {
        Discussions.Thread thread = writable(discussionId, caller);
        boolean moderator = access.moderates(caller, thread.organisationUnit());
        send(new MarkAnswered(discussionId, request.postId(), caller.subject(), moderator, now()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/community/discussions/{discussionId}/posts/{postId}/reports")
    ResponseEntity<Void> report(@PathVariable @Size(max = ID_MAX) String discussionId,
                                @PathVariable @Size(max = ID_MAX) String postId,
                                @Valid @RequestBody Reason request, Caller caller) {
        writable(discussionId, caller);
        send(new ReportPost(discussionId, postId, caller.subject(), request.reason(), now()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/community/discussions/{discussionId}/posts/{postId}/hide")
    ResponseEntity<Void> hide(@PathVariable @Size(max = ID_MAX) String discussionId,
                              @PathVariable @Size(max = ID_MAX) String postId,
                              @Valid @RequestBody RequiredReason request, Caller caller) {
        Discussions.Thread thread = writable(discussionId, caller);
        access.requireModerator(caller, thread.organisationUnit());
        send(new HidePost(discussionId, postId, caller.subject(), request.reason(), now()));
        return ResponseEntity.noContent().build();
    }

    /** Sends a post whose mentions must name people of {@code unit}, counted against the caller's posting rate. */
    private void post(Caller caller, List<String> mentions, String unit, Function<List<String>, Object> command) {
        List<String> mentionable = requireMentionable(mentions, unit);
        rate.take(caller.subject());
        send(command.apply(mentionable));
        rememberName(caller);
    }

    private void send(Object command) {
        readYourWrites.afterWrite(() -> commands.sendAndWait(command));
    }

    private Discussions.Thread readable(String discussionId, Caller caller) {
        Discussions.Thread thread = discussions.find(discussionId)
                .orElseThrow(() -> new ResourceNotFound("No discussion " + discussionId));
        access.requireReader(caller, thread.organisationUnit(), discussionId);
        return thread;
    }

    /** A discussion the caller writes in, read after every write stored before this request. */
    private Discussions.Thread writable(String discussionId, Caller caller) {
        readYourWrites.awaitCurrent();
        return readable(discussionId, caller);
    }

    private List<String> requireMentionable(List<String> mentions, String unit) {
        if (mentions == null) {
            return List.of();
        }
        List<InvalidFields.Field> errors = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            if (!access.mentionable(mentions.get(i), unit)) {
                errors.add(new InvalidFields.Field("mentions[" + i + "]", "names nobody of your organisation unit"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return mentions.stream().distinct().toList();
    }

    /**
     * Keeps the name the caller's token gives, after a write the service accepted: the {@code name} claim, else
     * {@code preferred_username} (as the gateway's session names a person).
     */
    private void rememberName(Caller caller) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            String name = token.getToken().getClaimAsString("name");
            if (name == null || name.isBlank()) {
                name = token.getToken().getClaimAsString("preferred_username");
            }
            authorNames.remember(caller.subject(), name, now());
        }
    }

    private static Collection<String> people(Discussions.Thread thread) {
        return Stream.concat(Stream.of(thread.authorId()), thread.posts().stream()
                .flatMap(post -> Stream.concat(Stream.of(post.authorId()), post.mentions().stream()))).toList();
    }

    private PostView view(Discussions.Post post, boolean moderator, Map<String, String> names) {
        boolean shown = !post.hidden() || moderator;
        List<String> mentions = shown ? post.mentions() : List.of();
        return new PostView(post.postId(), post.authorId(), names.get(post.authorId()), shown ? post.html() : null,
                shown ? post.markdown() : null, mentions,
                mentions.stream().map(id -> new Mention(id, names.get(id))).toList(), post.createdAt(),
                post.editedAt(), !post.history().isEmpty(), post.hidden(), moderator ? post.hiddenReason() : null,
                moderator ? post.reports().size() : null);
    }

    private Instant now() {
        return clock.instant();
    }
}
