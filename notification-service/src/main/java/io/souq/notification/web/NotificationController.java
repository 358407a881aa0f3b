package io.souq.notification.web;

import java.time.Instant;

import io.souq.notification.Notification;
import io.souq.notification.Notifications;
import io.souq.notification.Notifications.SentNotification;
import io.souq.starter.security.AccessRules;
import io.souq.starter.web.PageView;
import io.souq.starter.web.Paging;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Notifications row of the API contract: a customer reads the messages sent to them,
 * newest first. Only sent messages are listed (one waiting for the mail server is not
 * sent yet), and only the caller's: nobody else's are ever visible.
 */
@RestController
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/notifications")
	PageView<NotificationView> mine(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size) {
		return PageView.of(this.notifications.sentTo(jwt.getSubject(), Paging.of(page, size)), NotificationView::of);
	}

	@Bean
	static AccessRules notificationAccess() {
		return (rules) -> rules.requestMatchers("/api/notifications", "/api/notifications/**").hasRole("CUSTOMER");
	}

	record NotificationView(String id, String channel, String template, String subject, String locale, Instant sentAt,
			String orderId) {

		static NotificationView of(SentNotification sent) {
			return new NotificationView(sent.id(), Notification.EMAIL, sent.template().id(), sent.subject(),
					sent.locale(), sent.sentAt(), sent.orderId());
		}

	}

}
