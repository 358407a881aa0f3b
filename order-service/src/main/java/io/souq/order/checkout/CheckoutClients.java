package io.souq.order.checkout;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The three synchronous calls of a checkout: the caller's cart, the caller's profile
 * (named addresses) and a shipping quote. The caller's own token is passed on, so each
 * service checks ownership itself.
 */
public class CheckoutClients implements AutoCloseable {

	private final RestClient http;

	private final JsonMapper json;

	private final CheckoutProperties properties;

	private final Downstream cart;

	private final Downstream customer;

	private final Downstream shipping;

	public CheckoutClients(CheckoutProperties properties, JsonMapper json, CircuitBreakerRegistry breakers,
			RetryRegistry retries) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
		factory.setReadTimeout(properties.calls().timeout());
		this.http = RestClient.builder().requestFactory(factory).build();
		this.json = json;
		this.properties = properties;
		this.cart = new Downstream("cart-service", properties.calls(), breakers, retries);
		this.customer = new Downstream("customer-service", properties.calls(), breakers, retries);
		this.shipping = new Downstream("shipping-service", properties.calls(), breakers, retries);
	}

	/** The caller's cart, as cart-service prices it now. */
	public JsonNode cart(String bearerToken) {
		return this.cart.call(() -> get(this.properties.cartUri().resolve("/api/cart"), bearerToken));
	}

	/** The caller's profile with the named addresses. */
	public JsonNode profile(String bearerToken) {
		return this.customer.call(() -> get(this.properties.customerUri().resolve("/api/customers/me"), bearerToken));
	}

	/** The shipping options for a parcel. */
	public JsonNode quote(String country, int weightGrams, BigDecimal subtotal, String currency) {
		URI uri = UriComponentsBuilder.fromUri(this.properties.shippingUri())
			.path("/api/shipping/quotes")
			.queryParam("country", country)
			.queryParam("weightGrams", weightGrams)
			.queryParam("subtotal", subtotal.toPlainString())
			.queryParam("currency", currency)
			.build()
			.toUri();
		return this.shipping.call(() -> get(uri, null));
	}

	private JsonNode get(URI uri, String bearerToken) {
		RestClient.RequestHeadersSpec<?> request = this.http.get().uri(uri);
		if (bearerToken != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
		}
		return this.json.readTree(request.retrieve().body(String.class));
	}

	@Override
	public void close() {
		this.cart.close();
		this.customer.close();
		this.shipping.close();
	}

}
