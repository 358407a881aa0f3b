package io.souq.customer.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.souq.customer.Address;
import io.souq.customer.Customer;
import io.souq.customer.Customers;
import io.souq.customer.auth.SigningKeys;
import io.souq.customer.auth.TokenIssuer;
import io.souq.starter.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Identity: registration, sign-in, the caller's profile and addresses, the JWK set.
 */
@RestController
@Validated
class CustomerController {

	private final Customers customers;

	private final TokenIssuer tokens;

	private final SigningKeys keys;

	CustomerController(Customers customers, TokenIssuer tokens, SigningKeys keys) {
		this.customers = customers;
		this.tokens = tokens;
		this.keys = keys;
	}

	@PostMapping("/api/customers")
	ResponseEntity<CustomerView> register(@Valid @RequestBody RegistrationRequest request) {
		Customer customer = this.customers.register(request.email(), request.password(), request.name().trim(),
				(request.locale() != null) ? request.locale() : "en");
		return ResponseEntity.created(URI.create("/api/customers/me")).body(CustomerView.of(customer));
	}

	@PostMapping("/api/auth/token")
	TokenResponse token(@Valid @RequestBody TokenRequest request) {
		Customer customer = this.customers.authenticate(request.email(), request.password())
			.orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "bad-credentials", "Unauthorized",
					"The email or the password is wrong."));
		TokenIssuer.IssuedToken token = this.tokens.issue(customer);
		return new TokenResponse(token.value(), "Bearer", token.expiresIn());
	}

	@GetMapping("/api/customers/me")
	ProfileView me(@AuthenticationPrincipal Jwt jwt) {
		return ProfileView.of(this.customers.get(jwt.getSubject()));
	}

	@PutMapping("/api/customers/me/addresses/{name}")
	ProfileView putAddress(@AuthenticationPrincipal Jwt jwt,
			@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,40}",
					message = "must be 1 to 40 letters, digits, '-' or '_'") String name,
			@Valid @RequestBody AddressRequest request) {
		Address address = new Address(request.line1(), request.line2(), request.city(), request.postalCode(),
				request.country(), request.phone());
		return ProfileView.of(this.customers.putAddress(jwt.getSubject(), name, address));
	}

	@GetMapping("/.well-known/jwks.json")
	Map<String, Object> jwks() {
		return this.keys.publicKeys().toJSONObject(true);
	}

	record RegistrationRequest(@NotBlank @Email @Size(max = 254) String email, @NotNull String password,
			@NotBlank @Size(max = 100) String name, @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?",
					message = "must be a language tag such as en or ar") String locale) {
	}

	record TokenRequest(@NotBlank String email, @NotBlank String password) {
	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn) {
	}

	record AddressRequest(@NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2,
			@NotBlank @Size(max = 100) String city, @NotBlank @Size(max = 20) String postalCode,
			@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code") String country,
			@Pattern(regexp = "\\+?[0-9 ()-]{4,20}", message = "must be a phone number") String phone) {
	}

	record CustomerView(String id, String email, String name, String locale) {

		static CustomerView of(Customer customer) {
			return new CustomerView(customer.id(), customer.email(), customer.name(), customer.locale());
		}

	}

	record ProfileView(String id, String email, String name, String locale, List<String> roles,
			Map<String, Address> addresses) {

		static ProfileView of(Customer customer) {
			return new ProfileView(customer.id(), customer.email(), customer.name(), customer.locale(),
					customer.roles().stream().map(Enum::name).sorted().toList(), customer.addresses());
		}

	}

}
