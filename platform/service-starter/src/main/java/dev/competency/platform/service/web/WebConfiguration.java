package dev.competency.platform.service.web;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import dev.competency.platform.service.messaging.RecoverableFailure;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service's web layer shares: problem details for every error (from controllers, from Spring MVC, from
 * the servlet container), request body limits, request ids and the JSON writer's settings.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestSizeProperties.class)
public class WebConfiguration {

    @Bean
    ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    /** Takes the place of Spring Boot's error controller, which answers in its own JSON or HTML. */
    @Bean
    ProblemErrorController problemErrorController(ObjectProvider<RecoverableFailure> recoverableFailures) {
        return new ProblemErrorController(recoverableFailures.orderedStream().toList());
    }

    /**
     * Doubles in responses written with Jackson's own shortest-representation writer instead of the JDK's
     * {@code Double.toString}, which on Java 17 took about a quarter of the CPU of an as-of query that lists thousands
     * of weighted evidence items.
     */
    @Bean
    JsonMapperBuilderCustomizer fastDoubleWriter() {
        return builder -> builder.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before authentication, so that an oversized body costs no token check and is never read. */
    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(RequestSizeProperties limits, JsonMapper json) {
        FilterRegistrationBean<RequestSizeFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeFilter(limits, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatErrors {

        /**
         * Replaces Tomcat's HTML error report (and the one Spring Boot configures) with {@link ProblemReportValve}.
         * Runs after Spring Boot's own customizer, which adds its valve to the host.
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
            return factory -> factory.addContextCustomizers(context -> {
                Pipeline pipeline = context.getParent().getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ProblemReportValve());
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        }
    }
}
