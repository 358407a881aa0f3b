package io.souq.payment.web;

import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

import io.souq.payment.Card;
import io.souq.payment.InvalidCard;
import io.souq.payment.PaymentMethod;
import io.souq.payment.PaymentMethods;
import io.souq.payment.ProviderUnavailableException;
import io.souq.starter.security.AccessRules;
import io.souq.starter.web.ProblemException;
import io.souq.starter.web.ProblemException.FieldProblem;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Payment methods row of the API contract: a customer registers a card and gets a
 * token for it. The card is checked here by hand rather than by bean validation, so that
 * no validation message or log line can carry the number or the security code (a rejected
 * value is never part of an answer).
 */
@RestController
class PaymentMethodController {

	private final PaymentMethods methods;

	private final Clock clock;

	PaymentMethodController(PaymentMethods methods, Clock clock) {
		this.methods = methods;
		this.clock = clock;
	}

	@PostMapping("/api/payment-methods")
	ResponseEntity<PaymentMethodView> register(@AuthenticationPrincipal Jwt caller,
			@RequestBody PaymentMethodRequest request) {
		Card card;
		try {
			card = Card.of(request.cardNumber(), request.expMonth(), request.expYear(), request.cvc(),
					request.holderName(), YearMonth.now(this.clock.withZone(ZoneOffset.UTC)));
		}
		catch (InvalidCard ex) {
			throw ProblemException
				.invalidFields(ex.violations().stream().map((v) -> new FieldProblem(v.field(), v.message())).toList());
		}
		PaymentMethod method;
		try {
			method = this.methods.register(caller.getSubject(), card);
		}
		catch (ProviderUnavailableException ex) {
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "provider-unavailable",
					"Payment provider unavailable", "The card cannot be registered right now; try again later.");
		}
		return ResponseEntity.created(URI.create("/api/payment-methods/" + method.token()))
			.body(PaymentMethodView.of(method));
	}

	@Bean
	static AccessRules paymentMethodAccess() {
		return (rules) -> rules.requestMatchers("/api/payment-methods", "/api/payment-methods/**").hasRole("CUSTOMER");
	}

	/**
	 * A card as a customer sends it. Every field is read as text (JSON numbers too), so
	 * that a wrong value is reported on its field rather than as an unreadable body. Its
	 * {@code toString()} (written by debug logging of request bodies) shows neither the
	 * number nor the security code.
	 */
	record PaymentMethodRequest(String cardNumber, String expMonth, String expYear, String cvc, String holderName) {

		@Override
		public String toString() {
			return "PaymentMethodRequest[cardNumber=<hidden>, expMonth=" + this.expMonth + ", expYear=" + this.expYear
					+ ", cvc=<hidden>]";
		}

	}

	record PaymentMethodView(String token, String brand, String last4, int expMonth, int expYear) {

		static PaymentMethodView of(PaymentMethod method) {
			return new PaymentMethodView(method.token(), method.brand().name(), method.last4(), method.expMonth(),
					method.expYear());
		}

	}

}
