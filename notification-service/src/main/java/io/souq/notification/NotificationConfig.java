package io.souq.notification;

import io.souq.notification.templates.MailTemplates;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfig {

	@Bean
	MailTemplates mailTemplates(NotificationProperties properties) {
		return new MailTemplates(properties.zone());
	}

}
