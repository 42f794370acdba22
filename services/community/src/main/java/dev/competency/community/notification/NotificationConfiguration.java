package dev.competency.community.notification;

import com.mongodb.client.MongoDatabase;
import dev.competency.community.notification.delivery.NotificationDelivery;
import dev.competency.community.notification.delivery.NotificationMailer;
import dev.competency.community.notification.query.EventStoreNotifier;
import dev.competency.community.notification.query.NotificationSettings;
import dev.competency.community.notification.query.Notifications;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    Notifications notifications(MongoDatabase serviceDatabase, Clock clock) {
        return new Notifications(serviceDatabase, clock);
    }

    @Bean
    NotificationSettings notificationSettings(MongoDatabase serviceDatabase) {
        return new NotificationSettings(serviceDatabase);
    }

    /** E-mail only where a deployment provides a {@link NotificationMailer}. */
    @Bean
    NotificationDelivery notificationDelivery(Notifications notifications, NotificationSettings settings,
                                              ObjectProvider<NotificationMailer> mailer) {
        return new NotificationDelivery(notifications, settings, Optional.ofNullable(mailer.getIfAvailable()));
    }

    @Bean
    EventStoreNotifier eventStoreNotifier(NotificationDelivery delivery, Notifications notifications) {
        return new EventStoreNotifier(delivery, notifications);
    }
}
