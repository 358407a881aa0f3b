package io.souq.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackOffTests {

	final BackOff backOff = new BackOff(Duration.ofSeconds(1), Duration.ofMinutes(1));

	@Test
	void doublesTheWaitAfterEveryFailureUpToTheMaximum() {
		assertThat(this.backOff.after(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.backOff.after(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.backOff.after(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.backOff.after(6)).isEqualTo(Duration.ofSeconds(32));
		assertThat(this.backOff.after(7)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.backOff.after(8)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void keepsTryingAtTheMaximumPaceForever() {
		assertThat(this.backOff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.backOff.after(0)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void needsAPositiveWaitAndAMaximumNotBelowIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BackOff(Duration.ZERO, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BackOff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
	}

}
