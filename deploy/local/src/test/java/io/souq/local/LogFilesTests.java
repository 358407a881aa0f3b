package io.souq.local;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LogFilesTests {

	@TempDir
	Path dir;

	@Test
	void lastLinesOfAText() {
		assertThat(LogFiles.lastLines("a\nb\nc\nd\n", 2)).isEqualTo("c\nd");
		assertThat(LogFiles.lastLines("a\r\nb", 5)).isEqualTo("a\nb");
		assertThat(LogFiles.lastLines("", 3)).isEmpty();
	}

	@Test
	void repeatedLinesAreCollapsed() {
		assertThat(LogFiles.collapse("a\nb\nb\nb\nc", 10)).isEqualTo("a\nb  [repeated 3 times]\nc");
		assertThat(LogFiles.collapse("a\nb\nc\nd", 2)).isEqualTo("c\nd");
		assertThat(LogFiles.collapse("x".repeat(500), 1)).hasSize(404).endsWith(" ...");
	}

	@Test
	void theTailOfAFileIsIndented() throws Exception {
		Path log = this.dir.resolve("kafka.log");
		Files.writeString(log, "one\ntwo\nthree\n");
		assertThat(LogFiles.tail(log, 2)).isEqualTo("  two\n  three");
		assertThat(LogFiles.tail(this.dir.resolve("missing.log"), 2)).contains("no log file");
	}

	@Test
	void printsAWholeFile() throws Exception {
		Path log = this.dir.resolve("smtp.log");
		Files.writeString(log, "hello\nworld\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		LogFiles.print(log, out, false);
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello\nworld\n");
		out.reset();
		LogFiles.copy(log, out, 6, false);
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("world\n");
	}

	@Test
	void aRefusalIsTheLastLineWithTheComponentsPrefix() throws Exception {
		Path log = this.dir.resolve("mongo.log");
		Files.writeString(log, "  INFO starting\n  ==== souq: starting mongo ====\n"
				+ "souq-embedded-mongo: data dir /d holds an older storage format: run ./souq reset\n");
		assertThat(LogFiles.refusal(log, LocalPlatform.STORE_FAILURE_PREFIX))
			.isEqualTo("data dir /d holds an older storage format: run ./souq reset");
		Files.writeString(log, "Exception in thread main\n\tat Main.main\n");
		assertThat(LogFiles.refusal(log, LocalPlatform.STORE_FAILURE_PREFIX)).isNull();
	}

}
