package io.souq.local;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CliArgumentsTests {

	@Test
	void noArgumentsAndHelpVariantsMeanHelp() {
		assertThat(CliArguments.parse().command()).isEqualTo("help");
		assertThat(CliArguments.parse("help").command()).isEqualTo("help");
		assertThat(CliArguments.parse("-h").command()).isEqualTo("help");
		assertThat(CliArguments.parse("--help").command()).isEqualTo("help");
	}

	@Test
	void upTakesDetachOnlyTimeoutParallelAndNoAot() {
		CliArguments up = CliArguments.parse("up", "-d", "--only", "infra", "--timeout", "30", "--parallel=2",
				"--no-aot");
		assertThat(up.command()).isEqualTo("up");
		assertThat(up.detach()).isTrue();
		assertThat(up.only()).contains("infra");
		assertThat(up.timeoutSeconds()).hasValue(30);
		assertThat(up.parallel()).hasValue(2);
		assertThat(up.noAot()).isTrue();
	}

	@Test
	void upDefaults() {
		CliArguments up = CliArguments.parse("up");
		assertThat(up.detach()).isFalse();
		assertThat(up.only()).isEmpty();
		assertThat(up.timeoutSeconds()).isEmpty();
		assertThat(up.noAot()).isFalse();
		assertThat(CliArguments.parse("up", "--detach").detach()).isTrue();
		assertThat(CliArguments.parse("up", "--only=kafka,mongo,smtp").only()).contains("kafka,mongo,smtp");
	}

	@Test
	void upRejectsUnknownComponentsOptionsAndMissingValues() {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CliArguments.parse("up", "--only", "kafak"))
			.withMessageContaining("unknown component 'kafak'");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CliArguments.parse("up", "--fast"))
			.withMessageContaining("unknown option '--fast'");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CliArguments.parse("up", "--only"))
			.withMessageContaining("needs a value");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CliArguments.parse("up", "--timeout", "soon"))
			.withMessageContaining("positive number");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CliArguments.parse("up", "--parallel", "0"))
			.withMessageContaining("positive number");
	}

	@Test
	void logsTakesOneNameFollowAndLines() {
		CliArguments logs = CliArguments.parse("logs", "kafka", "-f", "-n", "20");
		assertThat(logs.names()).containsExactly("kafka");
		assertThat(logs.follow()).isTrue();
		assertThat(logs.lines()).hasValue(20);
		assertThat(CliArguments.parse("logs", "--follow", "order-service").follow()).isTrue();
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CliArguments.parse("logs"))
			.withMessageContaining("one component name");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CliArguments.parse("logs", "kafka", "smtp"))
			.withMessageContaining("one component name");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CliArguments.parse("logs", "nope"))
			.withMessageContaining("unknown component 'nope'");
	}

	@Test
	void stopStartRestartTakeNamesAndGroups() {
		assertThat(CliArguments.parse("stop", "payment-service").names()).containsExactly("payment-service");
		assertThat(CliArguments.parse("start", "kafka", "smtp").names()).containsExactly("kafka", "smtp");
		assertThat(CliArguments.parse("restart", "infra").names()).containsExactly("kafka", "mongo", "smtp");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CliArguments.parse("stop"))
			.withMessageContaining("takes component names");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CliArguments.parse("start", "-x"))
			.withMessageContaining("unknown option");
	}

	@Test
	void resetTakesForce() {
		assertThat(CliArguments.parse("reset").force()).isFalse();
		assertThat(CliArguments.parse("reset", "--force").force()).isTrue();
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CliArguments.parse("reset", "now"));
	}

	@Test
	void downAndStatusTakeNoArguments() {
		assertThat(CliArguments.parse("down").command()).isEqualTo("down");
		assertThat(CliArguments.parse("status").names()).isEqualTo(List.of());
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CliArguments.parse("down", "kafka"))
			.withMessageContaining("takes no arguments");
	}

	@Test
	void unknownCommandsAndScriptCommandsAreUsageErrors() {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CliArguments.parse("deploy"))
			.withMessage("unknown command 'deploy'");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CliArguments.parse("build"))
			.withMessageContaining("./souq script");
	}

}
