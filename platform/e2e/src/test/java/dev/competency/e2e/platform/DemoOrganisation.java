package dev.competency.e2e.platform;

import java.util.List;

/**
 * What {@code --demo} loads, as a person meets it in the portal: the development issuer's accounts, the demo team and
 * the example framework's competencies, role profile and learning resource (their ids and titles are those of the
 * contract examples the launcher authors through the APIs).
 */
public final class DemoOrganisation {

    public static final String LEARNER_ADA = "learner-ada";
    public static final String LEARNER_ADA_ID = "7f2b7f39-c8c5-488a-994e-3c054105938f";
    public static final String LEARNER_ADA_NAME = "Amara Okafor";
    public static final String LEARNER_GRACE = "learner-grace";
    public static final String LEARNER_GRACE_ID = "learner-grace";
    public static final String MANAGER = "manager-maria";
    public static final String ASSESSOR = "assessor-alan";
    public static final String AUTHOR = "author-ana";
    public static final String ANALYST = "analyst-ali";
    public static final String ADMIN = "admin-ada";

    public static final String TEAM_ID = "6233712f-50a9-4140-86c7-2a625148f704";
    /** The organisation unit of every demo learner. */
    public static final String UNIT = "Platform engineering";
    public static final List<String> TEAM_MEMBER_NAMES = List.of("Amara Okafor", "Grace Mensah", "Lukas Weber",
            "Priya Raman", "Tomás Ortega", "Mei Chen");

    public static final String FRAMEWORK_CODE = "DEV";
    public static final String DESIGNS_APIS = "f82522b5-8a39-49ed-8fc9-acfef26216d4";
    public static final String DESIGNS_APIS_TITLE = "Designs resource-oriented HTTP APIs";
    public static final String EVOLVES_APIS = "0c53df7e-a725-4159-a5c7-c0c3a46ec709";
    public static final String EVOLVES_APIS_TITLE = "Evolves APIs without breaking clients";
    public static final String MODELS_DATA = "80cc2334-be62-498c-8029-b2e2dae413b6";
    public static final String MODELS_DATA_TITLE = "Models data for a document store";
    /** How a table names the competency in a column header: its title or its code. */
    public static final String DESIGNS_APIS_HEADER = "Designs resource-oriented HTTP APIs|DEV\\.API\\.1";
    /** The competencies every demo learner has evidence on. */
    public static final List<String> EVIDENCED_COMPETENCIES = List.of(DESIGNS_APIS, EVOLVES_APIS, MODELS_DATA);
    public static final List<String> EVIDENCED_TITLES = List.of(DESIGNS_APIS_TITLE, EVOLVES_APIS_TITLE,
            MODELS_DATA_TITLE);

    public static final String ROLE_PROFILE_TITLE = "Backend engineer II";
    /** The pieces of evidence the launcher records for each demo learner: three on each evidenced competency. */
    public static final int DEMO_EVIDENCE_PER_LEARNER = 9;
    /** The months the demo evidence occurred in (the launcher dates it from 2 June 2026, a month apart). */
    public static final String EVIDENCE_FROM = "2026-06-01";
    public static final String EVIDENCE_TO = "2026-08-31";
    public static final String LEARNING_RESOURCE_TITLE = "Evolving HTTP APIs: a hands-on workshop";

    private DemoOrganisation() {
    }

    /** The development issuer's demo password of an account. */
    public static String passwordOf(String username) {
        return username + "-pass";
    }
}
