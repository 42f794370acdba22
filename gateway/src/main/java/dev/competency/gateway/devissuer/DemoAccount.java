package dev.competency.gateway.devissuer;

import java.util.List;

/**
 * A person or machine client the development issuer knows, with the claims its tokens carry. Demo credentials
 * only: they exist in the {@code local} profile and nowhere else.
 *
 * @param name the username (password grant) or client id (client-credentials grant)
 * @param secret the demo password or client secret
 * @param subject the token's {@code sub}; for learners and managers the id the demo data uses for them
 * @param roles the {@code roles} claim
 * @param organisationUnit the {@code org_unit} claim, or null
 * @param teamId the {@code team_id} claim (the learner's own team), or null
 * @param managedTeams the {@code managed_teams} claim
 */
record DemoAccount(String name, String secret, String subject, List<String> roles, String organisationUnit,
                   String teamId, List<String> managedTeams) {

    /** The demo learner, team and manager of the contract examples that {@code run-local.sh --demo} loads. */
    static final String DEMO_LEARNER = "7f2b7f39-c8c5-488a-994e-3c054105938f";
    static final String DEMO_TEAM = "6233712f-50a9-4140-86c7-2a625148f704";
    static final String DEMO_MANAGER = "a3e7127e-0eb0-4eb8-9db6-0836f9d2f410";
    static final String DEMO_UNIT = "Platform engineering";

    /** People: one per role, two learners in the demo team. Password = username + "-pass". */
    static final List<DemoAccount> USERS = List.of(
            person("learner-ada", DEMO_LEARNER, "LEARNER", DEMO_UNIT, DEMO_TEAM, List.of()),
            person("learner-grace", "learner-grace", "LEARNER", DEMO_UNIT, DEMO_TEAM, List.of()),
            person("manager-maria", DEMO_MANAGER, "MANAGER", DEMO_UNIT, null, List.of(DEMO_TEAM)),
            person("assessor-alan", "assessor-alan", "ASSESSOR", DEMO_UNIT, null, List.of()),
            person("author-ana", "author-ana", "AUTHOR", null, null, List.of()),
            person("analyst-ali", "analyst-ali", "ANALYST", null, null, List.of()),
            person("admin-ada", "admin-ada", "ADMIN", null, null, List.of()));

    /** Machine clients for the client-credentials grant. Secret = client id + "-secret". */
    static final List<DemoAccount> CLIENTS = List.of(
            new DemoAccount("analytics-exporter", "analytics-exporter-secret", "analytics-exporter",
                    List.of("ANALYST"), null, null, List.of()),
            new DemoAccount("evidence-importer", "evidence-importer-secret", "evidence-importer",
                    List.of("ASSESSOR"), DEMO_UNIT, null, List.of()));

    private static DemoAccount person(String username, String subject, String role, String unit, String team,
                                      List<String> managedTeams) {
        return new DemoAccount(username, username + "-pass", subject, List.of(role), unit, team, managedTeams);
    }
}
