package dev.competency.assessments.provider.web;

import dev.competency.assessments.access.AssessmentAccessPolicy;
import dev.competency.assessments.provider.query.ActivityProviderClient;
import dev.competency.assessments.provider.query.ActivityProviderClients;
import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import dev.competency.platform.service.web.ResourceNotFound;
import dev.competency.platform.service.web.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins register the activity providers that may send xAPI statements, and revoke them. */
@RestController
@RequestMapping("/api/assessments/xapi-clients")
class ActivityProviderClientController {

    private final ActivityProviderClients clients;
    private final AssessmentAccessPolicy access;

    ActivityProviderClientController(ActivityProviderClients clients, AssessmentAccessPolicy access) {
        this.clients = clients;
        this.access = access;
    }

    /** {@code trustedAuthority}: keep the authority of this client's statements (default: the LRS sets it). */
    record RegisterClient(@NotBlank @Size(max = 200) @SingleLine String name, Boolean trustedAuthority) {
    }

    /** The credentials of a new client; the secret is shown only in this response. */
    record ClientCredentials(String key, String secret, String name, Instant createdAt, boolean trustedAuthority) {
    }

    record ClientView(String key, String name, String createdBy, Instant createdAt, boolean revoked,
                      boolean trustedAuthority) {
        static ClientView of(ActivityProviderClient client) {
            return new ClientView(client.key(), client.name(), client.createdBy(), client.createdAt(),
                    client.revoked(), client.trustedAuthority());
        }
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @AllowedRoles(Role.ADMIN)
    ResponseEntity<ClientCredentials> register(@Valid @RequestBody RegisterClient request, Caller caller) {
        access.requireAdmin(caller);
        ActivityProviderClients.Registration registration = clients.register(request.name(), caller.subject(),
                Boolean.TRUE.equals(request.trustedAuthority()));
        ActivityProviderClient client = registration.client();
        return ResponseEntity.created(URI.create("/api/assessments/xapi-clients/" + client.key()))
                .body(new ClientCredentials(client.key(), registration.secret(), client.name(), client.createdAt(),
                        client.trustedAuthority()));
    }

    @GetMapping
    List<ClientView> list(Caller caller) {
        access.requireAdmin(caller);
        return clients.all().stream().map(ClientView::of).toList();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{key}")
    ResponseEntity<Void> revoke(@PathVariable String key, Caller caller) {
        access.requireAdmin(caller);
        if (!clients.revoke(key)) {
            throw new ResourceNotFound("No activity-provider client " + key);
        }
        return ResponseEntity.noContent().build();
    }
}
