package dev.competency.community.discussion;

import com.mongodb.client.MongoDatabase;
import dev.competency.community.discussion.query.AuthorNames;
import dev.competency.community.discussion.query.Discussions;
import dev.competency.community.discussion.query.MarkdownRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DiscussionConfiguration {

    @Bean
    MarkdownRenderer markdownRenderer() {
        return new MarkdownRenderer();
    }

    @Bean
    Discussions discussions(MongoDatabase serviceDatabase, MarkdownRenderer renderer) {
        return new Discussions(serviceDatabase, renderer);
    }

    @Bean
    AuthorNames authorNames(MongoDatabase serviceDatabase) {
        return new AuthorNames(serviceDatabase);
    }
}
