package io.souq.mongo.bench;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HelpersTests {

	@Test
	void cpuTicksAreUtimePlusStimeEvenWithParenthesesInTheName() {
		String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 30 0 100 0 0";
		assertThat(ProcFs.parseCpuTicks(stat)).isEqualTo(1234 + 567);
		assertThat(ProcFs.parseCpuTicks("garbage")).isEqualTo(-1);
	}

	@Test
	void rssIsReadInBytes() {
		assertThat(ProcFs.parseRssBytes("Name:\tjava\nVmPeak:\t 9 kB\nVmRSS:\t  123456 kB\nThreads:\t30\n"))
			.isEqualTo(123456L * 1024);
		assertThat(ProcFs.parseRssBytes("Name:\tjava\n")).isEqualTo(-1);
	}

	@Test
	void ownProcessIsReadable() {
		long pid = ProcessHandle.current().pid();
		assertThat(ProcFs.cpuTicks(pid)).isPositive();
		assertThat(ProcFs.rssBytes(pid)).isGreaterThan(1 << 20);
		assertThat(ProcFs.clockTicksPerSecond()).isPositive();
	}

	@Test
	void countersComeFromTheSouqDocumentWhenThereIsOne() {
		assertThat(ServerCounters.from(new Document("ok", 1.0))).isNull();
		assertThat(ServerCounters.from(new Document("souq", new Document("writes", 5)))).isNull();
		ServerCounters before = ServerCounters
			.from(new Document("souq", new Document("writes", 10L).append("commits", 4)));
		ServerCounters after = new ServerCounters(40, 14);
		ServerCounters delta = ServerCounters.delta(before, after);
		assertThat(delta).isEqualTo(new ServerCounters(30, 10));
		assertThat(delta.writesPerCommit()).isEqualTo(3.0);
		assertThat(new ServerCounters(5, 0).writesPerCommit()).isNaN();
		assertThat(ServerCounters.delta(null, after)).isNull();
	}

	@Test
	void targetsJudge() {
		assertThat(Figure.INSERT.target().judge(2_000)).isEqualTo("ok");
		assertThat(Figure.INSERT.target().judge(1_999)).isEqualTo("MISS");
		assertThat(Figure.IDLE_CPU.target().judge(2)).isEqualTo("MISS");
		assertThat(Figure.RSS.target().judge(Double.NaN)).isEqualTo("n/a");
		assertThat(Figure.FILL_RATE.formatJudged(1234.4)).isEqualTo("1,234");
		assertThat(Figure.RSS.formatJudged(312, " MB")).isEqualTo("312 MB ok");
		assertThat(Figure.WRITES_PER_COMMIT.formatJudged(Double.NaN)).isEqualTo("n/a");
	}

	@Test
	void spreadIsFastestOverSlowest() {
		SizeResult small = new SizeResult(1_000);
		SizeResult large = new SizeResult(100_000);
		small.put(Figure.INSERT, 3_000);
		large.put(Figure.INSERT, 2_500);
		assertThat(Report.spread(Figure.INSERT, List.of(small, large))).isEqualTo("1.20x ok");
		large.put(Figure.INSERT, 1_000);
		assertThat(Report.spread(Figure.INSERT, List.of(small, large))).isEqualTo("3.00x MISS");
		assertThat(Report.spread(Figure.INSERT, List.of(small))).isEqualTo("-");
	}

	@Test
	void summaryHasAColumnPerSizeAndSkipsUnmeasuredFigures() {
		SizeResult small = new SizeResult(1_000);
		small.put(Figure.INSERT, 3_000);
		List<String> lines = Report.summary(List.of(small)).lines();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).contains("1,000 docs");
		assertThat(lines.get(2)).contains("3,000 ok");
	}

	@Test
	void tablesPadTheirColumns() {
		List<String> lines = new Table("a", "bb").left(1).row("xyz", "1").row("q").lines();
		assertThat(lines).containsExactly("| a   | bb  |", "|-----|-----|", "| xyz | 1   |", "| q   |     |");
	}

	@Test
	void bytesReadWithBinaryUnits() {
		assertThat(Report.bytes(512)).isEqualTo("512 B");
		assertThat(Report.bytes(3 * 1024 * 1024 + 300 * 1024)).isEqualTo("3.29 MB");
		assertThat(Report.bytes(-1)).isEqualTo("n/a");
	}

	@Test
	void optionsHaveDefaultsAndParse() {
		BenchmarkOptions defaults = BenchmarkOptions.parse();
		assertThat(defaults.sizes()).containsExactly(1_000, 100_000, 1_000_000);
		assertThat(defaults.serverJavaOptions()).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
		BenchmarkOptions options = BenchmarkOptions.parse("--sizes", "1000,5_000", "--seconds=3", "--keep",
				"--server-java-opts", "-Xmx512m -XX:+UseParallelGC", "--skip-idle", "--writers", "4");
		assertThat(options.sizes()).containsExactly(1_000, 5_000);
		assertThat(options.seconds()).isEqualTo(3);
		assertThat(options.keep()).isTrue();
		assertThat(options.skipIdle()).isTrue();
		assertThat(options.writers()).isEqualTo(4);
		assertThat(options.serverJavaOptions()).containsExactly("-Xmx512m", "-XX:+UseParallelGC");
		assertThat(options.largestSize()).isEqualTo(5_000);
		assertThat(BenchmarkOptions.parse("--server-java-opts", "--enable-preview").serverJavaOptions())
			.containsExactly("--enable-preview");
	}

	@Test
	void wrongArgumentsAreOneLineMessages() {
		for (String[] args : List.of(new String[] { "--sizes" }, new String[] { "--sizes", "10,x" },
				new String[] { "--seconds", "0" }, new String[] { "--bogus" }, new String[] { "--keep=yes" },
				new String[] { "--writers", "2", "--writers", "3" }, new String[] { "--sizes", "5,5" })) {
			assertThatExceptionOfType(BenchmarkOptions.UsageException.class)
				.isThrownBy(() -> BenchmarkOptions.parse(args))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
		}
	}

}
