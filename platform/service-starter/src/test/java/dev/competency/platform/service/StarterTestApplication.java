package dev.competency.platform.service;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest service built on the starter, to test what the starter gives every service. */
@SpringBootApplication
public class StarterTestApplication {
}
