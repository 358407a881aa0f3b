package io.souq.customer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void acceptsALongEnoughPasswordWithLettersAndDigits() {
		assertThat(PasswordPolicy.violations("kettle-42-mint", "a@b.c")).isEmpty();
		assertThat(PasswordPolicy.violations("شاي بالنعناع 7", "a@b.c")).isEmpty();
	}

	@Test
	void refusesShortPasswords() {
		assertThat(PasswordPolicy.violations("ab1", "a@b.c")).containsExactly("must have at least 8 characters");
		assertThat(PasswordPolicy.violations(null, "a@b.c")).hasSize(1);
	}

	@Test
	void needsALetterAndADigit() {
		assertThat(PasswordPolicy.violations("12345678", "a@b.c")).containsExactly("must contain a letter");
		assertThat(PasswordPolicy.violations("abcdefgh", "a@b.c")).containsExactly("must contain a digit");
	}

	@Test
	void refusesTheEmailAsPasswordAndOverlongOnes() {
		assertThat(PasswordPolicy.violations("Layla1@example.com", "layla1@example.com"))
			.containsExactly("must not be the email address");
		assertThat(PasswordPolicy.violations("a1".repeat(65), "x@y.z"))
			.containsExactly("must have at most 128 characters");
	}

}
