package dev.competency.platform.images;

import java.nio.file.Path;

/** The six modules that ship as container images, with what their image must start and expose. */
enum Deployable {
    FRAMEWORKS("services/frameworks", "frameworks", "dev.competency.frameworks.FrameworksApplication", 8081),
    ASSESSMENTS("services/assessments", "assessments", "dev.competency.assessments.AssessmentsApplication", 8082),
    LEARNER_PROFILES("services/learner-profiles", "learner-profiles",
            "dev.competency.learners.LearnerProfilesApplication", 8083),
    ANALYTICS("services/analytics", "analytics", "dev.competency.analytics.AnalyticsApplication", 8084),
    COMMUNITY("services/community", "community", "dev.competency.community.CommunityApplication", 8085),
    GATEWAY("gateway", "gateway", "dev.competency.gateway.GatewayApplication", 8080);

    final String module;
    final String artifactId;
    final String mainClass;
    final int port;

    Deployable(String module, String artifactId, String mainClass, int port) {
        this.module = module;
        this.artifactId = artifactId;
        this.mainClass = mainClass;
        this.port = port;
    }

    Path target() {
        return ImageBuild.root().resolve(module).resolve("target");
    }

    Path imageTarball() {
        return target().resolve("jib-image.tar");
    }

    /** Spring Boot's parent writes it into the classes, so it ships in the image (and at /actuator/sbom). */
    Path sbom() {
        return target().resolve("classes").resolve(SBOM_IN_CLASSES);
    }

    static final String SBOM_IN_CLASSES = "META-INF/sbom/application.cdx.json";

    /** The name every deployment uses: {@code <images.repository>/<artifactId>:<project version>}. */
    String imageReference() {
        return ImageBuild.repository() + "/" + artifactId + ":" + ImageBuild.version();
    }
}
