package dev.competency.assessments.xapi.web;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /xapi/about}: the xAPI versions this LRS speaks; open without credentials. */
@SecurityRequirements
@RestController
class AboutController {

    @GetMapping("/xapi/about")
    Map<String, Object> about() {
        return Map.of("version", List.of(XapiHeaders.CURRENT_VERSION, "1.0.3", "1.0.2", "1.0.1", "1.0.0"));
    }
}
